import os
import shutil
from pathlib import Path

from fastapi import FastAPI
from flask import Flask, abort, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
api = FastAPI()
UPLOAD_DIR = "/srv/uploads"


@app.route("/read")
def read():
    name = request.args.get("file")
    path = os.path.join(UPLOAD_DIR, name)
    # ruleid: python-path-traversal-file-access
    with open(path) as fh:
        return fh.read()


@app.route("/delete", methods=["POST"])
def delete():
    # ruleid: python-path-traversal-file-access
    os.remove(os.path.join(UPLOAD_DIR, request.form["name"]))
    return "ok"


@api.get("/files/{name}")
async def get_file(name: str):
    # ruleid: python-path-traversal-file-access
    return Path(UPLOAD_DIR, name).read_text()


def django_download(request):
    target = "/srv/reports/" + request.GET["report"]
    # ruleid: python-path-traversal-file-access
    shutil.copy(target, "/tmp/out")
    # ruleid: python-path-traversal-file-access
    return open(target, "rb").read()


@app.route("/upload", methods=["POST"])
def upload():
    f = request.files["file"]
    # ok: python-path-traversal-file-access
    with open(os.path.join(UPLOAD_DIR, secure_filename(f.filename)), "wb") as out:
        out.write(f.read())
    base = os.path.basename(request.args.get("name", ""))
    # ok: python-path-traversal-file-access
    os.remove(os.path.join(UPLOAD_DIR, base))
    full = os.path.realpath(os.path.join(UPLOAD_DIR, request.args.get("other", "")))
    if not full.startswith(UPLOAD_DIR + os.sep):
        abort(400)
    # ok: python-path-traversal-file-access
    with open(full) as fh:
        data = fh.read()
    # ok: python-path-traversal-file-access
    with open(os.path.join(UPLOAD_DIR, "index.json")) as fh:
        return data + fh.read()
