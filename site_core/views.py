"""Error pages in the reader's language, and remembering the reader's language."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import (
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
)
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
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


def favicon(request):
    """Browsers and feed readers that ask for /favicon.ico get the site's icon."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))
