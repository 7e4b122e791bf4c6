"""`make bench`: production settings on a local HTTP server, plus a bare comparison view."""

from site_core.settings.production import *  # noqa: F403
from site_core.settings.production import BASE_DIR

ROOT_URLCONF = "site_core.bench_urls"
STATIC_ROOT = BASE_DIR / ".bench" / "static"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

# The page cache is measured separately (see `make bench`); these runs render every request.
PAGE_CACHE_ENABLED = False
