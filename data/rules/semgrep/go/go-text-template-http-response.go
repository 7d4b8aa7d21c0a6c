package web

import (
	"net/http"
	"os"
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
