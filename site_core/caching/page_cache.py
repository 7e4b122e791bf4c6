"""Full-page cache for anonymous readers, in the shared cache (Redis in production).

A hit costs one cache round trip (the generation and the page together) and no SQL query.
Correctness over cleverness: every change to published content — a page published,
unpublished, moved or deleted, a snippet, an image, a translation, a site or privacy setting —
starts a new cache *generation*, so no reader can see a
page as it was before the change, in any language. (Publishing is rare next to reading; the
cost of a change is one uncached render per page afterwards.)

Bypassed for: anything but GET/HEAD, anyone with a real session (editors, previews, a page
password), the admin, search, responses that set cookies or are not 200, and pages that say
``Cache-Control: private`` or ``no-store``.

What a page is stored under (its key): the method, the scheme (HTTPS or not), the host
normalised (lower case, no trailing dot, no default port: the request is rewritten to it before
the view renders, so the page's links say it) and the path, plus only the query parameters that
some page understands (``cache_query_parameters`` on page classes, sorted). Other parameters are
ignored: such a request is answered from the key without them, and its own rendering is not
stored, nor is that of a page given a parameter it does not understand (``?year=`` on "About"),
nor one given a value the page does not know (``?category=no-such-thing``, ``?page=01``: a page
vouches for each real value with ``known_parameters()``).
Junk parameters, host spellings or made-up session cookies therefore neither fill the cache nor
get around it.
"""

import contextvars
import functools
import logging
import pickle
import time
from importlib import import_module
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http.request import split_domain_port
from django.utils.cache import patch_cache_control
from django.utils.encoding import escape_uri_path

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
BYPASS_PREFIXES = (
    "/admin/",
    "/documents/",
    "/language/",
    "/static/",
    "/media/",
    *getattr(settings, "PAGE_CACHE_EXTRA_BYPASS_PREFIXES", ()),
)

# Models whose rows never change what readers see (written on every request or by the admin's
# own bookkeeping); any other model of these apps starts a new generation when it changes.
WATCHED_APPS = {
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "taggit",
    "site_core",
    "home",
    "news",
    "events",
    "films",
}
IGNORED_MODELS = {
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.pagesubscription",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.uploadedfile",
    "wagtailcore.referenceindex",
    "wagtailimages.rendition",
}


# The generation is read at most once for the request being served (the page and each fragment
# it remembers would otherwise read it again), and forgotten as soon as this process starts a
# new generation. Outside a request (commands, shells) it is read every time.
_UNREAD = object()
_request_generation = contextvars.ContextVar("page_cache_generation", default=None)


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def generation():
    remembered = _request_generation.get()
    if remembered is _UNREAD:
        value = _read_generation()
        _request_generation.set(value if value is not None else _UNREAD)
        return value
    if remembered is not None:
        return remembered
    return _read_generation()


def _first_generation():
    """A generation no earlier one can have had (the cache may have been emptied or restarted,
    and processes remember fragments by generation): the time in microseconds."""
    return int(time.time() * 1_000_000)


def _read_generation():
    try:
        value = _cache().get(GENERATION_KEY)
        if value is None:
            _cache().add(GENERATION_KEY, _first_generation(), timeout=None)
            value = _cache().get(GENERATION_KEY) or _first_generation()
        return value
    except Exception:  # the cache being down must never take the site down
        logger.warning("Page cache unavailable", exc_info=True)
        return None


def new_generation(**kwargs):
    """Forget every cached page (called on any change to published content)."""
    if _request_generation.get() is not None:
        _request_generation.set(_UNREAD)
    try:
        try:
            _cache().incr(GENERATION_KEY)
        except ValueError:  # no generation yet
            _cache().set(GENERATION_KEY, _first_generation(), timeout=None)
    except Exception:
        logger.warning("Page cache unavailable: could not invalidate", exc_info=True)


def _watched(sender):
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label not in WATCHED_APPS:
        return False
    return meta.label_lower not in IGNORED_MODELS


def _on_change(sender, **kwargs):
    if _watched(sender):
        new_generation()


def connect_signals():
    from wagtail.signals import page_published, page_unpublished

    from site_core.caching import cdn

    page_published.connect(warm_after_publish, dispatch_uid="page-cache-warm")
    page_published.connect(cdn.purge_page, dispatch_uid="cdn-purge-published")
    page_unpublished.connect(cdn.purge_page, dispatch_uid="cdn-purge-unpublished")
    post_save.connect(_on_change, dispatch_uid="page-cache-save")
    post_delete.connect(_on_change, dispatch_uid="page-cache-delete")
    m2m_changed.connect(_on_change, dispatch_uid="page-cache-m2m")


MAX_QUERY_LENGTH = 500  # longer (hostile) query strings are answered uncached


@functools.cache
def understood_parameters():
    """Every query parameter some page understands (the registry: ``cache_query_parameters``
    on each page class; a view that reads another parameter must add it there)."""
    from wagtail.models import get_page_models

    names = set()
    for model in get_page_models():
        names.update(getattr(model, "cache_query_parameters", ()))
    return frozenset(names)


def _understood_query(request):
    """The query string of the parameters some page understands, in a fixed order."""
    names = understood_parameters()
    return urlencode(sorted((name, value) for name, value in request.GET.items() if name in names))


def _normalise_host(request):
    """Rewrites the request's host to one spelling (lower case, no trailing dot, no default
    port), so that ``EXAMPLE.org.:443`` and ``example.org`` are one page with the same links."""
    domain, port = split_domain_port(request.get_host())
    if port == {"http": "80", "https": "443"}.get(request.scheme):
        port = ""
    host = f"{domain}:{port}" if port else domain
    request.META["HTTP_HOST"] = host
    return host


