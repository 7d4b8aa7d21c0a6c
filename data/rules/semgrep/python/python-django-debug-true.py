import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]

# ruleid: python-django-debug-true
DEBUG = True

ALLOWED_HOSTS = ["example.com"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
]

ROOT_URLCONF = "mysite.urls"

if os.environ.get("LOCAL_DEV"):
    # ok: python-django-debug-true
    DEBUG = True

# ruleid: python-django-debug-true
DEBUG = True

# ruleid: python-django-debug-true
DEBUG = True
# ok: python-django-debug-true
TEMPLATE_DEBUG = True
# ok: python-django-debug-true
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
# ok: python-django-debug-true
DEBUG = False
