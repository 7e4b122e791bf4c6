"""Local development: DEBUG on, a fixed key that is never used in production."""

from site_core.settings.base import *  # noqa: F403
from site_core.settings.base import INSTALLED_APPS, env
from site_core.settings.translation import machine_translator

DEBUG = True
SECRET_KEY = env.SECRET_KEY or "dev-only-key-never-used-in-production-0123456789abcdefghij"
ALLOWED_HOSTS = env.ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]

# The demo site (`make run`/`make setup` run load_demo) and the benchmark (`make bench` runs
# `manage.py bench` here): tooling, never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "tools.demo", "tools.bench"]

# Serve static files straight from the apps, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Offline machine translation (reverses word order) unless DeepL/LibreTranslate is configured.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(offline_fallback=True)