def _key(request, host, query):
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


def _cacheable_request(request):
    if not getattr(settings, "PAGE_CACHE_ENABLED", False):
        return False
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path_info.startswith(BYPASS_PREFIXES) or request.path_info == "/":
        return False  # "/" is the per-reader language redirect
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH:
        return False
    # Logged in, or previewing: always fresh.
    return not has_session(request)


def _page_understands(request):
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


def _values_known(request):
    return set(request.GET) <= getattr(request, "_page_cache_known", frozenset())


def _mark(response, value):
    if getattr(settings, "PAGE_CACHE_HEADER", False):  # tests only: it tells what others read
        response["X-Page-Cache"] = value


class PageCacheMiddleware:
    """Serve anonymous readers from the shared cache; store what is safe to share."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = getattr(settings, "PAGE_CACHE_SECONDS", 600)

    def __call__(self, request):
        # Changes come with other methods: their requests read the generation every time.
        token = _request_generation.set(_UNREAD if request.method in ("GET", "HEAD") else None)
        try:
            return self._respond(request)
        finally:
            _request_generation.reset(token)

    def _respond(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        # One round trip for both the current generation and the page, stored with the
        # generation it was rendered in: a hit is a page of the current generation.
        key = _key(request, _normalise_host(request), _understood_query(request))
        try:
            found = _cache().get_many([GENERATION_KEY, key])
        except Exception:
            logger.warning("Page cache unavailable", exc_info=True)
            return self.get_response(request)
        gen = found.get(GENERATION_KEY)
        if gen is None:
            gen = generation()
            if gen is None:
                return self.get_response(request)
        _request_generation.set(gen)
        cached = found.get(key)
        if cached is not None and cached[0] == gen:
            response = cached[1]
            _mark(response, "hit")
            return response
        response = self.get_response(request)
        if self._storable(request, response):
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            if getattr(settings, "CDN_MAX_AGE", 0):  # a CDN that is purged on publish
                patch_cache_control(response, s_maxage=settings.CDN_MAX_AGE)
            _mark(response, "miss")
            try:
                _cache().set(key, (gen, response), self.timeout)
            except Exception:
                logger.warning("Page cache unavailable: could not store", exc_info=True)
        return response

    @staticmethod
    def _storable(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if "private" in response.get("Cache-Control", "") or "no-store" in response.get(
            "Cache-Control", ""
        ):
            return False
        if getattr(request, "is_preview", False):
            return False
        if not _page_understands(request):
            return False  # junk parameters: answered, but never stored under their own key
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        # After rendering: templates vouch for values too (``?untranslated=``).
        return _values_known(request)


# Fragments this process has read, as (expiry, pickled value), by their full key. The key names
# the generation, so an entry can never be stale; each use unpickles a fresh copy, so a request
# cannot change what the next one sees. Bounded: emptied when it grows past MEMO_SIZE.
_memo = {}
MEMO_SIZE = 2000


def remember(name, builder, timeout=3600, keep=None):
    """A value built once per cache generation (fragments: menus, footers, translations).

    Kept until published content changes, like the page cache; built afresh when the cache is
    down. ``name`` must say everything the value depends on (host, language, page). ``keep``,
    if given, decides whether a freshly built value is worth storing.
    """
    gen = generation()
    if gen is None:
        return builder()
    key = f"fragment:{gen}:{name}"
    now = time.time()
    found = _memo.get(key)
    if found is None:
        try:
            found = _cache().get(key)
        except Exception:
            return builder()
        if found is not None:
            _remember_locally(key, found)
    if found is not None and found[0] > now:
        return pickle.loads(found[1])  # nosec B301: written by this site into its own cache
    value = builder()
    if keep is not None and not keep(value):
        return value
    entry = (now + timeout, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
    _remember_locally(key, entry)
    try:
        _cache().set(key, entry, timeout)
    except Exception:
        logger.warning("Fragment cache unavailable: could not store", exc_info=True)
    return value


def _remember_locally(key, entry):
    if len(_memo) >= MEMO_SIZE:
        _memo.clear()
    _memo[key] = entry


def warm_after_publish(sender, instance, **kwargs):
    """Render a just-published page, its section and its home once, after the commit.

    Their image renditions are generated now, by the editor's publish, so no reader waits on
    image processing; the fresh pages go into the page cache too. On in production
    (WARM_PAGES_ON_PUBLISH).
    """
    if not getattr(settings, "WARM_PAGES_ON_PUBLISH", False):
        return
    from django.db import transaction

    page_ids = [instance.pk]
    parent = instance.get_parent()
    if parent is not None and parent.depth > 1:
        page_ids.append(parent.pk)
        if parent.depth > 2:
            page_ids.append(parent.get_ancestors().filter(depth=2).values_list("pk", flat=True)[0])
    transaction.on_commit(lambda: _warm(page_ids))


def _warm(page_ids):
    from django.test import Client  # an in-process request through the whole stack

    from wagtail.models import Page

    client = Client(HTTP_HOST=(settings.ALLOWED_HOSTS or ["localhost"])[0].lstrip("."))
    for page in Page.objects.filter(pk__in=page_ids).live():
        url = page.get_url()
        if not url:
            continue
        try:
            client.get(url)
        except Exception:  # warming is a courtesy: it must never break a publish
            logger.warning("Could not warm %s after publishing", url, exc_info=True)
