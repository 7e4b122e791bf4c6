"""The test suite: fast hashing, an in-memory cache, media in a throwaway folder."""

import tempfile
from pathlib import Path

from site_core.settings.base import *  # noqa: F403
from site_core.settings.base import INSTALLED_APPS, RENDITIONS_CACHE
from site_core.settings.translation import machine_translator

DEBUG = False
SECRET_KEY = "test-only-key-never-used-in-production-0123456789abcdefghij"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
# The demo site (every database test starts from it: tests/conftest.py runs load_demo) and
# the benchmark: tooling, never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "tools.demo", "tools.bench"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "renditions": RENDITIONS_CACHE,
}
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="site-test-media-"))
WAGTAILADMIN_BASE_URL = "http://testserver"

# Serve static files straight from the apps, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Offline machine translation (reverses word order) unless DeepL/LibreTranslate is configured.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(offline_fallback=True)

# Background tasks run at once, inside the request or test that queues them (the suite's page
# saves stay synchronous); the tests of the worker use the database queue (tests/scheduling).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Sign-in: no second factor (tests turn it on where they check it).
WAGTAIL_2FA_REQUIRED = False

# The page cache says "X-Page-Cache: hit|miss" in the tests only.
PAGE_CACHE_HEADER = True

# The demo team (translators, reviewer, editor) that load_demo creates for the tests.
DEMO_USERS_PASSWORD = "test-demo-users-password"
