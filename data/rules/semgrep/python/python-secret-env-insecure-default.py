import os

from decouple import config

# ruleid: python-secret-env-insecure-default
SECRET_KEY = os.environ.get("SECRET_KEY", "dev")
# ruleid: python-secret-env-insecure-default
JWT_SECRET = os.getenv("JWT_SECRET", "changeme")
# ruleid: python-secret-env-insecure-default
DB_PASSWORD = os.getenv("DB_PASSWORD", default="postgres")
# ruleid: python-secret-env-insecure-default
API_KEY = config("STRIPE_API_KEY", default="sk_test_123")
# ruleid: python-secret-env-insecure-default
os.environ.setdefault("APP_SECRET", "insecure-default")

# ok: python-secret-env-insecure-default
SECRET_KEY2 = os.environ["SECRET_KEY"]
# ok: python-secret-env-insecure-default
JWT_SECRET2 = os.getenv("JWT_SECRET")
# ok: python-secret-env-insecure-default
ACCESS_TOKEN_EXPIRE_MINUTES = int(os.getenv("ACCESS_TOKEN_EXPIRE_MINUTES", "30"))
# ok: python-secret-env-insecure-default
DB_PASSWORD2 = os.getenv("DB_PASSWORD", "")
# ok: python-secret-env-insecure-default
JWT_ALGORITHM = os.getenv("JWT_ALGORITHM", "HS256")
# ok: python-secret-env-insecure-default
TOKEN_URL = os.environ.get("TOKEN_URL", "https://auth.example.com/token")
