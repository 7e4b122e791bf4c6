"""What a page is stored under, and which requests and answers may be shared at all.

The key: the method, the scheme (HTTPS or not), the host normalised (lower case, no trailing
dot, no default port: the request is rewritten to it before the view renders, so the page's
links say it) and the path, plus only the query parameters that some page understands
(``cache_query_parameters`` on page classes, sorted). Other parameters are ignored: such a
request is answered from the key without them, and its own rendering is not stored, nor is that
of a page given a parameter it does not understand (``?year=`` on "About"), nor one given a
value the page does not know (``?category=no-such-thing``, ``?page=01``: a page vouches for each
real value with ``known_parameters()``).
"""

import functools
import logging
from importlib import import_module
from urllib.parse import urlencode

from django.conf import settings
from django.http.request import split_domain_port
from django.utils.encoding import escape_uri_path

from wagtail.models import get_page_models

logger = logging.getLogger(__name__)


@functools.cache
def understood_parameters():
    """Every query parameter some page understands (the registry: ``cache_query_parameters``
    on each page class; a view that reads another parameter must add it there)."""
    names = set()
    for model in get_page_models():
        names.update(getattr(model, "cache_query_parameters", ()))
    return frozenset(names)


def understood_query(request):
    """The query string of the parameters some page understands, in a fixed order."""
    names = understood_parameters()
    return urlencode(sorted((name, value) for name, value in request.GET.items() if name in names))


def normalise_host(request):
    """Rewrites the request's host to one spelling (lower case, no trailing dot, no default
    port), so that ``EXAMPLE.org.:443`` and ``example.org`` are one page with the same links."""
    domain, port = split_domain_port(request.get_host())
    if port == {"http": "80", "https": "443"}.get(request.scheme):
        port = ""
    host = f"{domain}:{port}" if port else domain
    request.META["HTTP_HOST"] = host
    return host


def page_key(request, host, query):
    """The cache key of the page ``request`` asks for (see the module's docstring)."""
    path = escape_uri_path(request.path)
    return f"page-cache:{request.method}:{request.scheme}:{host}:{path}?{query}"


def has_session(request):
    """True if the request carries the cookie of a session that exists and holds something (a
    signed-in person, a page password): a made-up or expired cookie is no session."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not key:
        return False
    try:
        store = import_module(settings.SESSION_ENGINE).SessionStore(key)
        return bool(store.keys())
    except Exception:  # cannot tell: treat it as a session (never share what may be personal)
        logger.warning("Could not read a session for the page cache", exc_info=True)
        return True


def page_understands(request):
    """True if the page (or view) that answered understands every parameter of the request."""
    route = getattr(request, "_wagtail_route_for_request", None)
    page = route[0] if route else None
    understood = getattr(page, "cache_query_parameters", ())
    return all(name in understood for name in request.GET)


def known_parameters(request, *names):
    """The page that answers ``request`` knows the values it was given for these parameters.

    A page calls this for each parameter whose value is real and spelt the one way its own links
    spell it (a category that exists in its language, a year with posts, ``page=2``). Only an
    answer whose every parameter was vouched for is stored: made-up values (``?tag=zz1``,
    ``?tag=zz2``, …, ``?page=01``) are answered, but never fill the cache.
    """
    request._page_cache_known = getattr(request, "_page_cache_known", frozenset()) | set(names)


def values_known(request):
    """True if the page vouched for the value of every parameter of the request."""
    return set(request.GET) <= getattr(request, "_page_cache_known", frozenset())
