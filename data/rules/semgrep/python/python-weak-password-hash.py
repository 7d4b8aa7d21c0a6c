import hashlib
import os

import bcrypt
from argon2 import PasswordHasher


def store_user(username, password):
    # ruleid: python-weak-password-hash
    digest = hashlib.md5(password.encode()).hexdigest()
    # ruleid: python-weak-password-hash
    digest2 = hashlib.sha1(password.encode("utf-8")).hexdigest()
    # ruleid: python-weak-password-hash
    digest3 = hashlib.sha256(password.encode()).hexdigest()
    salt = os.urandom(16)
    # ruleid: python-weak-password-hash
    digest4 = hashlib.sha512(salt + user_pwd(username)).hexdigest()
    h = hashlib.sha256()
    # ruleid: python-weak-password-hash
    h.update(new_password.encode())
    # ruleid: python-weak-password-hash
    digest5 = hashlib.new("md5", password.encode()).hexdigest()
    return digest, digest2, digest3, digest4, h.hexdigest(), digest5


def safe(password, data):
    salt = os.urandom(16)
    # ok: python-weak-password-hash
    a = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)
    # ok: python-weak-password-hash
    b = bcrypt.hashpw(password.encode(), bcrypt.gensalt())
    # ok: python-weak-password-hash
    c = PasswordHasher().hash(password)
    # ok: python-weak-password-hash
    d = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    # ok: python-weak-password-hash
    e = hashlib.sha256(data).hexdigest()
    return a, b, c, d, e
