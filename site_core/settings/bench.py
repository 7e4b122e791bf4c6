"""`make bench`: production settings on a local HTTP server, plus a bare comparison view."""

from site_core.settings.production import *  # noqa: F403
from site_core.settings.production import BASE_DIR, INSTALLED_APPS, RENDITIONS_CACHE, env

# The benchmark builds its databases with load_demo and load_bench_posts under these settings.
INSTALLED_APPS = [*INSTALLED_APPS, "tools.demo", "tools.bench"]
ROOT_URLCONF = "tools.bench.urls"
STATIC_ROOT = BASE_DIR / ".bench" / "static"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# No worker runs beside the benchmark: what its builds queue (search index...) runs at once.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# `make bench` measures twice: PAGE_CACHE=false (every request rendered) and PAGE_CACHE=true.
PAGE_CACHE_ENABLED = env.PAGE_CACHE
# The bare comparison view is never looked up in the page cache (nor stored), as /admin/ is not.
PAGE_CACHE_EXTRA_BYPASS_PREFIXES = ("/bench/",)
# Each measurement pass names its own cache key prefix, so it starts empty without flushing
# anything (Redis may be shared).
_PREFIX = env.BENCH_CACHE_PREFIX
if env.REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env.REDIS_URL,
            "KEY_PREFIX": _PREFIX,
        },
        "renditions": RENDITIONS_CACHE,
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(BASE_DIR / ".bench" / "cache" / _PREFIX),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
        "renditions": RENDITIONS_CACHE,
    }
