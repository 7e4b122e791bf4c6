from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LanguagesConfig(AppConfig):
    """Language routing, the reader's choice, and what a language's listings show of the
    source language's untranslated items (``fallback``)."""

    name = "site_core.languages"
    label = "languages"
    verbose_name = _("Languages")
