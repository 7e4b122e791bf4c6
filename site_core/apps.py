from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteCoreConfig(AppConfig):
    """The kernel: base pages, blocks, the footer, generic tags (and the project's settings)."""

    name = "site_core"
    verbose_name = _("Site")
