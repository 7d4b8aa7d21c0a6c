# ok: declared in requirements.txt
import requests
