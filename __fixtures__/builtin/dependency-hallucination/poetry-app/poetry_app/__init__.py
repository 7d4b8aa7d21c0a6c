# ok: declared
import fastapi
# ok: a path dependency declared in pyproject.toml
import shared
# ruleid: undeclared-import
import pandas
