"""An event page: local times, place, status notice and JSON-LD; the demo events; valid HTML."""

import json

from django.utils import timezone

from wagtail.models import Locale

import pytest

from events.choices import EventStatus
from events.models import EventPage
from films.models import FilmPage
from tests.utils import html_errors, soup
from tools.demo import events as demo_events

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


# --- An event -----------------------------------------------------------------------------


def test_event_page_shows_local_times_place_and_a_plain_map_link(client):
    page = soup(client.get("/zh-hans/events/weekly-information-stand-on-dam-square/"))
    assert page.select_one(".event-place").get_text(" ", strip=True).startswith("水坝广场")
    first = page.select_one(".event-dates time")
    assert first["datetime"].endswith(("+01:00", "+02:00"))
    assert "13:00" in first.get_text()
    osm = page.find("a", href=lambda h: h and "openstreetmap.org" in h)
    assert osm is not None
    assert not page.find("iframe")


def test_cancelled_event_shows_a_prominent_notice_in_the_readers_language(client):
    page = soup(client.get("/he/events/petition-drive-in-the-city-centre/"))
    notice = page.select_one(".notice--cancelled")
    assert notice is not None
    assert "בוטל בשל אזהרת סערה" in notice.get_text()


def test_event_json_ld_has_status_and_location(client):
    page = soup(client.get("/nl/evenementen/handtekeningenactie-in-het-centrum/"))
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["location"]["address"]["addressLocality"] == "Madrid"
    assert data["inLanguage"] == "nl"
    assert data["startDate"].startswith(str(timezone.now().year)[:3])


# --- Demo, HTML ---------------------------------------------------------------------------


def test_demo_events_cover_kinds_places_past_future_cancelled_and_recurring():
    events = EventPage.objects.filter(locale__language_code="en")
    assert events.count() >= 10
    assert len(set(events.values_list("kind", flat=True))) >= 7
    assert len(set(events.values_list("city", flat=True))) >= 10
    now = timezone.now()
    assert any(e.next_start(now) for e in events) and any(not e.next_start(now) for e in events)
    assert events.filter(status=EventStatus.CANCELLED).count() == 1
    assert events.filter(repeat_weekly_until__isnull=False).count() == 1
    nl, zh, he = (Locale.objects.get(language_code=c) for c in demo_events.EVENT_LANGUAGES)
    for page in [*events, *FilmPage.objects.filter(locale__language_code="en")]:
        for locale in (nl, zh, he):
            assert page.get_translation(locale).live


@pytest.mark.parametrize(
    "url",
    [
        "/en/events/",
        "/he/events/?when=past",
        "/zh-hans/events/weekly-information-stand-on-dam-square/",
        "/nl/films/",
        "/he/films/hard-to-believe/",
    ],
)
def test_event_and_film_pages_are_valid_html(client, url):
    assert html_errors(client.get(url)) == []
