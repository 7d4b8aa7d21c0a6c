from django.db.models.expressions import RawSQL

from myapp.models import Article, User


def list_users(request):
    name = request.GET.get("name")
    # ruleid: python-sqli-django-raw-dynamic-sql
    users = User.objects.raw(f"SELECT * FROM myapp_user WHERE name = '{name}'")
    # ruleid: python-sqli-django-raw-dynamic-sql
    users = User.objects.raw("SELECT * FROM myapp_user WHERE name = '%s'" % name)
    sql = "SELECT * FROM myapp_user WHERE name = '" + name + "'"
    # ruleid: python-sqli-django-raw-dynamic-sql
    users = User.objects.raw(sql)
    # ruleid: python-sqli-django-raw-dynamic-sql
    articles = Article.objects.extra(where=["author = '{}'".format(name)])
    # ruleid: python-sqli-django-raw-dynamic-sql
    articles = Article.objects.annotate(score=RawSQL(f"SELECT rank FROM r WHERE n = '{name}'", []))
    return users, articles


def safe(request):
    name = request.GET.get("name")
    # ok: python-sqli-django-raw-dynamic-sql
    users = User.objects.raw("SELECT * FROM myapp_user WHERE name = %s", [name])
    # ok: python-sqli-django-raw-dynamic-sql
    articles = Article.objects.extra(where=["author = %s"], params=[name])
    # ok: python-sqli-django-raw-dynamic-sql
    ranked = Article.objects.annotate(score=RawSQL("SELECT rank FROM r WHERE n = %s", (name,)))
    # ok: python-sqli-django-raw-dynamic-sql
    filtered = User.objects.filter(name=name)
    return users, articles, ranked, filtered


def count_table(table):
    # ruleid: python-sqli-django-raw-dynamic-sql
    return User.objects.raw("SELECT id FROM %s" % table)
