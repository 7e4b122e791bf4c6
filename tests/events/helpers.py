"""Look-ups and builders shared by the events and films tests.

The events tests start from the empty site (tests/factories): each builds the events index of
the languages it reads and the few events it looks at, with dates counted from today.
"""

from datetime import date, datetime, time, timedelta

from icalendar import Calendar

from events.choices import EventStatus
from events.models import EventOccurrence, EventPage
from tests.factories import event_index, translate

# The source language and three translations: a Latin, a Chinese and a right-to-left script.
EVENT_LANGUAGES = ["en", "nl", "zh-hans", "he"]


def index(language="en"):
    """The events index of ``language``, made on first use (a translation of the English one)."""
    return event_index(language)


def event(slug, language="en"):
    return EventPage.objects.get(slug=slug, locale__language_code=language)


def day(days, hour=18):
    """A local (date, time) ``days`` from today (negative: in the past) at ``hour``."""
    return date.today() + timedelta(days=days), time(hour)


def make_event(parent, title, start, end=None, zone="Europe/Amsterdam", all_day=False, **fields):
    """Publish an event with one date given as local (date, time) pairs in ``zone``."""
    page = EventPage(
        title=title,
        slug=fields.pop("slug", title.lower().replace(" ", "-")),
        summary=fields.pop("summary", f"About {title}."),
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


def translated(page, language, prefix=None):
    """``page`` (an event) translated into ``language`` through wagtail-localize, its index
    first: the strings become "<prefix><English>" ("[<language>] " by default), the slug
    "<language>-<slug>"."""
    index(language)
    return translate(page, language, prefix=prefix)


def weekly_stand(**fields):
    """An English information stand on Dam Square in Amsterdam, on the map, every Saturday
    afternoon (13:00–17:00) for twelve weeks from two days ago."""
    start = day(-2, 13)
    return make_event(
        index(),
        "Weekly stand on the square",
        start,
        (start[0], time(17)),
        kind="information_stand",
        summary="Volunteers talk to passers-by every week.",
        venue="Dam Square",
        city="Amsterdam",
        latitude="52.373056",
        longitude="4.892222",
        repeat_weekly_until=start[0] + timedelta(weeks=12),
        **fields,
    )


def cancelled_drive(**fields):
    """An English petition drive in Madrid three days from now, cancelled with a notice."""
    return make_event(
        index(),
        "Petition drive downtown",
        day(3, 11),
        kind="petition_drive",
        city="Madrid",
        country="Spain",
        status=EventStatus.CANCELLED,
        status_notice="Cancelled because of a storm warning.",
        **fields,
    )


def parse_calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def vevents(calendar):
    return [component for component in calendar.walk() if component.name == "VEVENT"]
