package proxy

import (
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
)

func Fetch(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	// ruleid: go-ssrf-user-controlled-url
	resp, err := http.Get(target)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
	// ruleid: go-ssrf-user-controlled-url
	req, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, r.FormValue("callback"), nil)
	client := &http.Client{}
	client.Do(req)
}

func Webhook(c *gin.Context) {
	client := &http.Client{}
	// ruleid: go-ssrf-user-controlled-url
	client.Get(c.Query("hook"))
	// ruleid: go-ssrf-user-controlled-url
	http.Post(c.PostForm("endpoint")+"/notify", "application/json", nil)
}

func Safe(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	// ok: go-ssrf-user-controlled-url
	http.Get("https://api.example.com/users/" + id)
	// ok: go-ssrf-user-controlled-url
	http.Get("https://status.example.com/health")
	// ok: go-ssrf-user-controlled-url
	http.NewRequestWithContext(r.Context(), http.MethodGet, "https://api.example.com/items?id="+id, nil)
}
