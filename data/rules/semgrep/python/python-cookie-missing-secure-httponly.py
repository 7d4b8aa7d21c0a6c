from django.http import HttpResponse
from flask import Flask, make_response

app = Flask(__name__)
COOKIE_OPTS = {"secure": True, "httponly": True, "samesite": "Lax"}


@app.route("/login", methods=["POST"])
def login():
    resp = make_response("ok")
    # ruleid: python-cookie-missing-secure-httponly
    resp.set_cookie("session_id", "abc123")
    # ruleid: python-cookie-missing-secure-httponly
    resp.set_cookie("auth_token", "t", httponly=True)
    # ruleid: python-cookie-missing-secure-httponly
    resp.set_cookie("refresh_token", "r", secure=True, httponly=False)
    # ruleid: python-cookie-missing-secure-httponly
    resp.set_cookie(key="jwt", value="x", secure=True)
    return resp


def django_login(request):
    response = HttpResponse("ok")
    # ruleid: python-cookie-missing-secure-httponly
    response.set_cookie("sessionid", "abc", secure=False, httponly=True)
    # ok: python-cookie-missing-secure-httponly
    response.set_cookie("sessionid", "abc", secure=True, httponly=True, samesite="Lax")
    return response


@app.route("/prefs")
def prefs():
    resp = make_response("ok")
    # ok: python-cookie-missing-secure-httponly
    resp.set_cookie("theme", "dark")
    # ok: python-cookie-missing-secure-httponly
    resp.set_cookie("session", "abc", secure=True, httponly=True, samesite="Strict")
    # ok: python-cookie-missing-secure-httponly
    resp.set_cookie("auth_token", "t", **COOKIE_OPTS)
    # ok: python-cookie-missing-secure-httponly
    resp.set_cookie("remember_me", "1", secure=app.config["COOKIE_SECURE"], httponly=True)
    return resp
