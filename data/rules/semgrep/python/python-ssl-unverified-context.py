import socket
import ssl
import urllib.request

# ruleid: python-ssl-unverified-context
ssl._create_default_https_context = ssl._create_unverified_context
# ruleid: python-ssl-unverified-context
ctx = ssl._create_unverified_context()

ctx2 = ssl.create_default_context()
# ruleid: python-ssl-unverified-context
ctx2.check_hostname = False
# ruleid: python-ssl-unverified-context
ctx2.verify_mode = ssl.CERT_NONE

sock = socket.create_connection(("example.com", 443))
# ruleid: python-ssl-unverified-context
wrapped = ssl.wrap_socket(sock, cert_reqs=ssl.CERT_NONE)

# ok: python-ssl-unverified-context
good = ssl.create_default_context()
# ok: python-ssl-unverified-context
good_ca = ssl.create_default_context(cafile="/etc/ssl/internal-ca.pem")
# ok: python-ssl-unverified-context
good.verify_mode = ssl.CERT_REQUIRED
# ok: python-ssl-unverified-context
good.check_hostname = True
# ok: python-ssl-unverified-context
page = urllib.request.urlopen("https://example.com", context=good)
