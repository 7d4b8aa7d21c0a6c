import urllib.request

import httpx
import requests
from fastapi import FastAPI
from flask import Flask, request

app = Flask(__name__)
api = FastAPI()


@app.route("/fetch")
def fetch():
    url = request.args.get("url")
    # ruleid: python-ssrf-user-controlled-url
    resp = requests.get(url, timeout=5)
    # ruleid: python-ssrf-user-controlled-url
    body = urllib.request.urlopen(request.form["feed"]).read()
    return resp.text + body.decode()


@app.route("/hook", methods=["POST"])
def hook():
    target = request.json["callback"]
    with requests.Session() as session:
        # ruleid: python-ssrf-user-controlled-url
        session.post(target, json={"ok": True})
    # ruleid: python-ssrf-user-controlled-url
    requests.request("GET", f"{target}/status")
    return "ok"


@api.get("/preview")
async def preview(link: str):
    async with httpx.AsyncClient() as client:
        # ruleid: python-ssrf-user-controlled-url
        r = await client.get(link)
    return r.text


def django_proxy(request):
    # ruleid: python-ssrf-user-controlled-url
    return httpx.get(request.GET["u"]).text


@app.route("/safe")
def safe():
    user_id = request.args.get("id")
    # ok: python-ssrf-user-controlled-url
    a = requests.get(f"https://api.example.com/users/{user_id}", timeout=5)
    # ok: python-ssrf-user-controlled-url
    b = requests.get("https://api.example.com/search", params={"q": user_id}, timeout=5)
    # ok: python-ssrf-user-controlled-url
    c = httpx.get("https://status.example.com/health")
    return a.text + b.text + c.text
