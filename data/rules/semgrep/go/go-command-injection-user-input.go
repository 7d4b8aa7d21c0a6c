package web

import (
	"net/http"
	"os/exec"

	"github.com/gin-gonic/gin"
)

func Run(w http.ResponseWriter, r *http.Request) {
	prog := r.URL.Query().Get("tool")
	// ruleid: go-command-injection-user-input
	out, _ := exec.Command(prog, "--version").Output()
	w.Write(out)
	// ruleid: go-command-injection-user-input
	exec.CommandContext(r.Context(), r.FormValue("bin")).Run()
}

func GinRun(c *gin.Context) {
	// ruleid: go-command-injection-user-input
	exec.Command(c.Query("cmd")).Run()
}

func Safe(w http.ResponseWriter, r *http.Request) {
	action := r.URL.Query().Get("action")
	switch action {
	case "version":
		// ok: go-command-injection-user-input
		exec.Command("git", "--version").Run()
	}
	// ok: go-command-injection-user-input
	exec.CommandContext(r.Context(), "convert", "in.png", "out.jpg").Run()
}

func SafeLookup(w http.ResponseWriter, r *http.Request) {
	tools := map[string]string{"img": "/usr/bin/convert"}
	// ok: go-command-injection-user-input
	exec.Command(tools["img"], r.FormValue("x")).Run()
}
