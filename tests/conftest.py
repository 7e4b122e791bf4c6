"""Shared fixtures: the demo site is loaded once per test session into the test database."""

from django.conf import settings
from django.core.management import call_command
from django.utils import translation

import pytest

pytest_plugins = ["tests.browser"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the full multilingual demo site (and rolls back its changes)."""
    with django_db_blocker.unblock():
        call_command("load_demo", "--no-admin", verbosity=0)


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
