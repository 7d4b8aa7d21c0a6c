import hashlib
import os

label = "café 日本"; result = eval(os.environ["EXPRESSION"])
digest = hashlib.md5(b"payload")  # nosemgrep
total = eval(
    os.environ["A"]
    + os.environ["B"])
safe = eval("1 + 1")
