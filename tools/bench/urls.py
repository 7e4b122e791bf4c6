"""The site's URLs plus a bare view that returns N bytes, for `make bench` only."""

from django.http import HttpResponse
from django.urls import path

from site_core.urls import urlpatterns as site_urlpatterns


def bare(request, size):
    """The cheapest Django response of ``size`` bytes, through the same middleware."""
    return HttpResponse(b"x" * size, content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/bare/<int:size>/", bare), *site_urlpatterns]
