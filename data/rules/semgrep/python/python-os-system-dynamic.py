import os
import shlex
from os import system


def backup(path, user):
    # ruleid: python-os-system-dynamic
    os.system("tar czf /backups/out.tgz " + path)
    # ruleid: python-os-system-dynamic
    os.system(f"chown {user} {path}")
    # ruleid: python-os-system-dynamic
    listing = os.popen("ls -l %s" % path).read()
    # ruleid: python-os-system-dynamic
    system("rm -rf {}".format(path))
    return listing


def safe(path):
    # ok: python-os-system-dynamic
    os.system("sync")
    # ok: python-os-system-dynamic
    os.system("tar czf /backups/out.tgz " + shlex.quote(path))
    # ok: python-os-system-dynamic
    return os.popen("uptime").read()
