"""The cache *generation*: one number in the shared cache that every stored page and fragment
names. Starting a new generation forgets them all at once, in every process and language.

The generation is read at most once for the request being served (the page and each fragment
it remembers would otherwise read it again), and forgotten as soon as this process starts a
new generation. Outside a request (commands, shells) it is read every time.
"""

import contextvars
import logging
import time

from django.conf import settings
from django.core.cache import caches

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"

UNREAD = object()
request_generation = contextvars.ContextVar("page_cache_generation", default=None)


def shared_cache():
    """The cache pages and fragments are stored in (``PAGE_CACHE_ALIAS``, else the default)."""
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def generation():
    """The current generation, or None when the cache is down."""
    remembered = request_generation.get()
    if remembered is UNREAD:
        value = _read_generation()
        request_generation.set(value if value is not None else UNREAD)
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
        value = shared_cache().get(GENERATION_KEY)
        if value is None:
            shared_cache().add(GENERATION_KEY, _first_generation(), timeout=None)
            value = shared_cache().get(GENERATION_KEY) or _first_generation()
        return value
    except Exception:  # the cache being down must never take the site down
        logger.warning("Page cache unavailable", exc_info=True)
        return None


def new_generation(**kwargs):
    """Forget every cached page (called on any change to published content)."""
    if request_generation.get() is not None:
        request_generation.set(UNREAD)
    try:
        try:
            shared_cache().incr(GENERATION_KEY)
        except ValueError:  # no generation yet
            shared_cache().set(GENERATION_KEY, _first_generation(), timeout=None)
    except Exception:
        logger.warning("Page cache unavailable: could not invalidate", exc_info=True)
