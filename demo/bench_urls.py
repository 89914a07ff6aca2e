"""The portal's URLs plus one trivial view: the framework's floor for the benchmark."""

from django.http import HttpResponse
from django.urls import path

from jastarurban.urls import urlpatterns as portal


def floor(request):
    return HttpResponse("ok")


urlpatterns = [path("bench/floor/", floor), *portal]
