from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteCoreConfig(AppConfig):
    name = "site_core"
    verbose_name = _("Site")

    def ready(self):
        from site_core import images, page_cache, rich_text, sign_in  # noqa: F401 (its deploy check)

        images.guard_renditions()  # an image that cannot be decoded shows as missing, not a 500
        page_cache.connect_signals()
        rich_text.connect_signals()
        # The translation sync and review-team receivers must listen in every process (commands,
        # workers), not only once the admin's hooks are loaded.
        from site_core import translation_review  # noqa: F401
