import os

import jwt
from jose import jwt as jose_jwt

SECRET = "super-secret-signing-key"


def issue(user_id):
    # ruleid: python-jwt-hardcoded-secret
    return jwt.encode({"sub": user_id}, "my-secret", algorithm="HS256")


def check(token):
    # ruleid: python-jwt-hardcoded-secret
    a = jwt.decode(token, SECRET, algorithms=["HS256"])
    # ruleid: python-jwt-hardcoded-secret
    b = jose_jwt.decode(token, "changeme", algorithms=["HS256"])
    # ruleid: python-jwt-hardcoded-secret
    c = jwt.encode({"sub": "x"}, key="hunter2", algorithm="HS512")
    return a, b, c


def safe(user_id, token):
    key = os.environ["JWT_SECRET"]
    # ok: python-jwt-hardcoded-secret
    t = jwt.encode({"sub": user_id}, key, algorithm="HS256")
    # ok: python-jwt-hardcoded-secret
    c = jwt.decode(token, os.environ["JWT_SECRET"], algorithms=["HS256"])
    return t, c


def safe_settings(user_id, settings):
    # ok: python-jwt-hardcoded-secret
    return jwt.encode({"sub": user_id}, settings.JWT_SECRET, algorithm="HS256")
