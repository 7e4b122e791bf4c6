"""A language's events listing, calendar and home page add the next English events it has not
translated yet (site_core.languages.fallback), marked with their language."""

import pytest

from site_core.languages.models import FallbackMode, ListingFallback
from tests.events.helpers import day, index, make_event, parse_calendar, translated, vevents
from tests.utils import html_errors, locale, soup

pytestmark = pytest.mark.django_db


def event_titles(response):
    return [a.get_text() for a in soup(response).select(".event-card__title a")]


@pytest.fixture
def english_events():
    """Three upcoming English events (one translated into German), one past, soonest first."""
    parent = index()
    soon = make_event(parent, "Talk soon", day(2))
    translated(soon, "de")
    make_event(parent, "Parade later", day(5), kind="parade", city="Toronto", country="Canada")
    make_event(parent, "Talk in a month", day(31))
    make_event(parent, "Past talk", day(-3))
    return index("de")


def test_german_events_listing_adds_untranslated_upcoming_english_events(client, english_events):
    own = make_event(english_events, "Vortrag", day(40))
    response = client.get(english_events.url)
    assert html_errors(response) == []
    assert event_titles(response) == [
        "[de] Talk soon",
        own.title,
        "Parade later",
        "Talk in a month",
    ]
    cards = soup(response).select(".event-card")
    assert [bool(card.select(".language-label")) for card in cards] == [False, False, True, True]
    for card in cards[2:]:
        assert card.h3["lang"] == "en" and card.h3["dir"] == "ltr"
        assert card.h3.a["href"].startswith("/en/events/")
        assert card.select_one(".event-card__where")["lang"] == "en"
    # The archive lists this language's past events only.
    assert event_titles(client.get(english_events.url + "?when=past")) == []


def test_hebrew_events_page_shows_english_events_left_to_right(client, english_events):
    page = soup(client.get(index("he").url))
    card = page.select_one(".event-card--other-language")
    assert page.html["dir"] == "rtl" and card.h3["dir"] == "ltr" and card.h3["lang"] == "en"
    assert "אנגלית" in card.select_one(".language-label").get_text()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?kind=parade", ["Parade later"]),
        ("?city=Toronto", ["Parade later"]),
        ("?kind=junk", []),
        ("?city=%00", []),
        ("?when=past&country=%00", []),
        ("?month=9999-99", []),
        ("?month=abc", []),
    ],
)
def test_event_filters_apply_to_the_english_events_too(client, english_events, query, expected):
    response = client.get(english_events.url + query)
    assert response.status_code == 200
    assert event_titles(response) == expected


def test_month_filter_keeps_the_english_events_of_that_month(client, english_events):
    month = day(31)[0].strftime("%Y-%m")
    response = client.get(f"{english_events.url}?month={month}")
    assert "Talk in a month" in event_titles(response)
    assert html_errors(response) == []


def test_calendar_marks_english_events_with_language_en(client, english_events):
    calendar = parse_calendar(client.get(english_events.url + "ics/"))
    entries = {str(e["summary"]): e for e in vevents(calendar)}
    assert set(entries) == {"[de] Talk soon", "Parade later", "Talk in a month"}
    assert entries["[de] Talk soon"]["summary"].params["LANGUAGE"] == "de"
    for title in ("Parade later", "Talk in a month"):
        assert entries[title]["summary"].params["LANGUAGE"] == "en"
        assert entries[title]["description"].params["LANGUAGE"] == "en"
        assert str(entries[title]["url"]).startswith("http://localhost/en/events/")
    kind = parse_calendar(client.get(english_events.url + "ics/?kind=parade"))
    assert [str(e["summary"]) for e in vevents(kind)] == ["Parade later"]
    assert vevents(parse_calendar(client.get(english_events.url + "ics/?kind=%00"))) == []


def test_off_leaves_the_events_listing_and_calendar_to_the_language(client, english_events):
    ListingFallback.objects.create(locale=locale("de"), mode=FallbackMode.OFF)
    assert event_titles(client.get(english_events.url)) == ["[de] Talk soon"]
    calendar = parse_calendar(client.get(english_events.url + "ics/"))
    assert [str(e["summary"]) for e in vevents(calendar)] == ["[de] Talk soon"]


def test_home_page_fills_its_upcoming_events_with_english_ones(client, english_events):
    page = soup(client.get("/de/"))
    cards = page.select(".upcoming-events .event-card")
    assert [card.h3.get_text() for card in cards] == [
        "[de] Talk soon",
        "Parade later",
        "Talk in a month",
    ]
    assert [bool(card.select(".language-label")) for card in cards] == [False, True, True]
