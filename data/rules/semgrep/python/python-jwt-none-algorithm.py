import os

import jwt
from jose import jwt as jose_jwt

KEY = os.environ["JWT_KEY"]

# ruleid: python-jwt-none-algorithm
t1 = jwt.encode({"sub": "1"}, None, algorithm="none")
# ruleid: python-jwt-none-algorithm
c1 = jwt.decode("tok", KEY, algorithms=["HS256", "none"])
# ruleid: python-jwt-none-algorithm
c2 = jose_jwt.decode("tok", KEY, algorithms=["None"])
# ruleid: python-jwt-none-algorithm
t2 = jose_jwt.encode({"sub": "1"}, "", algorithm="NONE")

# ok: python-jwt-none-algorithm
t3 = jwt.encode({"sub": "1"}, KEY, algorithm="HS256")
# ok: python-jwt-none-algorithm
c3 = jwt.decode("tok", KEY, algorithms=["HS256"])
# ok: python-jwt-none-algorithm
c4 = jose_jwt.decode("tok", KEY, algorithms=["RS256", "ES256"])
