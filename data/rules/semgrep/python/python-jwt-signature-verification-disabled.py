import os

import jwt
from jose import jwt as jose_jwt

KEY = os.environ["JWT_KEY"]


def current_user(token):
    # ruleid: python-jwt-signature-verification-disabled
    claims = jwt.decode(token, options={"verify_signature": False})
    # ruleid: python-jwt-signature-verification-disabled
    claims2 = jwt.decode(token, KEY, algorithms=["HS256"], options={"verify_signature": False, "verify_exp": True})
    # ruleid: python-jwt-signature-verification-disabled
    legacy = jwt.decode(token, verify=False)
    # ruleid: python-jwt-signature-verification-disabled
    jose_claims = jose_jwt.decode(token, KEY, options={"verify_signature": False})
    opts = {"verify_signature": False}
    # ruleid: python-jwt-signature-verification-disabled
    claims3 = jwt.decode(token, options=opts)
    return claims, claims2, legacy, jose_claims, claims3


def safe(token):
    # ok: python-jwt-signature-verification-disabled
    claims = jwt.decode(token, KEY, algorithms=["HS256"])
    # ok: python-jwt-signature-verification-disabled
    header = jwt.get_unverified_header(token)
    # ok: python-jwt-signature-verification-disabled
    claims2 = jwt.decode(token, KEY, algorithms=["HS256"], options={"require": ["exp", "sub"]})
    # ok: python-jwt-signature-verification-disabled
    jose_claims = jose_jwt.decode(token, KEY, algorithms=["RS256"])
    return claims, header, claims2, jose_claims
