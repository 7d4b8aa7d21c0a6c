module example.com/go-files

go 1.24
