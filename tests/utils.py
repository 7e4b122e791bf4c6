"""Helpers for reading rendered pages."""

from django.conf import settings

from wagtail.models import Locale, Page

import html5lib
from bs4 import BeautifulSoup

from site_core.navigation import bcp47


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def html_errors(response):
    """HTML5 parse errors in a response (an empty list for a valid document)."""
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(response.content.decode())
    return [(error[0], error[1]) for error in parser.errors]


def expected_dir(language_code):
    return "rtl" if language_code.split("-")[0] in settings.LANGUAGES_BIDI else "ltr"


def live_pages():
    return Page.objects.live().filter(depth__gt=1).select_related("locale").order_by("path")


def locale(code):
    return Locale.objects.get(language_code=code)


def switch_target(href):
    """Where a language switcher link leads (it passes through /language/<code>/?next=...)."""
    from urllib.parse import parse_qs, urlsplit

    parts = urlsplit(href)
    if parts.path.startswith("/language/"):
        return parse_qs(parts.query)["next"][0]
    return href


__all__ = [
    "bcp47",
    "expected_dir",
    "html_errors",
    "live_pages",
    "locale",
    "soup",
    "switch_target",
]
