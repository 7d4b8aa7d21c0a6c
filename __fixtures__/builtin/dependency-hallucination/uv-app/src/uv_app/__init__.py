# ok: declared
import httpx
# ok: declared as an optional dependency (even if misspelt there)
import clik
# ruleid: undeclared-import
from rich.console import Console
