"""Full-page cache for anonymous readers, in the shared cache (Redis in production).

A hit costs one cache round trip (the generation and the page together) and no SQL query.
Correctness over cleverness: every change to published content starts a new cache
*generation* (``generation``, ``invalidation``), so no reader can see a page as it was before
the change, in any language.

Bypassed for: anything but GET/HEAD, anyone with a real session (editors, previews, a page
password), the admin, search, responses that set cookies or are not 200, and pages that say
``Cache-Control: private`` or ``no-store``.

What a page is stored under is decided in ``keys``: junk parameters, host spellings or made-up
session cookies neither fill the cache nor get around it. This module is also the package's
public face: other apps import ``remember`` and ``known_parameters`` from here.
"""

import logging

from django.conf import settings
from django.utils.cache import patch_cache_control

from site_core.caching.fragments import _memo, remember
from site_core.caching.generation import (
    GENERATION_KEY,
    UNREAD,
    generation,
    new_generation,
    request_generation,
    shared_cache,
)
from site_core.caching.keys import (
    has_session,
    known_parameters,
    normalise_host,
    page_key,
    page_understands,
    understood_parameters,
    understood_query,
    values_known,
)

__all__ = [
    "GENERATION_KEY",
    "PageCacheMiddleware",
    "_memo",  # the fragments this process remembers (tests empty it)
    "generation",
    "has_session",
    "known_parameters",
    "new_generation",
    "remember",
    "understood_parameters",
]

logger = logging.getLogger(__name__)

BYPASS_PREFIXES = (
    "/admin/",
    "/documents/",
    "/language/",
    "/static/",
    "/media/",
    *getattr(settings, "PAGE_CACHE_EXTRA_BYPASS_PREFIXES", ()),
)

MAX_QUERY_LENGTH = 500  # longer (hostile) query strings are answered uncached


def cacheable_request(request):
    """True if the answer to ``request`` may come from (and go into) the shared cache."""
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


def _mark(response, value):
    if getattr(settings, "PAGE_CACHE_HEADER", False):  # tests only: it tells what others read
        response["X-Page-Cache"] = value


def _current_generation(found):
    """The generation read with the page (or read now if it was missing); None: cache down."""
    gen = found.get(GENERATION_KEY)
    return gen if gen is not None else generation()


def _storable(request, response):
    """True if ``response`` may be shared with every anonymous reader of this key."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "")
    if "private" in cache_control or "no-store" in cache_control:
        return False
    if getattr(request, "is_preview", False):
        return False
    if not page_understands(request):
        return False  # junk parameters: answered, but never stored under their own key
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    # After rendering: templates vouch for values too (``?untranslated=``).
    return values_known(request)


class PageCacheMiddleware:
    """Serve anonymous readers from the shared cache; store what is safe to share."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = getattr(settings, "PAGE_CACHE_SECONDS", 600)

    def __call__(self, request):
        # Changes come with other methods: their requests read the generation every time.
        token = request_generation.set(UNREAD if request.method in ("GET", "HEAD") else None)
        try:
            return self._respond(request)
        finally:
            request_generation.reset(token)

    def _respond(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        # One round trip for both the current generation and the page, stored with the
        # generation it was rendered in: a hit is a page of the current generation.
        key = page_key(request, normalise_host(request), understood_query(request))
        try:
            found = shared_cache().get_many([GENERATION_KEY, key])
        except Exception:
            logger.warning("Page cache unavailable", exc_info=True)
            return self.get_response(request)
        gen = _current_generation(found)
        if gen is None:
            return self.get_response(request)
        request_generation.set(gen)
        cached = found.get(key)
        if cached is not None and cached[0] == gen:
            _mark(cached[1], "hit")
            return cached[1]
        response = self.get_response(request)
        if _storable(request, response):
            self._store(key, gen, response)
        return response

    def _store(self, key, gen, response):
        """Keep ``response`` under ``key`` for this generation, saying who may keep it."""
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        if getattr(settings, "CDN_MAX_AGE", 0):  # a CDN that is purged on publish
            patch_cache_control(response, s_maxage=settings.CDN_MAX_AGE)
        _mark(response, "miss")
        try:
            shared_cache().set(key, (gen, response), self.timeout)
        except Exception:
            logger.warning("Page cache unavailable: could not store", exc_info=True)
