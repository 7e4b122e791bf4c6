"""The page cache of the caching tests: on, empty before and after each test."""

from django.core.cache import caches

import pytest


class PageCacheProbe:
    """What the page cache keeps, read from the (in-memory) test cache."""

    @staticmethod
    def stored():
        """The page-cache entries in the test cache."""
        return [key for key in caches["default"]._cache if "page-cache:GET" in key]


@pytest.fixture
def page_cache(settings):
    """The page cache on and empty; ``page_cache.stored()`` lists the pages it keeps."""
    settings.PAGE_CACHE_ENABLED = True
    caches["default"].clear()
    yield PageCacheProbe()
    caches["default"].clear()
