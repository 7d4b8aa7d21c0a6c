package files

import (
	"net/http"
	"os"
	"path/filepath"

	"github.com/gin-gonic/gin"
)

const baseDir = "/srv/uploads"

func Download(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	// ruleid: go-path-traversal
	data, _ := os.ReadFile(filepath.Join(baseDir, name))
	w.Write(data)
	// ruleid: go-path-traversal
	http.ServeFile(w, r, baseDir+"/"+r.URL.Path)
	// ruleid: go-path-traversal
	os.Remove(filepath.Join(baseDir, r.FormValue("del")))
}

func GinDownload(c *gin.Context) {
	// ruleid: go-path-traversal
	c.File(filepath.Join(baseDir, c.Param("name")))
	// ruleid: go-path-traversal
	f, _ := os.Open(baseDir + "/" + c.Query("f"))
	defer f.Close()
}

func Safe(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	// ok: go-path-traversal
	data, _ := os.ReadFile(filepath.Join(baseDir, filepath.Base(name)))
	w.Write(data)
	other := r.URL.Query().Get("other")
	if !filepath.IsLocal(other) {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	// ok: go-path-traversal
	f, _ := os.Open(filepath.Join(baseDir, other))
	defer f.Close()
	// ok: go-path-traversal
	os.ReadFile(filepath.Join(baseDir, "index.html"))
}
