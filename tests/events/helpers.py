"""Look-ups and builders shared by the events and films tests."""

from datetime import datetime, timedelta

from icalendar import Calendar

from events.models import EventIndexPage, EventOccurrence, EventPage
from tools.demo import events as demo_events

EVENT_LANGUAGES = ["en", *demo_events.EVENT_LANGUAGES]


def index(language="en"):
    return EventIndexPage.objects.get(locale__language_code=language)


def event(slug, language="en"):
    return EventPage.objects.get(slug=slug, locale__language_code=language)


def make_event(parent, title, start, end=None, zone="Europe/Amsterdam", all_day=False, **fields):
    """Publish an event with one date given as local (date, time) pairs in ``zone``."""
    page = EventPage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        summary=f"About {title}.",
        kind=fields.pop("kind", "talk"),
        time_zone=zone,
        city=fields.pop("city", "Utrecht"),
        country=fields.pop("country", "Netherlands"),
        **fields,
    )
    end = end or (start[0], (datetime.combine(start[0], start[1]) + timedelta(hours=2)).time())
    page.occurrences = [
        EventOccurrence(
            start_date=start[0],
            start_time=None if all_day else start[1],
            end_date=end[0],
            end_time=None if all_day else end[1],
            all_day=all_day,
        )
    ]
    parent.add_child(instance=page)
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)


def parse_calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def vevents(calendar):
    return [component for component in calendar.walk() if component.name == "VEVENT"]
