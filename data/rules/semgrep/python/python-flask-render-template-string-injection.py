import jinja2
from flask import Flask, render_template, render_template_string, request

app = Flask(__name__)
APP_NAME = "Shop"


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    # ruleid: python-flask-render-template-string-injection
    return render_template_string(f"<h1>Hello {name}</h1>")


@app.route("/page/<title>")
def page(title):
    template = "<h1>" + title + "</h1>"
    # ruleid: python-flask-render-template-string-injection
    return render_template_string(template)


@app.route("/raw", methods=["POST"])
def raw():
    # ruleid: python-flask-render-template-string-injection
    return render_template_string(request.form["tpl"])


def render_note(note_text):
    # ok: python-flask-render-template-string-injection
    tpl = jinja2.Template("<p>%s</p>" % note_text)
    env = jinja2.Environment(autoescape=True)
    # ok: python-flask-render-template-string-injection
    tpl2 = env.from_string("<p>{}</p>".format(note_text))
    return tpl.render(), tpl2.render()


@app.route("/safe")
def safe():
    name = request.args.get("name", "")
    # ok: python-flask-render-template-string-injection
    a = render_template_string("<h1>Hello {{ name }}</h1>", name=name)
    # ok: python-flask-render-template-string-injection
    b = render_template_string(f"<title>{APP_NAME}</title>{{{{ name }}}}", name=name)
    # ok: python-flask-render-template-string-injection
    c = render_template("hello.html", name=name)
    return a + b + c
