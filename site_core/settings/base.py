"""Settings shared by every environment. Environment variables come from ``environment``."""

from urllib.parse import unquote, urlsplit

from django.utils.translation import gettext_lazy as _

import dj_database_url

from site_core.settings import environment as env
from site_core.settings.admin import *  # noqa: F403 (the admin's languages and time zones)
from site_core.settings.security import *  # noqa: F403 (sign-in, 2FA, cookies, headers, CSP)
from site_core.settings.tasks import *  # noqa: F403 (background tasks, scheduled publishing)
from site_core.settings.translation import *  # noqa: F403 (machine translation, Chinese scripts)

BASE_DIR = env.BASE_DIR

INSTALLED_APPS = [
    "site_core",
    "site_core.caching",
    "site_core.security",
    "site_core.translation_workflow",
    "site_core.scheduling",
    "site_core.languages",
    "home",
    "news",
    "events",
    "films",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # wagtail-2fa is used without being an installed app (its hooks fail on Wagtail 8):
    # site_core.security.two_factor.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "site_core.security.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compressed for each reader (static files come compressed from whitenoise; below
    # it, they never pass here). Above the page cache, which keeps pages uncompressed.
    "django.middleware.gzip.GZipMiddleware",
    "site_core.caching.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "site_core.languages.middleware.LanguagePrefixMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor sign-in (wagtail-2fa, for the admin only): below authentication; then axes'
    # sign-in limits, and the device cookie of a browser that signed in
    # (site_core.security.devices).
    "site_core.security.two_factor.AdminVerificationMiddleware",
    "axes.middleware.AxesMiddleware",
    "site_core.security.devices.DeviceCookieMiddleware",
    "site_core.translation_workflow.permissions.TranslatorScopeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that it sees a view's error first: an incomplete form is a 400, not a 500.
    "site_core.middleware.IncompleteFormMiddleware",
]

ROOT_URLCONF = "site_core.urls"
WSGI_APPLICATION = "site_core.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": dj_database_url.parse(env.DATABASE_URL, conn_max_age=0)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several processes on one SQLite file (`make run` beside `make serve`, gunicorn's workers):
    # write-ahead logging lets readers and a writer work at once, immediate transactions take the
    # write lock up front (a deferred one that later writes fails at once with "database is
    # locked"), and a writer waits for the lock instead of failing.
    # https://docs.djangoproject.com/en/6.1/ref/databases/#sqlite-init-command
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if env.REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env.REDIS_URL,
            "KEY_PREFIX": "site",
        }
    }
else:
    # A folder, one per database, shared by every process using that database: a publish in the
    # admin of `make run` starts a new page-cache generation that the workers of `make serve`
    # see at once. (Beside a SQLite file; a throwaway database gets its own cache.)
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(env.cache_folder(DATABASES["default"])),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

# Wagtail looks image renditions up in the "renditions" cache before the database, and writes
# each one it used back on every use: kept in each process's memory, that costs nothing (in a
# file cache it was five file writes per page). Entries cannot go stale: a rendition's key names
# its image's file hash and focal point.
RENDITIONS_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "renditions",
    "TIMEOUT": 3600,
    "OPTIONS": {"MAX_ENTRIES": 5000},
}
CACHES["renditions"] = RENDITIONS_CACHE

# Full-page cache for anonymous readers (site_core.caching.page_cache): production only.
PAGE_CACHE_ENABLED = False
PAGE_CACHE_SECONDS = 600
# An `X-Page-Cache: hit|miss` header on cached pages, for the tests only: in production it would
# tell anyone which addresses other readers asked for recently.
PAGE_CACHE_HEADER = False
# Render a page (and its section and home) right after it is published, so its image renditions
# exist before the first reader asks (site_core.caching.invalidation.warm_after_publish).
WARM_PAGES_ON_PUBLISH = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. English is the source; the others are translations. Adding a language is one
# line here (code, native name) plus locale/<lang>/LC_MESSAGES/django.po.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("nl", "Nederlands"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("es", "Español"),
    ("zh-hans", "简体中文"),
    ("zh-hant", "繁體中文"),
    ("he", "עברית"),
]
LANGUAGES_BIDI = ["he", "ar", "fa", "ur", "dv", "ug"]  # the admin's too (settings/admin.py)
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "site_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True  # read by the server only (site.js never reads cookies)
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A new translation stays a draft until a translator publishes it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# A new English page's first publish starts a draft translation in every language (off: editors
# start translations themselves, "Translate this page").
TRANSLATION_AUTO_DRAFTS = env.TRANSLATION_AUTO_DRAFTS


# Review requests go to the reviewers of the page's language, not to every superuser.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILADMIN_NOTIFICATION_USE_HTML = False
DEFAULT_FROM_EMAIL = env.DEFAULT_FROM_EMAIL


def mailer(url: str, *, console_fallback: bool = True) -> dict:
    """A MAILERS entry from SMTP_URL (smtp://, smtp+tls:// or smtps://).

    Without one: the console (development) or the local mail server on port 25 (production).
    """
    if not url and console_fallback:
        return {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    url = url or "smtp://localhost:25"
    parts = urlsplit(url)
    return {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": parts.hostname,
            "port": parts.port or (465 if parts.scheme == "smtps" else 587),
            "username": unquote(parts.username or ""),
            "password": unquote(parts.password or ""),
            "use_tls": parts.scheme == "smtp+tls",
            "use_ssl": parts.scheme == "smtps",
            "timeout": 10,
        },
    }


MAILERS = {"default": mailer(env.SMTP_URL)}
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = env.DEFAULT_FROM_EMAIL

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = env.MEDIA_ROOT
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

SECRET_KEY = env.SECRET_KEY
ALLOWED_HOSTS = env.ALLOWED_HOSTS
CSRF_TRUSTED_ORIGINS = env.CSRF_TRUSTED_ORIGINS

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = _("Falun Gong Awareness")
WAGTAILADMIN_BASE_URL = env.BASE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Documents are always served by Wagtail's view, which checks a private collection's sign-in
# or password; their files under MEDIA_ROOT/documents/ are never served at a /media/ address.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
# The admin's image form: an image must decode to the end (site_core.security.images).
WAGTAILIMAGES_IMAGE_FORM_BASE = "site_core.security.images.ImageForm"
# The admin must not call out to third parties (closed networks, readers' privacy).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_RESPONSIVE_HTML = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
DEMO_ADMIN_PASSWORD = env.DEMO_ADMIN_PASSWORD
DEMO_USERS_PASSWORD = env.DEMO_USERS_PASSWORD
SERVE_MEDIA = env.SERVE_MEDIA
