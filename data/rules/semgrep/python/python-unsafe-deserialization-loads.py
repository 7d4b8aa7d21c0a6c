import base64
import io
import json
import marshal
import pickle

import dill
import jsonpickle


def load_session(cookie_value, cache, payload):
    # ruleid: python-unsafe-deserialization-loads
    session = pickle.loads(base64.b64decode(cookie_value))
    # ruleid: python-unsafe-deserialization-loads
    item = pickle.loads(cache.get("item"))
    # ruleid: python-unsafe-deserialization-loads
    obj = jsonpickle.decode(payload)
    # ruleid: python-unsafe-deserialization-loads
    code = marshal.loads(payload)
    # ruleid: python-unsafe-deserialization-loads
    fn = dill.loads(payload)
    # ruleid: python-unsafe-deserialization-loads
    other = pickle.Unpickler(io.BytesIO(payload)).load()
    return session, item, obj, code, fn, other


def safe(payload, path):
    # ok: python-unsafe-deserialization-loads
    data = json.loads(payload)
    # ok: python-unsafe-deserialization-loads
    blob = pickle.dumps({"a": 1})
    # ok: python-unsafe-deserialization-loads
    const = pickle.loads(b"\x80\x04K\x01.")
    return data, blob, const
