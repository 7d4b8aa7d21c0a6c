import os

# ruleid: python-hardcoded-secret-key-setting
SECRET_KEY = "django-insecure-7x!k2m@q#v9$w8p&z1"
# ruleid: python-hardcoded-secret-key-setting
JWT_SECRET_KEY = "jwt-signing-secret"
# ruleid: python-hardcoded-secret-key-setting
SECURITY_PASSWORD_SALT = "salty"

DEBUG = False

# ok: python-hardcoded-secret-key-setting
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
# ok: python-hardcoded-secret-key-setting
SIGNING_KEY = os.environ.get("SIGNING_KEY")
# ok: python-hardcoded-secret-key-setting
SESSION_COOKIE_NAME = "sessionid"


class TestConfig:
    # ok: python-hardcoded-secret-key-setting
    SECRET_KEY = "test-only"


def make_settings():
    # ok: python-hardcoded-secret-key-setting
    SECRET_KEY = "local"
    return SECRET_KEY
