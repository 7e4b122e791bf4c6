"""`make bench`: production settings on a local HTTP server, plus a bare comparison view."""

from site_core.settings.production import *  # noqa: F403
from site_core.settings.production import BASE_DIR, env

ROOT_URLCONF = "site_core.bench_urls"
STATIC_ROOT = BASE_DIR / ".bench" / "static"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

# `make bench` measures twice: PAGE_CACHE=false (every request rendered) and PAGE_CACHE=true.
PAGE_CACHE_ENABLED = env.PAGE_CACHE
if not env.REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(BASE_DIR / ".bench" / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }
