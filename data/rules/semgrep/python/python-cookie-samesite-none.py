from flask import Flask, make_response

app = Flask(__name__)

# ruleid: python-cookie-samesite-none
SESSION_COOKIE_SAMESITE = "None"
# ruleid: python-cookie-samesite-none
app.config["SESSION_COOKIE_SAMESITE"] = "None"
# ruleid: python-cookie-samesite-none
CSRF_COOKIE_SAMESITE = "none"


@app.route("/login")
def login():
    resp = make_response("ok")
    # ruleid: python-cookie-samesite-none
    resp.set_cookie("session", "abc", secure=True, httponly=True, samesite="None")
    # ok: python-cookie-samesite-none
    resp.set_cookie("session", "abc", secure=True, httponly=True, samesite="Lax")
    # ok: python-cookie-samesite-none
    resp.set_cookie("prefs", "1", samesite=None)
    return resp


# ok: python-cookie-samesite-none
SESSION_COOKIE_SAMESITE = "Lax"
# ok: python-cookie-samesite-none
app.config["SESSION_COOKIE_SAMESITE"] = "Strict"
