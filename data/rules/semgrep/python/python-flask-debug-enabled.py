import os

from flask import Flask
from werkzeug.serving import run_simple

app = Flask(__name__)
# ruleid: python-flask-debug-enabled
app.debug = True
# ruleid: python-flask-debug-enabled
app.config["DEBUG"] = True
# ok: python-flask-debug-enabled
app.config["DEBUG"] = os.environ.get("FLASK_DEBUG") == "1"
# ok: python-flask-debug-enabled
app.config["TESTING"] = True


def serve():
    # ruleid: python-flask-debug-enabled
    run_simple("0.0.0.0", 8000, app, use_debugger=True, use_reloader=True)
    # ok: python-flask-debug-enabled
    run_simple("127.0.0.1", 8000, app)


if __name__ == "__main__":
    # ruleid: python-flask-debug-enabled
    app.run(host="0.0.0.0", port=5000, debug=True)
    # ok: python-flask-debug-enabled
    app.run(host="127.0.0.1", port=5000)
    # ok: python-flask-debug-enabled
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
