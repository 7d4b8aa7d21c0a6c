import ast
import json

from fastapi import FastAPI
from flask import Flask, request

app = Flask(__name__)
api = FastAPI()


@app.route("/calc")
def calc():
    expr = request.args.get("expr")
    # ruleid: python-code-injection-eval
    result = eval(expr)
    # ruleid: python-code-injection-eval
    exec(request.form["code"])
    # ruleid: python-code-injection-eval
    code = compile(request.get_data(as_text=True), "<req>", "exec")
    return str(result), code


def django_view(request):
    # ruleid: python-code-injection-eval
    return eval(request.POST.get("formula"))


@api.get("/filter")
async def filt(predicate: str):
    # ruleid: python-code-injection-eval
    return eval(f"lambda x: {predicate}")


@app.route("/safe")
def safe():
    raw = request.args.get("value")
    # ok: python-code-injection-eval
    value = ast.literal_eval(raw)
    # ok: python-code-injection-eval
    data = json.loads(request.get_data())
    # ok: python-code-injection-eval
    total = eval("1 + 2")
    return str(value), data, total
