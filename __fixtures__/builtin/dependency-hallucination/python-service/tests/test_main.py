# ok: declared in requirements-dev.txt
import pytest
# ok: already reported at its first import, in app/main.py
import cv2


def test_config():
    assert cv2 is not None and pytest is not None
