import os
import secrets

from flask import Flask

app = Flask(__name__)

# ruleid: python-flask-hardcoded-secret-key
app.config["SECRET_KEY"] = "dev"
# ruleid: python-flask-hardcoded-secret-key
app.secret_key = "s3cr3t-k3y-please-change"
# ruleid: python-flask-hardcoded-secret-key
app.config["JWT_SECRET_KEY"] = "jwt-secret"
# ruleid: python-flask-hardcoded-secret-key
app.config.update(SECRET_KEY="another-secret", DEBUG=False)
# ruleid: python-flask-hardcoded-secret-key
app.config.update({"SECRET_KEY": "dict-secret"})

# ok: python-flask-hardcoded-secret-key
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
# ok: python-flask-hardcoded-secret-key
app.secret_key = secrets.token_hex(32)
# ok: python-flask-hardcoded-secret-key
app.config["SESSION_COOKIE_NAME"] = "sid"
# ok: python-flask-hardcoded-secret-key
app.config.update(SECRET_KEY=os.environ.get("SECRET_KEY"))
