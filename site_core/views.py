"""Error pages in the reader's language, and remembering the reader's language."""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import (
    Http404,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
    HttpResponseServerError,
)
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import requires_csrf_token


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def bad_request(request, exception=None):
    """A request that could not be understood (an incomplete form, a bad header): 400."""
    response = HttpResponse(loader.get_template("400.html").render({}), status=400)
    response["Cache-Control"] = "no-store"
    return response


RETRY_AFTER_SECONDS = 30


@requires_csrf_token
def server_error(request):
    """The error page; a friendly 503 with Retry-After when the database is unreachable.

    No database access here: the page must render even when the database is what failed.
    Django has logged the error (without the request's body) before calling this.
    """
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        response = HttpResponse(loader.get_template("503.html").render({}), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({}))


def choose_language(request, language_code):
    """Remember the reader's language (a cookie) and go on to ``next`` (a local address)."""
    languages = dict(settings.LANGUAGES)
    if language_code not in languages:
        raise Http404
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ) or not target.startswith("/"):
        target = f"/{language_code}/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language_code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    response["Cache-Control"] = "no-store"
    return response


def favicon(request):
    """Browsers and feed readers that ask for /favicon.ico get the site's icon."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))
