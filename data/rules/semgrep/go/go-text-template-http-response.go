package web

import (
	"bytes"
	"net/http"
	"os"
	"strings"
	"text/template"
)

var page = template.Must(template.New("page").Parse("<h1>Hello {{.Name}}</h1>"))

type Server struct{ tmpl *template.Template }

func Hello(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-text-template-http-response
	page.Execute(w, map[string]string{"Name": r.URL.Query().Get("name")})
}

func (s *Server) Index(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-text-template-http-response
	s.tmpl.ExecuteTemplate(w, "index", nil)
}

func WriteConfig() {
	// ok: go-text-template-http-response
	page.Execute(os.Stdout, map[string]string{"Name": "cli"})
}

func Render(w http.ResponseWriter, r *http.Request) {
	var buf bytes.Buffer
	// ok: go-text-template-http-response
	page.Execute(&buf, nil)
	// ruleid: go-text-template-http-response
	page.ExecuteTemplate(w, "page", r.URL.Query())
}

func Email(to string) string {
	var sb strings.Builder
	// ok: go-text-template-http-response
	page.Execute(&sb, map[string]string{"Name": to})
	return sb.String()
}
