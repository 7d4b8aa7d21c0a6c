from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.html import escape, format_html


def greet(request):
    name = request.GET.get("name", "")
    # ruleid: python-django-reflected-xss
    return HttpResponse(f"<h1>Hello {name}</h1>")


def search(request):
    q = request.GET["q"]
    # ruleid: python-django-reflected-xss
    return HttpResponse("<p>Results for " + q + "</p>")


def echo(request):
    # ruleid: python-django-reflected-xss
    return HttpResponse(request.POST.get("msg"))


def comment(request):
    body = request.POST["body"]
    # ruleid: python-django-reflected-xss
    return HttpResponse(content="<div>{}</div>".format(body))


def safe(request):
    name = request.GET.get("name", "")
    if name == "a":
        # ok: python-django-reflected-xss
        return HttpResponse(format_html("<h1>Hello {}</h1>", name))
    if name == "b":
        # ok: python-django-reflected-xss
        return HttpResponse(f"<h1>Hello {escape(name)}</h1>")
    if name == "c":
        # ok: python-django-reflected-xss
        return render(request, "hello.html", {"name": name})
    if name == "d":
        # ok: python-django-reflected-xss
        return HttpResponse(f"Hello {name}", content_type="text/plain")
    # ok: python-django-reflected-xss
    return JsonResponse({"name": name})
