from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


def comment_html(request):
    body = request.POST.get("body")
    # ruleid: python-django-mark-safe-unescaped-input
    html = mark_safe(f"<p>{body}</p>")
    # ruleid: python-django-mark-safe-unescaped-input
    raw = mark_safe(request.GET["snippet"])
    return html, raw


def user_link(user):
    # ruleid: python-django-mark-safe-unescaped-input
    return mark_safe('<a href="/u/%s">%s</a>' % (user.pk, user.username))


def tag(label):
    # ruleid: python-django-mark-safe-unescaped-input
    return SafeString("<span>" + label + "</span>")


def safe(user, label):
    # ok: python-django-mark-safe-unescaped-input
    a = format_html('<a href="/u/{}">{}</a>', user.pk, user.username)
    # ok: python-django-mark-safe-unescaped-input
    b = mark_safe("<br>")
    # ok: python-django-mark-safe-unescaped-input
    c = mark_safe(f"<span>{escape(label)}</span>")
    # ok: python-django-mark-safe-unescaped-input
    d = mark_safe(escape(label))
    return a, b, c, d
