"""Fragments remembered once per cache generation: menus, footers, translations.

Fragments this process has read are kept in memory as (expiry, pickled value), by their full
key. The key names the generation, so an entry can never be stale; each use unpickles a fresh
copy, so a request cannot change what the next one sees. Bounded: emptied when it grows past
MEMO_SIZE.
"""

import logging
import pickle
import time

from site_core.caching.generation import generation, shared_cache

logger = logging.getLogger(__name__)

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
