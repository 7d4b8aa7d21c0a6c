import os

import jwt
from jose import jwt as jose_jwt

PUBLIC_KEY = os.environ["JWT_PUBLIC_KEY"]


def verify(token):
    # ruleid: python-jwt-decode-algorithms-not-pinned
    claims = jwt.decode(token, PUBLIC_KEY)
    # ruleid: python-jwt-decode-algorithms-not-pinned
    claims2 = jose_jwt.decode(token, PUBLIC_KEY)
    header = jwt.get_unverified_header(token)
    # ruleid: python-jwt-decode-algorithms-not-pinned
    claims3 = jwt.decode(token, PUBLIC_KEY, algorithms=[jwt.get_unverified_header(token)["alg"]])
    # ruleid: python-jwt-decode-algorithms-not-pinned
    claims4 = jose_jwt.decode(token, PUBLIC_KEY, audience="api")
    return claims, claims2, header, claims3, claims4


def safe(token):
    # ok: python-jwt-decode-algorithms-not-pinned
    a = jwt.decode(token, PUBLIC_KEY, algorithms=["RS256"])
    # ok: python-jwt-decode-algorithms-not-pinned
    b = jose_jwt.decode(token, PUBLIC_KEY, algorithms=["RS256"], audience="api")
    # ok: python-jwt-decode-algorithms-not-pinned
    c = jwt.decode(token, PUBLIC_KEY, ["RS256"])
    return a, b, c
