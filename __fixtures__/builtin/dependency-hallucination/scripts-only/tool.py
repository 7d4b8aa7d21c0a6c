# ok: no Python manifest in this repository: nothing to compare imports with
import requests
