import os

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from Crypto.Cipher import AES, ARC4, DES, DES3, Blowfish

key = os.urandom(16)
iv = os.urandom(8)

# ruleid: python-weak-cipher-algorithm
c1 = Cipher(algorithms.TripleDES(key), modes.CBC(iv))
# ruleid: python-weak-cipher-algorithm
c2 = Cipher(algorithms.ARC4(key), mode=None)
# ruleid: python-weak-cipher-algorithm
c3 = DES.new(key[:8], DES.MODE_CBC, iv)
# ruleid: python-weak-cipher-algorithm
c4 = DES3.new(key, DES3.MODE_CBC, iv)
# ruleid: python-weak-cipher-algorithm
c5 = ARC4.new(key)
# ruleid: python-weak-cipher-algorithm
c6 = Blowfish.new(key, Blowfish.MODE_CBC, iv)

# ok: python-weak-cipher-algorithm
aead = AESGCM(AESGCM.generate_key(bit_length=256))
# ok: python-weak-cipher-algorithm
c7 = Cipher(algorithms.AES(key), modes.GCM(os.urandom(12)))
# ok: python-weak-cipher-algorithm
c8 = AES.new(key, AES.MODE_GCM)
# ok: python-weak-cipher-algorithm
c9 = Cipher(algorithms.ChaCha20(os.urandom(32), os.urandom(16)), mode=None)
