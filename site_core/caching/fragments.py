"""Fragments remembered once per cache generation: menus, footers, translations.

Fragments this process has read are kept in memory as (expiry, pickled value), by their full
key. The key names the generation, so an entry can never be stale; each use unpickles a fresh
copy, so a request cannot change what the next one sees. Bounded: emptied when it grows past
MEMO_SIZE.
"""

import hashlib
import logging
import pickle
import re
import time

from site_core.caching.generation import generation, shared_cache

logger = logging.getLogger(__name__)

_memo = {}
MEMO_SIZE = 2000
# A name used as it is in the key: short printable ASCII without spaces (what every cache
# backend, memcached included, accepts). Any other name (a long or non-ASCII request path) is
# replaced by its digest.
PLAIN_NAME = re.compile(r"[!-~]{1,150}")


def fragment_key(gen, name):
    """The cache key of fragment ``name`` in generation ``gen``: at most ~200 ASCII characters."""
    if not PLAIN_NAME.fullmatch(name):
        name = "sha256:" + hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()
    return f"fragment:{gen}:{name}"


def remember(name, builder, timeout=3600, keep=None):
    """A value built once per cache generation (fragments: menus, footers, translations).

    Kept until published content changes, like the page cache; built afresh when the cache is
    down. ``name`` must say everything the value depends on (host, language, page). ``keep``,
    if given, decides whether a freshly built value is worth storing.
    """
    gen = generation()
    if gen is None:
        return builder()
    key = fragment_key(gen, name)
    now = time.time()
    found = _memo.get(key)
    if found is None:
        try:
            found = shared_cache().get(key)
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
        shared_cache().set(key, entry, timeout)
    except Exception:
        logger.warning("Fragment cache unavailable: could not store", exc_info=True)
    return value


def _remember_locally(key, entry):
    if len(_memo) >= MEMO_SIZE:
        _memo.clear()
    _memo[key] = entry
