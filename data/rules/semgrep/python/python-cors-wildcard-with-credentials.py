from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from flask import Flask
from flask_cors import CORS, cross_origin
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware as StarletteCORS

app = Flask(__name__)
# ruleid: python-cors-wildcard-with-credentials
CORS(app, origins="*", supports_credentials=True)
# ruleid: python-cors-wildcard-with-credentials
CORS(app, supports_credentials=True)
# ruleid: python-cors-wildcard-with-credentials
CORS(app, resources={r"/api/*": {"origins": "*"}}, supports_credentials=True)
# ok: python-cors-wildcard-with-credentials
CORS(app, origins=["https://app.example.com"], supports_credentials=True)
# ok: python-cors-wildcard-with-credentials
CORS(app, origins="*")


@app.route("/data")
# ruleid: python-cors-wildcard-with-credentials
@cross_origin(origins="*", supports_credentials=True)
def data():
    return "ok"


api = FastAPI()
# ruleid: python-cors-wildcard-with-credentials
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"])
# ruleid: python-cors-wildcard-with-credentials
api.add_middleware(CORSMiddleware, allow_origin_regex=".*", allow_credentials=True)
# ok: python-cors-wildcard-with-credentials
api.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True)
# ok: python-cors-wildcard-with-credentials
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=False)

middleware = [
    # ruleid: python-cors-wildcard-with-credentials
    Middleware(StarletteCORS, allow_origins=["*"], allow_credentials=True),
]
star = Starlette(middleware=middleware)
