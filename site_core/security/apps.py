from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    """Response headers, sign-in limits, two-factor sign-in, safe rich text, links and uploads."""

    name = "site_core.security"
    label = "security"
    verbose_name = _("Security")

    def ready(self):
        # Not at module level: these modules import models, which Django allows only once the
        # app registry is ready (and importing them registers the deploy checks).
        from site_core.security import addresses, images, rich_text  # noqa: F401 (deploy check)

        images.guard_renditions()  # an image that cannot be decoded shows as missing, not a 500
        rich_text.connect_signals()
