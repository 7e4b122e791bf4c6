"""The events listing's filters in another language, for the language switcher (the kernel's
``carry_listing_filters`` hook: site_core/navigation.py, carried_query).

The archive (``when=past``), a kind and a month mean the same in every language. A country or
city is an event's text, translated with it ("Den Haag"): it is carried as an event of that
place spells it in the target language, and dropped when no such event is live there. The page
number is never carried. Only values this listing vouches for are kept (the checks of
``vouch_for_filters``).
"""

from events.choices import EventKind
from events.models import EventIndexPage, EventPage
from events.models.index import first_day_of
from site_core.caching.page_cache import remember
from site_core.navigation import public_pages

PLACES = ("country", "city")


def place_in(index, field, value, locale_id):
    """How a live event of ``index`` at ``field`` = ``value`` spells it in ``locale_id``, or None
    (one or two queries per place and language, per cache generation)."""

    def build():
        keys = index.events().filter(**{field: value}).values("translation_key")
        # public ones only: a private section's event must not lend its place to a public link
        versions = public_pages(None, EventPage).filter(
            translation_key__in=keys, locale_id=locale_id
        )
        return versions.order_by("pk").values_list(field, flat=True).first()

    return remember(f"event-place-in:{index.pk}:{field}:{value}:{locale_id}", build)


def real_month(index, request, month):
    """True for a "YYYY-MM" month, spelt so, from the index's first event to its last."""
    span = index.month_span(request)
    if len(month) != 7 or not span or not span[0] <= month <= span[1]:
        return False
    first_day = first_day_of(month)
    return bool(first_day) and first_day.strftime("%Y-%m") == month


def carried_event_filters(request, page, target, given):
    """The filters of the events listing ``page`` that ``target`` understands the same way."""
    if not isinstance(page, EventIndexPage):
        return None
    carried = {}
    if given.get("when") == "past":
        carried["when"] = "past"
    if given.get("kind") in EventKind.values:
        carried["kind"] = given["kind"]
    if real_month(page, request, given.get("month", "")):
        carried["month"] = given["month"]
    options = page.filter_options(request)
    for field, known in zip(PLACES, (options["countries"], options["cities"]), strict=True):
        if given.get(field) in known and (
            spelt := place_in(page, field, given[field], target.locale_id)
        ):
            carried[field] = spelt
    return carried
