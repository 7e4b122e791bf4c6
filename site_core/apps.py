from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteCoreConfig(AppConfig):
    name = "site_core"
    verbose_name = _("Site")

    def ready(self):
        from site_core import login_limits, page_cache

        page_cache.connect_signals()
        login_limits.connect_signals()
