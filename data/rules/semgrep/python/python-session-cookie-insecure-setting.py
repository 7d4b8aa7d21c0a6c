from flask import Flask

app = Flask(__name__)

# ruleid: python-session-cookie-insecure-setting
SESSION_COOKIE_SECURE = False
# ruleid: python-session-cookie-insecure-setting
SESSION_COOKIE_HTTPONLY = False
# ruleid: python-session-cookie-insecure-setting
CSRF_COOKIE_SECURE = False
# ruleid: python-session-cookie-insecure-setting
app.config["SESSION_COOKIE_SECURE"] = False
# ruleid: python-session-cookie-insecure-setting
app.config.update(REMEMBER_COOKIE_HTTPONLY=False)

# ok: python-session-cookie-insecure-setting
SESSION_COOKIE_SECURE = True
# ok: python-session-cookie-insecure-setting
CSRF_COOKIE_HTTPONLY = False
# ok: python-session-cookie-insecure-setting
app.config["SESSION_COOKIE_HTTPONLY"] = True
# ok: python-session-cookie-insecure-setting
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_SAMESITE="Lax")
