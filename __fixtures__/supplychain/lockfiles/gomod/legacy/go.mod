// A pre-1.17 module: indirect requirements only where MVS needed them, old-style replace and exclude
// blocks, a +incompatible major, a pseudo-version and a quoted path.
module github.com/example/legacy

go 1.16

require (
	github.com/Azure/go-autorest/autorest v0.11.29
	github.com/davecgh/go-spew v1.1.1 // indirect
	github.com/docker/docker v24.0.9+incompatible
	golang.org/x/sys v0.0.0-20220722155257-8c9f86f7a55f // indirect; needed by x/term
	"gopkg.in/check.v1" v1.0.0-20201130134442-10cb98267c6c
)

replace (
	github.com/docker/docker => github.com/moby/moby v24.0.9+incompatible
	github.com/example/legacy/internal => ../internal
)

exclude (
	golang.org/x/sys v0.0.0-20200116001909-b77594299b42
)

retract v1.0.1 // published by mistake
