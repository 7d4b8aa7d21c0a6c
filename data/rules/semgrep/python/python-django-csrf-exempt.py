from django.http import JsonResponse
from django.urls import path
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt, csrf_protect


# ruleid: python-django-csrf-exempt
@csrf_exempt
def transfer(request):
    return JsonResponse({"ok": True})


# ruleid: python-django-csrf-exempt
@method_decorator(csrf_exempt, name="dispatch")
class ProfileView(View):
    def post(self, request):
        return JsonResponse({"ok": True})


def update(request):
    return JsonResponse({"ok": True})


urlpatterns = [
    # ruleid: python-django-csrf-exempt
    path("update/", csrf_exempt(update)),
    # ok: python-django-csrf-exempt
    path("transfer/", transfer),
]


# ok: python-django-csrf-exempt
@csrf_protect
def settings_view(request):
    return JsonResponse({"ok": True})


# ok: python-django-csrf-exempt
def webhook(request):
    return JsonResponse({"ok": True})
