module example.com/m

go 1.21

toolchain go1.21.5

require (
	golang.org/x/text v0.3.7
	github.com/gin-gonic/gin v1.6.0 // indirect
)
