"""Shared fixtures. The test databases (tests/databases.py): an empty site in every language for
most tests, the whole demo for tests marked ``demo``; built once per run, copied per worker."""

from django.conf import settings
from django.utils import translation

import pytest

pytest_plugins = ["tests.databases", "tests.demo_site", "tests.browser"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test's database changes are rolled back: its cached fragments must go too."""
    from django.core.cache import caches

    from site_core.caching import page_cache

    page_cache._memo.clear()
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _reset_language():
    """A test that activates a language must not leak it into the next one."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def pytest_report_header(config):
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return f"database: {engine}"


# Modules whose tests run longest (subprocesses building whole sites): started first, so that
# the pytest-xdist workers do the rest beside them instead of waiting for them at the end.
EARLY_MODULES = {"test_backup.py"}  # tests/project/test_backup.py


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: item.path.name not in EARLY_MODULES)
