package auth

import (
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"
)

func Login(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	// ruleid: go-open-redirect
	http.Redirect(w, r, next, http.StatusFound)
}

func Out(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-open-redirect
	http.Redirect(w, r, r.FormValue("to"), http.StatusSeeOther)
}

func GinLogin(c *gin.Context) {
	// ruleid: go-open-redirect
	c.Redirect(http.StatusFound, c.Query("return_to"))
}

func Safe(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	if isSafeRedirect(next) {
		// ok: go-open-redirect
		http.Redirect(w, r, next, http.StatusFound)
		return
	}
	// ok: go-open-redirect
	http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.Path), http.StatusFound)
	// ok: go-open-redirect
	http.Redirect(w, r, "/dashboard", http.StatusFound)
}

func isSafeRedirect(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Host == "" && u.Scheme == "" && len(s) > 1 && s[0] == '/' && s[1] != '/'
}
