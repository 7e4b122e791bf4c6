from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    """The page cache, remembered fragments, their invalidation and the CDN purge."""

    name = "site_core.caching"
    label = "caching"
    verbose_name = _("Caching")

    def ready(self):
        # Not at module level: the invalidation module reads Wagtail's models and registries,
        # which Django allows only once the app registry is ready.
        from site_core.caching import invalidation

        invalidation.connect_signals()
