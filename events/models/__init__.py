"""Events: where to meet and when, in every reader's language, with calendars for every app.

Modules: ``pages`` (an event), ``occurrences`` (its dates), ``index`` (the listing and its
calendar feed), ``upcoming`` (the next events of a language). The choices live in
``events.choices``; ``EventKind``, ``EventStatus`` and ``time_zone_choices`` are re-exported
here because the demo loader and the first migration name them as ``events.models.…``.
"""

from events.choices import EventKind, EventStatus, time_zone_choices
from events.models.index import EventIndexPage
from events.models.occurrences import EventOccurrence
from events.models.pages import EventPage
from events.models.upcoming import upcoming_events, upcoming_with_fallback

__all__ = [
    "EventIndexPage",
    "EventKind",
    "EventOccurrence",
    "EventPage",
    "EventStatus",
    "time_zone_choices",
    "upcoming_events",
    "upcoming_with_fallback",
]
