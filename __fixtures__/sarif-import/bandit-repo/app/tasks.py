"""Deliberately vulnerable code for Vouch's SARIF ingestion test: Bandit must flag each marked line."""
import hashlib
import subprocess

import yaml

DB_PASSWORD = "hunter2-fixture"  # B105 hardcoded password


def archive(name):
    # B602: a shell command built from caller input
    return subprocess.call("tar czf /tmp/out.tgz " + name, shell=True)


def load_settings(text):
    return yaml.load(text)  # B506: yaml.load without a safe loader


def digest_password(password):
    return hashlib.md5(password.encode()).hexdigest()  # B324: MD5 for a password
