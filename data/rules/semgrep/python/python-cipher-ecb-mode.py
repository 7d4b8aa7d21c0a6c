import os

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from Crypto.Cipher import AES

key = os.urandom(32)

# ruleid: python-cipher-ecb-mode
enc1 = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
# ruleid: python-cipher-ecb-mode
enc2 = AES.new(key, AES.MODE_ECB)
# ruleid: python-cipher-ecb-mode
enc3 = Cipher(algorithms.AES(key), mode=modes.ECB())

# ok: python-cipher-ecb-mode
ok1 = Cipher(algorithms.AES(key), modes.GCM(os.urandom(12))).encryptor()
# ok: python-cipher-ecb-mode
ok2 = AES.new(key, AES.MODE_GCM)
# ok: python-cipher-ecb-mode
ok3 = AES.new(key, AES.MODE_CBC, os.urandom(16))
