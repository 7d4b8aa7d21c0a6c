INSTALLED_APPS = ["corsheaders"]

# ruleid: python-django-cors-allow-all-with-credentials
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = True

# ruleid: python-django-cors-allow-all-with-credentials
CORS_ORIGIN_ALLOW_ALL = True

# ok: python-django-cors-allow-all-with-credentials
CORS_ALLOWED_ORIGINS = ["https://app.example.com"]
# ok: python-django-cors-allow-all-with-credentials
CORS_ALLOW_HEADERS = ["content-type"]

# ruleid: python-django-cors-allow-all-with-credentials
CORS_ALLOW_ALL_ORIGINS = True
# ok: python-django-cors-allow-all-with-credentials
CORS_ALLOW_ALL_ORIGINS = False
