"""An event page: local times, place, status notice and JSON-LD; the demo events; valid HTML."""

import json

from django.utils import timezone

import pytest

from films.models import FilmPage
from tests.events.helpers import (
    cancelled_drive,
    day,
    index,
    make_event,
    translated,
    weekly_stand,
)
from tests.factories import FilmPageFactory, film_index, translate
from tests.utils import html_errors, soup

pytestmark = pytest.mark.django_db


# --- An event -----------------------------------------------------------------------------


def test_event_page_shows_local_times_place_and_a_plain_map_link(client):
    stand = translated(weekly_stand(), "zh-hans")
    page = soup(client.get(stand.url))
    assert (
        page.select_one(".event-place").get_text(" ", strip=True).startswith("[zh-hans] Dam Square")
    )
    first = page.select_one(".event-dates time")
    assert first["datetime"].endswith(("+01:00", "+02:00"))
    assert "13:00" in first.get_text()
    osm = page.find("a", href=lambda h: h and "openstreetmap.org" in h)
    assert osm is not None
    assert not page.find("iframe")


def test_cancelled_event_shows_a_prominent_notice_in_the_readers_language(client):
    drive = translated(cancelled_drive(), "he")
    page = soup(client.get(drive.url))
    notice = page.select_one(".notice--cancelled")
    assert notice is not None
    assert "[he] Cancelled because of a storm warning." in notice.get_text()


def test_event_json_ld_has_status_and_location(client):
    drive = translated(cancelled_drive(), "nl")
    page = soup(client.get(drive.url))
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["location"]["address"]["addressLocality"] == "[nl] Madrid"
    assert data["inLanguage"] == "nl"
    assert data["startDate"].startswith(str(timezone.now().year)[:3])


def a_film():
    """An English film, published in its index."""
    film = FilmPageFactory.build(title="Hard facts", slug="hard-facts")
    film_index().add_child(instance=film)
    film.save_revision().publish()
    return FilmPage.objects.get(pk=film.pk)


def events_listing():
    """A talk, a weekly stand, a cancelled drive and an all-day exhibition: every kind of card."""
    make_event(index(), "Talk", day(5))
    translated(weekly_stand(), "he")
    cancelled_drive()
    make_event(index(), "Exhibition", day(8), all_day=True, kind="exhibition")
    return "/en/events/"


def hebrew_archive():
    translated(make_event(index(), "Vigil", day(-12), kind="vigil"), "he")
    return index("he").url + "?when=past"


def chinese_event():
    return translated(weekly_stand(), "zh-hans").url


def dutch_films():
    film_index("nl")
    translate(a_film(), "nl")
    return film_index("nl").url


def hebrew_film():
    film_index("he")
    return translate(a_film(), "he").url


@pytest.mark.parametrize(
    "build", [events_listing, hebrew_archive, chinese_event, dutch_films, hebrew_film]
)
def test_event_and_film_pages_are_valid_html(client, build):
    response = client.get(build())
    assert response.status_code == 200
    assert html_errors(response) == []
