from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    """The page cache, remembered fragments, their invalidation and the CDN purge."""

    name = "site_core.caching"
    label = "caching"
    verbose_name = _("Caching")

    def ready(self):
        from site_core.caching import page_cache

        page_cache.connect_signals()
