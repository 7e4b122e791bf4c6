"""Helpers for reading rendered pages."""

import re

from django.conf import settings

from wagtail.models import Locale, Page

import html5lib
from bs4 import BeautifulSoup

from site_core.navigation import bcp47


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def html_errors(response):
    """HTML5 parse errors in a response (an empty list for a valid document), and any
    ``<time datetime>`` that HTML does not allow (html5lib does not look at attribute values)."""
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(response.content.decode())
    errors = [(error[0], error[1]) for error in parser.errors]
    return errors + [("invalid-time-datetime", value) for value in invalid_datetimes(response)]


# HTML's datetime value grammar (the "valid ... string" rules the <time> element accepts).
_YEAR = r"\d{4,}"
_MONTH = rf"{_YEAR}-(?:0[1-9]|1[0-2])"
_DATE = rf"{_MONTH}-(?:0[1-9]|[12]\d|3[01])"
_TIME = r"(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?"
_OFFSET = r"(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)"
_DURATION = r"P(?=\d|T\d)(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,3})?S)?)?"
HTML_DATETIME = re.compile(
    rf"{_MONTH}|{_DATE}|--(?:0[1-9]|1[0-2])-\d\d|{_TIME}|{_DATE}[T ]{_TIME}{_OFFSET}?"
    rf"|{_OFFSET}|{_YEAR}-W(?:0[1-9]|[1-4]\d|5[0-3])|{_YEAR}|{_DURATION}"
)


def invalid_datetimes(response):
    """The ``datetime`` values of a page's ``<time>`` elements that HTML does not allow."""
    values = [time["datetime"] for time in soup(response).find_all("time", datetime=True)]
    return [value for value in values if not HTML_DATETIME.fullmatch(value)]


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
    "invalid_datetimes",
    "live_pages",
    "locale",
    "soup",
    "switch_target",
]
