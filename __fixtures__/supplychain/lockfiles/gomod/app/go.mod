module example.com/demo

go 1.26.0

toolchain go1.26.8

require (
	example.com/demo/lib v0.0.0-00010101000000-000000000000
	github.com/google/uuid v1.6.0
	github.com/stretchr/testify v1.12.1
	golang.org/x/text v0.43.0
	gopkg.in/yaml.v3 v3.0.1
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect

replace example.com/demo/lib => ./lib

replace github.com/google/uuid v1.6.0 => github.com/google/uuid v1.5.0

exclude golang.org/x/text v0.42.0
