module example.com/broken

go 1.22

require (
	github.com/google/uuid v1.6.0
	golang.org/x/text
	github.com/pkg/errors 0.9.1
)

replace github.com/pkg/errors v0.9.1 github.com/pkg/errors v0.9.0

requrie golang.org/x/sys v0.20.0

require (
	golang.org/x/net v0.25.0 // indirect
