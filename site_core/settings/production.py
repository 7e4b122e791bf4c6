"""Production: fails fast without SECRET_KEY; passes ``manage.py check --deploy`` cleanly."""

from django.core.exceptions import ImproperlyConfigured

from site_core.settings.base import *  # noqa: F403
from site_core.settings.base import DATABASES, env, mailer

if not env.SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Export a long random value before starting, e.g. "
        "SECRET_KEY=$(python -c 'import secrets; print(secrets.token_urlsafe(64))')"
    )

DEBUG = False
SECRET_KEY = env.SECRET_KEY
ALLOWED_HOSTS = env.ALLOWED_HOSTS or ["localhost", "127.0.0.1"]

DATABASES["default"]["CONN_MAX_AGE"] = 60
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_SSL_REDIRECT = env.SECURE_SSL_REDIRECT
# X-Forwarded-Proto is believed only behind a configured reverse proxy (PROXY_COUNT), which sets
# it on every request: without one, anybody could send it. (gunicorn.conf.py agrees: it believes
# it from the proxy on this machine only when PROXY_COUNT is set.)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env.PROXY_COUNT else None
SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

# Editors, reviewers and administrators sign in with a second factor (TOTP) unless
# TWO_FACTOR_REQUIRED=false.
WAGTAIL_2FA_REQUIRED = env.TWO_FACTOR_REQUIRED is not False

# Review notifications: SMTP_URL, else the machine's own mail server (localhost:25).
MAILERS = {"default": mailer(env.SMTP_URL, console_fallback=False)}

# Anonymous readers get pages from the shared cache. Without REDIS_URL the cache is a folder on
# this machine (base.CACHES), shared by its gunicorn workers and by `make run`'s admin (several
# machines need Redis).
PAGE_CACHE_ENABLED = env.PAGE_CACHE
WARM_PAGES_ON_PUBLISH = True
if env.REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# A CDN purged on publish (site_core.caching.cdn), when one is configured.
WAGTAILFRONTENDCACHE = {}
if env.CDN_PURGE_URL:
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env.CDN_PURGE_URL,
    }
if env.CLOUDFLARE_API_TOKEN and env.CLOUDFLARE_ZONE_ID:
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env.CLOUDFLARE_API_TOKEN,
        "ZONEID": env.CLOUDFLARE_ZONE_ID,
    }
CDN_MAX_AGE = env.CDN_MAX_AGE if WAGTAILFRONTENDCACHE else 0
