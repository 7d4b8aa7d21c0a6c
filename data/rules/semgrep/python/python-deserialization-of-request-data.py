import json
import pickle

import joblib
import numpy as np
import pandas as pd
import yaml
from fastapi import FastAPI, UploadFile
from flask import Flask, request

app = Flask(__name__)
api = FastAPI()


@app.route("/model", methods=["POST"])
def upload_model():
    f = request.files["model"]
    # ruleid: python-deserialization-of-request-data
    model = pickle.load(f)
    # ruleid: python-deserialization-of-request-data
    clf = joblib.load(request.files["clf"])
    # ruleid: python-deserialization-of-request-data
    df = pd.read_pickle(request.files["frame"])
    # ruleid: python-deserialization-of-request-data
    arr = np.load(request.files["arr"], allow_pickle=True)
    # ruleid: python-deserialization-of-request-data
    cfg = yaml.load(request.get_data(), Loader=yaml.Loader)
    return str(model) + str(clf) + str(df) + str(arr) + str(cfg)


@api.post("/upload")
async def upload(file: UploadFile):
    # ruleid: python-deserialization-of-request-data
    return pickle.load(file.file)


@app.route("/safe", methods=["POST"])
def safe():
    # ok: python-deserialization-of-request-data
    data = json.load(request.files["data"])
    # ok: python-deserialization-of-request-data
    cfg = yaml.load(request.get_data(), Loader=yaml.SafeLoader)
    # ok: python-deserialization-of-request-data
    arr = np.load(request.files["arr"], allow_pickle=False)
    with open("/srv/models/model.pkl", "rb") as fh:
        # ok: python-deserialization-of-request-data
        model = pickle.load(fh)
    return str(data) + str(cfg) + str(arr) + str(model)
