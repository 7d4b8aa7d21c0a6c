# Imported only if Checkov honours the repository's .checkov.yaml; the integration test fails on the marker.
import os

open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "IMPORTED"), "w").close()
