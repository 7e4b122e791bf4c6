"""The next events of a language, soonest first (home page, film pages, the events index)."""

from django.db.models import Q
from django.utils import timezone

from events.models.pages import EventPage
from site_core.caching.page_cache import remember
from site_core.languages.fallback import room, source_locale_id, untranslated
from site_core.navigation import public_pages

UPCOMING_SECONDS = 60  # how long a remembered list of upcoming events may be kept


def not_ended(now):
    """Events with an occurrence (or a weekly repeat) that has not ended at ``now``."""
    return Q(occurrences__end__gte=now) | Q(repeat_weekly_until__gte=now.date())


def soonest_first(events, now):
    """``events`` (with their occurrences) sorted by their next date after ``now``."""
    return sorted(events, key=lambda event: (event.next_start(now) or now, event.pk))


def upcoming_events(locale_id, request=None, limit=3, now=None, **filters):
    """The next few events in one language, for the home page and film pages.

    The home page's list is remembered for a minute at most (events end as time passes) and
    until published content changes.
    """
    if now is None and not filters:
        return remember(
            f"upcoming-events:{locale_id}:{limit}",
            lambda: upcoming_events(locale_id, request, limit, timezone.now()),
            timeout=UPCOMING_SECONDS,
        )
    now = now or timezone.now()
    events = (
        public_pages(request, EventPage)
        .filter(locale_id=locale_id, **filters)
        .filter(not_ended(now))
        .distinct()
        .prefetch_related("occurrences")
    )
    return soonest_first(events, now)[:limit]


def upcoming_with_fallback(locale_id, request=None, limit=3):
    """The home page's next events: this language's, then, as its setting allows, the next
    English events not live in it (``site_core.languages.fallback``)."""
    own = upcoming_events(locale_id, request, limit)
    extra = room(locale_id, len(own), section_size=limit)
    if not extra:
        return own
    return own + untranslated_upcoming(locale_id, request, limit)[:extra]


def untranslated_upcoming(locale_id, request=None, limit=3):
    """The next ``limit`` English events with no live version in ``locale_id`` (a minute)."""

    def build():
        now = timezone.now()
        english = public_pages(request, EventPage).filter(locale_id=source_locale_id())
        events = untranslated(english, locale_id).filter(not_ended(now)).distinct()
        return soonest_first(events.prefetch_related("occurrences"), now)[:limit]

    return remember(f"untranslated-upcoming:{locale_id}:{limit}", build, timeout=UPCOMING_SECONDS)
