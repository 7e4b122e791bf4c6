"""Production: fails fast without SECRET_KEY; passes ``manage.py check --deploy`` cleanly."""

from django.core.exceptions import ImproperlyConfigured

from site_core.settings.base import *  # noqa: F403
from site_core.settings.base import DATABASES, RENDITIONS_CACHE, env, mailer

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
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

# Review notifications: SMTP_URL, else the machine's own mail server (localhost:25).
MAILERS = {"default": mailer(env.SMTP_URL, console_fallback=False)}

# Anonymous readers get pages from the shared cache. Without REDIS_URL the cache is a folder on
# this machine, shared by its gunicorn workers (several machines need Redis).
PAGE_CACHE_ENABLED = env.PAGE_CACHE
WARM_PAGES_ON_PUBLISH = True
if not env.REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(env.BASE_DIR / ".cache" / "django"),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
        "renditions": RENDITIONS_CACHE,
    }
else:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# A CDN purged on publish (site_core.cdn), when one is configured.
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
