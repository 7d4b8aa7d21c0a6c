import jinja2
from flask import Flask
from jinja2 import Environment, FileSystemLoader, select_autoescape

app = Flask(__name__)

# ruleid: python-template-autoescape-disabled
env1 = Environment(loader=FileSystemLoader("templates"), autoescape=False)
# ruleid: python-template-autoescape-disabled
env2 = jinja2.Environment(loader=jinja2.PackageLoader("myapp"))
# ruleid: python-template-autoescape-disabled
tpl = jinja2.Template("<p>{{ body }}</p>", autoescape=False)
# ruleid: python-template-autoescape-disabled
app.jinja_env.autoescape = False

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        # ruleid: python-template-autoescape-disabled
        "OPTIONS": {"autoescape": False, "context_processors": []},
    }
]

# ok: python-template-autoescape-disabled
env3 = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape())
# ok: python-template-autoescape-disabled
env4 = jinja2.Environment(loader=jinja2.PackageLoader("myapp"), autoescape=True)
# ok: python-template-autoescape-disabled
env5 = Environment(autoescape=True)
# ok: python-template-autoescape-disabled
app.jinja_env.autoescape = True
