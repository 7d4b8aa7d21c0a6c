import rsa as pyrsa
from cryptography.hazmat.primitives.asymmetric import dsa, ec, rsa
from Crypto.PublicKey import RSA

# ruleid: python-rsa-dsa-weak-key-size
k1 = rsa.generate_private_key(public_exponent=65537, key_size=1024)
# ruleid: python-rsa-dsa-weak-key-size
k2 = rsa.generate_private_key(65537, 512)
# ruleid: python-rsa-dsa-weak-key-size
k3 = RSA.generate(1024)
# ruleid: python-rsa-dsa-weak-key-size
k4 = dsa.generate_private_key(key_size=1024)
# ruleid: python-rsa-dsa-weak-key-size
pub, priv = pyrsa.newkeys(512)

# ok: python-rsa-dsa-weak-key-size
k5 = rsa.generate_private_key(public_exponent=65537, key_size=3072)
# ok: python-rsa-dsa-weak-key-size
k6 = RSA.generate(2048)
# ok: python-rsa-dsa-weak-key-size
k7 = ec.generate_private_key(ec.SECP256R1())
# ok: python-rsa-dsa-weak-key-size
k8 = rsa.generate_private_key(65537, 4096)
