from flask import Flask, request
from markupsafe import Markup, escape

app = Flask(__name__)


@app.route("/greet")
def greet():
    name = request.args.get("name")
    # ruleid: python-markup-unescaped-input
    banner = Markup(f"<b>Hello {name}</b>")
    # ruleid: python-markup-unescaped-input
    bio = Markup(request.form.get("bio"))
    return banner + bio


def render_badge(label):
    # ruleid: python-markup-unescaped-input
    return Markup("<span class='badge'>" + label + "</span>")


def render_link(url, text):
    # ruleid: python-markup-unescaped-input
    return Markup('<a href="{}">{}</a>'.format(url, text))


def safe(label, name):
    # ok: python-markup-unescaped-input
    a = Markup("<b>{}</b>").format(name)
    # ok: python-markup-unescaped-input
    b = Markup("<b>%s</b>") % name
    # ok: python-markup-unescaped-input
    c = Markup(f"<b>{escape(label)}</b>")
    # ok: python-markup-unescaped-input
    d = Markup("<hr>")
    # ok: python-markup-unescaped-input
    e = Markup(escape(name))
    joined = " ".join(f'{escape(k)}="{escape(v)}"' for k, v in label.items())
    joined = " " + joined
    # ok: python-markup-unescaped-input
    f = Markup(joined)
    return a, b, c, d, e, f
