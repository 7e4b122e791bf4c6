"""Time-zone names in the reader's (or editor's) language, from CLDR through Babel.

Events are entered in an IANA zone ("Europe/Amsterdam"); readers see its name in their own
language ("tijd in Nederland", "荷兰时间"). The calendar export keeps the IANA id: that is what
iCalendar wants. Babel's look-ups are cached per zone and language (there are a few hundred zones
and seven languages).
"""

from functools import lru_cache
from zoneinfo import available_timezones

from django.conf import settings
from django.utils import translation

from babel import Locale, UnknownLocaleError
from babel.dates import get_timezone_location

# Zones with no place (UTC, Etc/GMT+5): CLDR calls them "Unknown Region (UTC) Time"; the id itself
# says more.
PLACELESS_PREFIXES = ("Etc/",)


def babel_locale(language_code):
    """The Babel locale of a Django language code: zh-hans → zh_Hans, he → he, pt-br → pt_BR."""
    language, _sep, rest = (language_code or settings.LANGUAGE_CODE).partition("-")
    if not rest:
        return language
    return f"{language}_{rest.title() if len(rest) == 4 else rest.upper()}"


@lru_cache(maxsize=4096)
def zone_name_in(zone, language_code):
    """The name of the IANA ``zone`` in the language ``language_code``; the id if unknown."""
    if "/" not in zone or zone.startswith(PLACELESS_PREFIXES):
        return zone
    try:
        return get_timezone_location(zone, locale=Locale.parse(babel_locale(language_code)))
    except (LookupError, ValueError, UnknownLocaleError):
        return zone


def zone_name(zone):
    """The name of the IANA ``zone`` in the active language."""
    return zone_name_in(zone, translation.get_language() or settings.LANGUAGE_CODE)


@lru_cache(maxsize=16)
def zone_choices_in(language_code):
    """Every IANA zone as a choice, named in ``language_code`` with its id, in name order."""
    choices = []
    for zone in available_timezones():
        name = zone_name_in(zone, language_code)
        choices.append((zone, zone.replace("_", " ") if name == zone else f"{name} · {zone}"))
    return sorted(choices, key=lambda choice: choice[1].casefold())
