# ok: declared
import django
# ok: declared as corp-auth
import corp_auth
# ruleid: undeclared-import
import requests
