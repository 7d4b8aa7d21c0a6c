from django.http import HttpResponseRedirect
from django.shortcuts import redirect as django_redirect
from django.utils.http import url_has_allowed_host_and_scheme
from fastapi import FastAPI
from fastapi.responses import RedirectResponse
from flask import Flask, redirect, request, url_for

app = Flask(__name__)
api = FastAPI()


@app.route("/login")
def login():
    next_url = request.args.get("next")
    # ruleid: python-open-redirect
    return redirect(next_url)


@app.route("/go")
def go():
    # ruleid: python-open-redirect
    return redirect(request.args["to"], code=302)


def django_login(request):
    target = request.GET.get("next", "/")
    if request.user.is_authenticated:
        # ruleid: python-open-redirect
        return HttpResponseRedirect(target)
    # ruleid: python-open-redirect
    return django_redirect(f"{target}")


@api.get("/out")
async def out(url: str):
    # ruleid: python-open-redirect
    return RedirectResponse(url)


@app.route("/safe")
def safe():
    page = request.args.get("page", "home")
    if page == "a":
        # ok: python-open-redirect
        return redirect(url_for("profile", tab=page))
    if page == "b":
        # ok: python-open-redirect
        return redirect(f"/articles/{page}")
    # ok: python-open-redirect
    return redirect("/dashboard")


def django_safe(request):
    target = request.GET.get("next", "/")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        # ok: python-open-redirect
        return HttpResponseRedirect(target)
    # ok: python-open-redirect
    return django_redirect("home")
