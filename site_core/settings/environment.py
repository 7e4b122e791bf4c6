"""Every environment variable the project reads, in one place (listed in README.md)."""

import hashlib
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parents[2]


def _list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _bool(name: str, default: bool | None) -> bool | None:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


# Database: any dj-database-url URL; a SQLite file in the project folder when unset.
DATABASE_URL = os.environ.get("DATABASE_URL", "").strip() or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"

# Optional Redis (cache); a folder of files per database when unset (cache_folder()).
REDIS_URL = os.environ.get("REDIS_URL", "").strip()


def cache_folder(database: dict) -> Path:
    """The cache folder of a database without Redis: beside a SQLite file, else in .cache/."""
    name = str(database.get("NAME") or "")
    if database["ENGINE"].endswith("sqlite3") and name and ":memory:" not in name:
        return Path(name).parent / ".cache" / f"django-{Path(name).stem}"
    digest = hashlib.sha256(DATABASE_URL.encode()).hexdigest()[:16]
    return BASE_DIR / ".cache" / f"django-{digest}"


# Required in production (site_core.settings.production fails fast without it).
SECRET_KEY = os.environ.get("SECRET_KEY", "").strip()

ALLOWED_HOSTS = _list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = _list("CSRF_TRUSTED_ORIGINS")

# Public address of the site, used in admin e-mails and absolute links.
BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# Where uploaded images and documents are written.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", "").strip() or BASE_DIR / "media")

# Production only: redirect plain HTTP to HTTPS (turn off when a proxy already does it).
SECURE_SSL_REDIRECT = _bool("SECURE_SSL_REDIRECT", default=True)

# load_demo: password of the demo "admin" account; generated and printed once when unset.
DEMO_ADMIN_PASSWORD = os.environ.get("DEMO_ADMIN_PASSWORD", "")

# load_demo: password shared by the demo translator, reviewer and editor accounts; generated and
# printed once when unset.
DEMO_USERS_PASSWORD = os.environ.get("DEMO_USERS_PASSWORD", "")

# Machine translation for translators' "pre-fill" button. DeepL when DEEPL_API_KEY is set, else a
# self-hosted LibreTranslate when LIBRETRANSLATE_URL is set (LIBRETRANSLATE_API_KEY if it needs
# one). Without either, development and tests use wagtail-localize's offline dummy translator and
# production offers no machine translation.
DEEPL_API_KEY = os.environ.get("DEEPL_API_KEY", "").strip()
LIBRETRANSLATE_URL = os.environ.get("LIBRETRANSLATE_URL", "").strip().rstrip("/")
LIBRETRANSLATE_API_KEY = os.environ.get("LIBRETRANSLATE_API_KEY", "").strip()
# Another address for DeepL's API than api.deepl.com / api-free.deepl.com (a proxy), optional.
DEEPL_API_URL = os.environ.get("DEEPL_API_URL", "").strip().rstrip("/")

# Traditional Chinese drafts converted from Simplified Chinese (OpenCC): Taiwan ("tw", the
# default: 軟體, 資訊) or Hong Kong ("hk": 軟件, 信息) characters and phrasing.
CHINESE_TRADITIONAL_VARIANT = os.environ.get("CHINESE_TRADITIONAL_VARIANT", "").strip() or "tw"
if CHINESE_TRADITIONAL_VARIANT not in {"tw", "hk"}:
    raise ImproperlyConfigured(
        f"CHINESE_TRADITIONAL_VARIANT must be tw or hk, not {CHINESE_TRADITIONAL_VARIANT!r}."
    )

# Sender of admin notifications (review requests, approvals).
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost").strip()

# Outgoing mail (review notifications), e.g. smtp+tls://user:password@mail.example.org:587.
# Unset: messages are written to the console log instead.
SMTP_URL = os.environ.get("SMTP_URL", "").strip()

# Production: the full-page cache for anonymous readers (on unless set to false).
PAGE_CACHE = _bool("PAGE_CACHE", default=True)

# When an English page is first published, start its translation (a draft, never live) in every
# language whose parent page is translated (site_core.translation_workflow.auto_drafts).
TRANSLATION_AUTO_DRAFTS = _bool("TRANSLATION_AUTO_DRAFTS", default=False)

# `make bench` only: each measurement pass's own cache key prefix (an empty cache, no flush).
BENCH_CACHE_PREFIX = os.environ.get("BENCH_CACHE_PREFIX", "").strip() or "bench"

# `make serve` only: let Django serve uploaded media (a real deployment uses the web server or
# object storage for /media/).
SERVE_MEDIA = _bool("SERVE_MEDIA", default=False)

# Optional CDN in front of the site, purged on publish (site_core.caching.cdn): an HTTP purge
# address
# (Varnish, Squid...) or Cloudflare's API token and zone; CDN_MAX_AGE is how long it may keep a
# page (s-maxage, seconds).
CDN_PURGE_URL = os.environ.get("CDN_PURGE_URL", "").strip()
CLOUDFLARE_API_TOKEN = os.environ.get("CLOUDFLARE_API_TOKEN", "").strip()
CLOUDFLARE_ZONE_ID = os.environ.get("CLOUDFLARE_ZONE_ID", "").strip()
CDN_MAX_AGE = os.environ.get("CDN_MAX_AGE", "").strip() or "60"
if not (CDN_MAX_AGE.isascii() and CDN_MAX_AGE.isdigit()):
    raise ImproperlyConfigured(f"CDN_MAX_AGE must be a number of seconds, not {CDN_MAX_AGE!r}.")
CDN_MAX_AGE = int(CDN_MAX_AGE)

# Reverse proxies in front of the app servers (nginx, a load balancer): 0 trusts REMOTE_ADDR,
# N takes the address the nearest of N proxies added to X-Forwarded-For (sign-in limits) and
# believes X-Forwarded-Proto (Django and gunicorn.conf.py). Unset is 0, but `check --deploy`
# warns: behind a proxy, 0 gives every reader the proxy's address.
PROXY_COUNT = os.environ.get("PROXY_COUNT", "").strip() or "0"
PROXY_COUNT_GIVEN = bool(os.environ.get("PROXY_COUNT", "").strip())
if not (PROXY_COUNT.isascii() and PROXY_COUNT.isdigit()):
    raise ImproperlyConfigured(f"PROXY_COUNT must be a whole number, not {PROXY_COUNT!r}.")
PROXY_COUNT = int(PROXY_COUNT)

# How often the background worker publishes and unpublishes scheduled pages and snippets
# (seconds; site_core.scheduling).
SCHEDULED_PUBLISHING_INTERVAL = os.environ.get("SCHEDULED_PUBLISHING_INTERVAL", "").strip() or "60"
if (
    not (SCHEDULED_PUBLISHING_INTERVAL.isascii() and SCHEDULED_PUBLISHING_INTERVAL.isdigit())
    or int(SCHEDULED_PUBLISHING_INTERVAL) < 1
):
    raise ImproperlyConfigured(
        "SCHEDULED_PUBLISHING_INTERVAL must be a whole number of seconds (1 or more), "
        f"not {SCHEDULED_PUBLISHING_INTERVAL!r}."
    )
SCHEDULED_PUBLISHING_INTERVAL = int(SCHEDULED_PUBLISHING_INTERVAL)

# Two-factor sign-in for editors, reviewers and administrators: on in production unless set to
# false, off in development and tests unless set to true (None: not set).
TWO_FACTOR_REQUIRED = _bool("TWO_FACTOR_REQUIRED", default=None)
