import random
import secrets
import string
from random import choice, randint

ALPHABET = string.ascii_letters + string.digits


def make_reset_link(user):
    # ruleid: python-insecure-random-for-secret
    token = "".join(random.choice(ALPHABET) for _ in range(32))
    # ruleid: python-insecure-random-for-secret
    otp = randint(100000, 999999)
    # ruleid: python-insecure-random-for-secret
    user.api_key = "%032x" % random.getrandbits(128)
    return token, otp


def generate_password(length=12):
    # ruleid: python-insecure-random-for-secret
    return "".join(choice(ALPHABET) for _ in range(length))


def create_session(store):
    # ruleid: python-insecure-random-for-secret
    store.save(session_id=random.randrange(10**20))
    # ruleid: python-insecure-random-for-secret
    return {"csrf_token": str(random.random())}


def safe(user, items):
    # ok: python-insecure-random-for-secret
    token = secrets.token_urlsafe(32)
    # ok: python-insecure-random-for-secret
    otp = secrets.randbelow(10**6)
    # ok: python-insecure-random-for-secret
    password = "".join(secrets.choice(ALPHABET) for _ in range(16))
    # ok: python-insecure-random-for-secret
    sample = random.choice(items)
    # ok: python-insecure-random-for-secret
    delay = random.uniform(0.5, 1.5)
    # ok: python-insecure-random-for-secret
    salt = random.SystemRandom().getrandbits(64)
    return token, otp, password, sample, delay, salt
