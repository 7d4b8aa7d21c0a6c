"""Service entry point.

import not_a_real_import  (a docstring, not code)
"""
# ok: standard library
import os
import json
# ok: declared as PyYAML
import yaml
# ok: declared
from flask import Flask
import numpy as np
# ok: the repository's own package
from app import util
from . import util as again
# ruleid: undeclared-import
import cv2
# ruleid: undeclared-import
from bs4 import BeautifulSoup
# ok: an optional import guarded by try/except ImportError
try:
    import ujson as fast_json
except ImportError:
    fast_json = json

app = Flask(__name__)
CONFIG = yaml.safe_load(os.environ.get("CONFIG", "{}"))
