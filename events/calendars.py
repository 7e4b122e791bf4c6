"""iCalendar (.ics) for one event or a feed of upcoming events, in the reader's language."""

import re
import uuid
from datetime import UTC, timedelta

from django.http import HttpResponse
from django.utils import timezone

from wagtail.models import Site

from icalendar import Calendar, Event, vRecur, vText

from events.choices import EventStatus
from site_core.navigation import bcp47

ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.POSTPONED: "TENTATIVE",
}


# Control characters other than tab and line feed: iCalendar's TEXT has no place for them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def ical_text(value, one_line=False):
    """Any text an editor or translator typed, as iCalendar TEXT (RFC 5545, 3.3.11).

    Every kind of line break (CR LF, CR, vertical tab, form feed, U+2028…) becomes one line
    feed, which icalendar writes as the escaped ``\\n`` that TEXT allows (a space in a
    ``one_line`` name); other control characters are dropped. A raw break in a property
    would otherwise end the content line.
    """
    lines = (CONTROL_CHARACTERS.sub("", line) for line in str(value or "").splitlines())
    return vText((" " if one_line else "\n").join(lines))


def occurrence_uid(event, occurrence, host):
    """Stable across edits: the event's translation key, the language and the date's id."""
    key = uuid.uuid5(event.translation_key, f"{event.locale_id}-{occurrence.pk}")
    return f"{key}@{host}"


def location(event):
    return ", ".join(
        part for part in (event.venue, event.address, event.city, event.country) if part
    )


def new_calendar(name):
    """An empty published calendar called ``name``."""
    calendar = Calendar()
    calendar.add("prodid", "-//Falun Gong Awareness//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # The name calendar apps show (an extension its parser reads as plain text): one line.
    calendar.add("x-wr-calname", ical_text(name, one_line=True))
    return calendar


def build_calendar(request, events, name):
    calendar = new_calendar(name)
    # UIDs name the site, not whatever host the request came through, so they never change.
    site = Site.find_for_request(request)
    host = site.hostname if site else "localhost"
    spans = []
    for event in events:
        url = event.get_full_url(request)
        for occurrence in event.occurrences.all():
            start, end = occurrence.local_bounds(event.zone)
            spans.extend([start.date(), event.repeat_weekly_until or end.date()])
            entry = occurrence_entry(event, occurrence, (start, end), host)
            if url:
                entry.add("url", url)
            entry.add("status", ICAL_STATUS.get(event.status, "CONFIRMED"))
            if event.repeat_weekly_until:
                entry.add("rrule", weekly_until(end, event.repeat_weekly_until))
            calendar.add_component(entry)
    if spans:
        # VTIMEZONE rules for the years the calendar covers, not 1970–2038.
        calendar.add_missing_timezones(
            first_date=min(spans) - timedelta(days=366), last_date=max(spans) + timedelta(days=366)
        )
    return calendar


def occurrence_entry(event, occurrence, bounds, host):
    """One date of ``event`` as a VEVENT: when, what (in the event's language) and where."""
    start, end = bounds
    language = bcp47(event.locale.language_code)
    entry = Event()
    entry.add("uid", occurrence_uid(event, occurrence, host))
    entry.add("dtstamp", event.last_published_at or timezone.now())
    if occurrence.all_day:
        entry.add("dtstart", start.date())
        entry.add("dtend", end.date())
    else:
        entry.add("dtstart", start)
        entry.add("dtend", end)
    entry.add("summary", ical_text(event.title), parameters={"LANGUAGE": language})
    entry.add("description", ical_text(event.summary), parameters={"LANGUAGE": language})
    if location(event):
        entry.add("location", ical_text(location(event)), parameters={"LANGUAGE": language})
    if event.latitude is not None and event.longitude is not None:
        entry.add("geo", (float(event.latitude), float(event.longitude)))
    return entry


def weekly_until(end, last_date):
    """A weekly repeat rule up to the end of ``last_date`` (in the zone of ``end``)."""
    until = end.replace(
        year=last_date.year,
        month=last_date.month,
        day=last_date.day,
        hour=23,
        minute=59,
        second=59,
    )
    return vRecur({"FREQ": "WEEKLY", "UNTIL": until.astimezone(UTC)})


def calendar_response(request, events, name, filename):
    calendar = build_calendar(request, events, name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
