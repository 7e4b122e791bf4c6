"""Events in templates: an event's next date, its time zone's name and its schema.org JSON-LD."""

from django import template
from django.utils import timezone

from events.choices import EventStatus
from events.zones import zone_name
from site_core.navigation import bcp47, current_language
from site_core.structured_data import absolute_image_urls, html_datetime, jsonld_script

register = template.Library()
# {{ event.time_zone|zone_name }}: "tijd in Nederland" for "Europe/Amsterdam" on a Dutch page.
register.filter("zone_name", zone_name)

SCHEMA_ORG_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
}


@register.simple_tag(takes_context=True)
def event_next_date(context, event):
    """An event's next (or current) date as {start, all_day}, as of the listing's ``now``.

    A past event (the archive) has its last date instead.
    """
    now = context.get("now") or timezone.now()
    last = None
    for start, end, occurrence in event.dates():
        last = {"start": start, "all_day": occurrence.all_day}
        if end >= now:
            return last
    return last


def event_place(page):
    """schema.org Place of an event: venue, postal address and coordinates where known."""
    place = {
        "@type": "Place",
        "name": page.venue or page.city,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": page.address,
            "addressLocality": page.city,
            "addressCountry": page.country,
        },
    }
    if page.latitude is not None and page.longitude is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(page.latitude),
            "longitude": float(page.longitude),
        }
    return place


@register.simple_tag(takes_context=True)
def event_jsonld(context, page):
    """schema.org Event with its status and place, as a JSON-LD data block."""
    request = context["request"]
    dates = page.upcoming_dates() or page.dates()
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.summary,
        "url": page.get_full_url(request),
        "inLanguage": bcp47(current_language(page)),
        "eventStatus": SCHEMA_ORG_STATUS.get(page.status, SCHEMA_ORG_STATUS[EventStatus.SCHEDULED]),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": event_place(page),
    }
    if dates:
        start, end, _occurrence = dates[0]
        data["startDate"] = html_datetime(start)
        data["endDate"] = html_datetime(end)
    if page.organiser:
        data["organizer"] = {"@type": "Organization", "name": page.organiser}
    if images := absolute_image_urls(request, page.get_social_image()):
        data["image"] = images
    return jsonld_script(data)
