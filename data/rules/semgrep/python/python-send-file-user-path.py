import os

from fastapi import FastAPI
from fastapi.responses import FileResponse
from flask import Flask, request, send_file, send_from_directory
from werkzeug.security import safe_join

app = Flask(__name__)
api = FastAPI()
BASE = "/srv/files"


@app.route("/download")
def download():
    name = request.args.get("name")
    # ruleid: python-send-file-user-path
    return send_file(os.path.join(BASE, name))


@app.route("/raw/<path:filename>")
def raw(filename):
    # ruleid: python-send-file-user-path
    return send_file(BASE + "/" + filename, as_attachment=True)


@api.get("/doc")
async def doc(path: str):
    # ruleid: python-send-file-user-path
    return FileResponse(f"/srv/docs/{path}")


@app.route("/safe/<path:filename>")
def safe(filename):
    if filename.endswith(".pdf"):
        # ok: python-send-file-user-path
        return send_from_directory(BASE, filename)
    joined = safe_join(BASE, filename)
    if joined:
        # ok: python-send-file-user-path
        return send_file(joined)
    # ok: python-send-file-user-path
    return send_file(os.path.join(BASE, "default.pdf"))
