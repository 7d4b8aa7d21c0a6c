from flask import Flask, Response, jsonify, make_response, render_template, request
from markupsafe import escape

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    # ruleid: python-flask-reflected-xss
    return f"<h1>Hello {name}</h1>"


@app.route("/search")
def search():
    q = request.args["q"]
    # ruleid: python-flask-reflected-xss
    return "<p>No results for " + q + "</p>", 404


@app.get("/echo")
def echo():
    # ruleid: python-flask-reflected-xss
    return request.args.get("msg")


@app.route("/user/<username>")
def profile(username):
    # ruleid: python-flask-reflected-xss
    return make_response("<h2>{}</h2>".format(username))


@app.post("/preview")
def preview():
    text = request.form["text"]
    # ruleid: python-flask-reflected-xss
    return Response("<div>%s</div>" % text)


@app.route("/safe")
def safe():
    name = request.args.get("name", "")
    if name == "json":
        # ok: python-flask-reflected-xss
        return jsonify(name=name)
    if name == "tpl":
        # ok: python-flask-reflected-xss
        return render_template("hello.html", name=name)
    if name == "plain":
        # ok: python-flask-reflected-xss
        return Response(f"Hello {name}", mimetype="text/plain")
    if name == "dict":
        # ok: python-flask-reflected-xss
        return {"name": name}
    # ok: python-flask-reflected-xss
    return f"<h1>Hello {escape(name)}</h1>"


@app.route("/method", methods=["GET", "POST"])
def method():
    # ok: python-flask-reflected-xss
    return request.method


@app.route("/endpoint")
def endpoint():
    # ok: python-flask-reflected-xss
    return request.endpoint


@app.route("/items/<int:item_id>")
def item(item_id: int):
    # ok: python-flask-reflected-xss
    return f"<p>Item {item_id}</p>"


@app.route("/count")
def count():
    # ok: python-flask-reflected-xss
    return f"<p>{len(request.args)} filters</p>"


@app.route("/upload", methods=["POST"])
def upload():
    # ruleid: python-flask-reflected-xss
    return request.files["doc"].filename


@app.route("/<path:path>")
def catch_all(path):
    # ruleid: python-flask-reflected-xss
    return path
