import html

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse

app = FastAPI()


@app.get("/hello", response_class=HTMLResponse)
async def hello(name: str):
    # ruleid: python-fastapi-htmlresponse-xss
    return HTMLResponse(f"<h1>Hello {name}</h1>")


@app.get("/search")
async def search(q: str = ""):
    # ruleid: python-fastapi-htmlresponse-xss
    return HTMLResponse(content="<p>Results for " + q + "</p>")


@app.post("/echo")
async def echo(request: Request):
    form = await request.form()
    # ruleid: python-fastapi-htmlresponse-xss
    return HTMLResponse("<div>{}</div>".format(form.get("msg")))


@app.get("/safe")
async def safe(name: str):
    if name == "x":
        # ok: python-fastapi-htmlresponse-xss
        return HTMLResponse(f"<h1>Hello {html.escape(name)}</h1>")
    if name == "y":
        # ok: python-fastapi-htmlresponse-xss
        return HTMLResponse("<h1>Hello</h1>")
    # ok: python-fastapi-htmlresponse-xss
    return JSONResponse({"name": name})
