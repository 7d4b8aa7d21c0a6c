package views

import (
	"fmt"
	"html"
	"html/template"
	"net/http"

	"github.com/microcosm-cc/bluemonday"
)

type Page struct {
	Bio  template.HTML
	Link template.URL
}

func Profile(w http.ResponseWriter, r *http.Request, tmpl *template.Template) {
	bio := r.FormValue("bio")
	// ruleid: go-xss-unescaped-template-type
	p := Page{Bio: template.HTML(bio)}
	// ruleid: go-xss-unescaped-template-type
	p.Link = template.URL(r.URL.Query().Get("homepage"))
	tmpl.Execute(w, p)
}

func Badge(name string) template.HTML {
	// ruleid: go-xss-unescaped-template-type
	return template.HTML(fmt.Sprintf("<span class=\"badge\">%s</span>", name))
}

func Greeting(name string) template.HTML {
	// ruleid: go-xss-unescaped-template-type
	return template.HTML("<b>" + name + "</b>")
}

func Safe(w http.ResponseWriter, r *http.Request) template.HTML {
	policy := bluemonday.UGCPolicy()
	// ok: go-xss-unescaped-template-type
	a := template.HTML(policy.Sanitize(r.FormValue("bio")))
	// ok: go-xss-unescaped-template-type
	b := template.HTML("<hr>")
	// ok: go-xss-unescaped-template-type
	c := template.HTML("<b>" + html.EscapeString(r.FormValue("name")) + "</b>")
	_ = b
	_ = c
	return a
}
