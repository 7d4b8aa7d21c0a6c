import aiohttp
import httpx
import requests
import urllib3


def fetch(url):
    # ruleid: python-http-client-tls-verify-disabled
    r = requests.get(url, verify=False, timeout=5)
    # ruleid: python-http-client-tls-verify-disabled
    requests.post(url, json={}, verify=False)
    session = requests.Session()
    # ruleid: python-http-client-tls-verify-disabled
    session.verify = False
    # ruleid: python-http-client-tls-verify-disabled
    session.get(url, verify=False)
    # ruleid: python-http-client-tls-verify-disabled
    client = httpx.Client(verify=False)
    # ruleid: python-http-client-tls-verify-disabled
    pool = urllib3.PoolManager(cert_reqs="CERT_NONE")
    return r, client, pool


async def fetch_async(url):
    # ruleid: python-http-client-tls-verify-disabled
    connector = aiohttp.TCPConnector(ssl=False)
    async with aiohttp.ClientSession(connector=connector) as s:
        # ruleid: python-http-client-tls-verify-disabled
        async with s.get(url, ssl=False) as resp:
            return await resp.text()


def safe(url):
    # ok: python-http-client-tls-verify-disabled
    a = requests.get(url, timeout=5)
    # ok: python-http-client-tls-verify-disabled
    b = requests.get(url, verify="/etc/ssl/certs/internal-ca.pem", timeout=5)
    # ok: python-http-client-tls-verify-disabled
    c = httpx.Client(verify=True)
    # ok: python-http-client-tls-verify-disabled
    d = requests.get(url, verify=True)
    # ok: python-http-client-tls-verify-disabled
    e = urllib3.PoolManager(cert_reqs="CERT_REQUIRED")
    return a, b, c, d, e
