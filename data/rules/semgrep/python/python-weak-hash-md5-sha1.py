import hashlib

from cryptography.hazmat.primitives import hashes
from Crypto.Hash import MD5


def sign(data, password):
    # ruleid: python-weak-hash-md5-sha1
    checksum = hashlib.md5(data).hexdigest()
    # ruleid: python-weak-hash-md5-sha1
    fingerprint = hashlib.sha1(data).hexdigest()
    # ruleid: python-weak-hash-md5-sha1
    h = hashlib.new("sha1", data)
    # ruleid: python-weak-hash-md5-sha1
    digest = hashes.Hash(hashes.MD5())
    # ruleid: python-weak-hash-md5-sha1
    legacy = MD5.new(data)
    return checksum, fingerprint, h, digest, legacy


def safe(data, password):
    # ok: python-weak-hash-md5-sha1
    etag = hashlib.md5(data, usedforsecurity=False).hexdigest()
    # ok: python-weak-hash-md5-sha1
    digest = hashlib.sha256(data).hexdigest()
    # ok: python-weak-hash-md5-sha1
    h = hashes.Hash(hashes.SHA256())
    # ok: python-weak-hash-md5-sha1
    cache_key = hashlib.new("md5", data, usedforsecurity=False).hexdigest()
    # ok: python-weak-hash-md5-sha1
    pw_digest = hashlib.md5(password.encode()).hexdigest()
    return etag, digest, h, cache_key, pw_digest
