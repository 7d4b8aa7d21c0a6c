import asyncio
import shlex
import subprocess


def convert(src, dst, host):
    # ruleid: python-subprocess-shell-true-dynamic
    subprocess.run(f"convert {src} {dst}", shell=True, check=True)
    cmd = "ping -c 1 " + host
    # ruleid: python-subprocess-shell-true-dynamic
    subprocess.call(cmd, shell=True)
    # ruleid: python-subprocess-shell-true-dynamic
    out = subprocess.check_output("nslookup %s" % host, shell=True)
    # ruleid: python-subprocess-shell-true-dynamic
    p = subprocess.Popen(args="tar xf {}".format(src), shell=True)
    # ruleid: python-subprocess-shell-true-dynamic
    status = subprocess.getoutput("du -sh " + src)
    return out, p, status


async def run_async(path):
    # ruleid: python-subprocess-shell-true-dynamic
    return await asyncio.create_subprocess_shell(f"ls -l {path}")


def safe(src, dst, host):
    # ok: python-subprocess-shell-true-dynamic
    subprocess.run(["convert", src, dst], check=True)
    # ok: python-subprocess-shell-true-dynamic
    subprocess.run("ls -la /tmp", shell=True)
    # ok: python-subprocess-shell-true-dynamic
    subprocess.run(f"ping -c 1 {shlex.quote(host)}", shell=True)
    # ok: python-subprocess-shell-true-dynamic
    subprocess.check_output(["nslookup", host])
    # ok: python-subprocess-shell-true-dynamic
    subprocess.run(f"du -sh {src}", shell=False)
