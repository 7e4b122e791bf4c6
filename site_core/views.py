"""Error pages in the reader's language."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    # No database access here: the page must render even when the database is what failed.
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({}))
