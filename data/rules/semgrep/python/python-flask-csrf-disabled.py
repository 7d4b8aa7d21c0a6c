from flask import Flask
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFProtect
from wtforms import StringField

app = Flask(__name__)
csrf = CSRFProtect(app)

# ruleid: python-flask-csrf-disabled
app.config["WTF_CSRF_ENABLED"] = False
# ruleid: python-flask-csrf-disabled
app.config.update(WTF_CSRF_ENABLED=False)


class ProductionConfig:
    DEBUG = False
    # ruleid: python-flask-csrf-disabled
    WTF_CSRF_ENABLED = False


class TestingConfig:
    TESTING = True
    # ok: python-flask-csrf-disabled
    WTF_CSRF_ENABLED = False


class CommentForm(FlaskForm):
    body = StringField("body")

    class Meta:
        # ruleid: python-flask-csrf-disabled
        csrf = False


# ruleid: python-flask-csrf-disabled
@csrf.exempt
@app.route("/transfer", methods=["POST"])
def transfer():
    return "ok"


# ok: python-flask-csrf-disabled
app.config["WTF_CSRF_ENABLED"] = True
# ok: python-flask-csrf-disabled
app.config["WTF_CSRF_TIME_LIMIT"] = 3600


class SearchForm(FlaskForm):
    q = StringField("q")
