"""Fragment cache keys stay valid for every cache backend, whatever the request path."""

import warnings

from django.core.cache import CacheKeyWarning
from django.core.cache.backends.base import BaseCache

import pytest

from site_core.caching.fragments import fragment_key, remember

pytestmark = pytest.mark.django_db

NAMES = [
    "route:2:he:/he/" + "x" * 400,  # Defect: a 400-character path made a 430-character key.
    "route:2:zh-hans:/zh-hans/新闻/ 迫害/",  # non-ASCII and a space
    "route:2:en:/en/\x00/",
]


@pytest.mark.parametrize("name", NAMES)
def test_every_fragment_key_is_valid_for_memcached(name):
    key = fragment_key(7, name)
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheKeyWarning)
        BaseCache({}).validate_key(key)
    assert len(key) <= 250


def test_a_plain_name_stays_readable_and_distinct_names_stay_apart():
    assert fragment_key(3, "menu:localhost:en") == "fragment:3:menu:localhost:en"
    keys = {fragment_key(3, name) for name in [*NAMES, NAMES[0] + "y"]}
    assert len(keys) == len(NAMES) + 1


def test_a_fragment_with_a_long_name_is_remembered_without_a_warning():
    calls = []
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheKeyWarning)
        for _ in range(2):
            assert remember(NAMES[0], lambda: calls.append(1) or "built") == "built"
    assert calls == [1]
