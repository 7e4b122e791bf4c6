"""The events listing: upcoming and past, filters, months, pagination, time zones."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from events.models import EventOccurrence
from tests.events.helpers import day, index, make_event, parse_calendar, vevents
from tests.factories import publish_event
from tests.utils import soup

pytestmark = pytest.mark.django_db


def titles_at(client, query=""):
    page = soup(client.get(index().url + query))
    return [a.get_text() for a in page.select(".event-card__title a")]


def past_events():
    """Three English events that took place (made out of order) and one still to come."""
    parent = index()
    make_event(parent, "Vigil a month ago", day(-30), kind="vigil")
    make_event(parent, "Parade twelve days ago", day(-12), kind="parade", city="Toronto")
    make_event(parent, "Screening three weeks ago", day(-20), kind="film_screening")
    make_event(parent, "Talk next week", day(7))


def varied_events():
    """English events of several kinds and places, upcoming and past."""
    parent = index()
    make_event(parent, "Vigil by the river", day(6), kind="vigil", city="Rotterdam")
    make_event(
        parent,
        "Stand on the promenade",
        day(8),
        kind="information_stand",
        city="Tel Aviv",
        country="Israel",
    )
    make_event(
        parent,
        "Screening in Berlin",
        day(10),
        kind="film_screening",
        city="Berlin",
        country="Germany",
    )
    make_event(
        parent, "Parade next month", day(25), kind="parade", city="Toronto", country="Canada"
    )
    make_event(
        parent, "Parade last month", day(-25), kind="parade", city="Toronto", country="Canada"
    )
    make_event(parent, "Vigil last month", day(-30), kind="vigil", city="Rotterdam")


# --- Listing ----------------------------------------------------------------------------


def test_upcoming_events_are_listed_soonest_first(client):
    parent = index()
    start = day(-2, 13)  # a weekly stand that began two days ago: listed by its next date
    make_event(parent, "Weekly stand", start, repeat_weekly_until=start[0] + timedelta(weeks=4))
    make_event(parent, "In ten days", day(10), zone="America/Toronto")
    make_event(parent, "Fair", day(5), day(7), zone="Asia/Shanghai", all_day=True)
    make_event(parent, "In three days", day(3), zone="Asia/Jerusalem")
    make_event(parent, "Long past", day(-30))
    page = soup(client.get("/en/events/"))
    times = [t["datetime"] for t in page.select(".event-card__when time")]
    moments = [datetime.fromisoformat(t if "T" in t else f"{t}T00:00:00+00:00") for t in times]
    assert len(moments) == 4
    assert moments == sorted(moments)


def test_past_events_are_an_archive_newest_first(client):
    past_events()
    assert titles_at(client, "?when=past") == [
        "Parade twelve days ago",
        "Screening three weeks ago",
        "Vigil a month ago",
    ]


def test_past_events_show_the_day_they_took_place(client):
    past_events()
    page = soup(client.get("/en/events/?when=past"))
    days = [time["datetime"][:10] for time in page.select(".event-card__when time")]
    assert len(days) == len(page.select(".event-card")) == 3
    assert all(date.fromisoformat(value) < date.today() for value in days)
    assert days == sorted(days, reverse=True)


def test_an_empty_filter_of_the_archive_leads_back_to_all_past_events(client):
    past_events()
    page = soup(client.get("/en/events/?when=past&kind=art_exhibition&city=Nowhere"))
    links = [a["href"] for a in page.select(".empty-state a, .filters__active a")]
    assert links and set(links) == {"/en/events/?when=past"}


def test_cancelled_event_is_listed_with_its_status(client):
    make_event(index(), "Held as planned", day(2))
    make_event(index(), "Called off", day(4), status="cancelled")
    (card,) = soup(client.get("/en/events/")).select(".event-card--cancelled")
    assert card.select_one(".event-card__title a").get_text() == "Called off"
    assert card.select_one(".status").get_text() == "Cancelled"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=vigil", ["Vigil by the river"]),
        ("country=Israel", ["Stand on the promenade"]),
        ("city=Berlin", ["Screening in Berlin"]),
        ("when=past&kind=parade", ["Parade last month"]),
    ],
)
def test_filters(client, query, expected):
    varied_events()
    assert titles_at(client, f"?{query}") == expected


def test_month_filter_includes_weekly_repeats(client):
    start = day(-2, 13)
    make_event(index(), "Weekly stand", start, repeat_weekly_until=start[0] + timedelta(weeks=12))
    make_event(index(), "One evening soon", day(3))
    month = (timezone.now() + timedelta(days=40)).strftime("%Y-%m")
    titles = titles_at(client, f"?month={month}")
    assert "Weekly stand" in titles
    assert "One evening soon" not in titles


@pytest.mark.parametrize(
    "query",
    [
        "kind=junk",
        "country=Atlantis",
        "month=abc",
        "month=2026-13",
        "month=" + "9" * 500,
        "city=%3Cscript%3E",
    ],
)
def test_junk_filters_give_an_empty_state(client, query):
    varied_events()
    response = client.get(f"/en/events/?{query}")
    assert response.status_code == 200
    page = soup(response)
    assert page.select(".event-card") == []
    assert page.select_one(".empty-state a")["href"] == "/en/events/"
    assert "<script>" not in response.content.decode()


@pytest.mark.parametrize(("number", "status"), [("abc", 200), ("-4", 200), ("2", 404)])
def test_junk_page_numbers(client, number, status):
    make_event(index(), "The only event", day(5))
    assert client.get("/en/events/", {"page": number}).status_code == status


def test_upcoming_ends_at_midnight_in_the_events_own_zone():
    shanghai = ZoneInfo("Asia/Shanghai")
    day = date(2027, 3, 10)
    fair = make_event(
        index(), "Book fair", (day, None), (day, None), zone="Asia/Shanghai", all_day=True
    )
    just_before = datetime.combine(day, time(23, 59), tzinfo=shanghai)
    just_after = datetime.combine(day + timedelta(days=1), time(0, 1), tzinfo=shanghai)
    assert fair in index().upcoming(now=just_before)
    assert fair not in index().upcoming(now=just_after)
    assert fair in list(index().past(now=just_after))
    # In UTC the day ended at 16:00, long before midnight.
    assert just_after.astimezone(ZoneInfo("UTC")).hour == 16


def test_weekly_repeat_keeps_the_local_time_across_daylight_saving():
    stand = make_event(
        index(),
        "Autumn stand",
        (date(2026, 10, 17), time(13, 0)),
        zone="Europe/Amsterdam",
        repeat_weekly_until=date(2026, 11, 7),
    )
    starts = [start for start, _end, _occurrence in stand.dates()]
    assert [s.astimezone(ZoneInfo("Europe/Amsterdam")).hour for s in starts] == [13] * 4
    assert [s.utcoffset() for s in starts] == [timedelta(hours=2)] * 2 + [timedelta(hours=1)] * 2


def test_calendar_describes_the_daylight_saving_change_it_spans(client):
    stand = make_event(
        index(),
        "Autumn stand",
        (date(2026, 10, 17), time(13, 0)),
        zone="Europe/Amsterdam",
        repeat_weekly_until=date(2026, 11, 7),
    )
    calendar = parse_calendar(client.get(stand.url + "ics/"))
    (entry,) = vevents(calendar)
    assert entry["dtstart"].dt == datetime(2026, 10, 17, 13, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert entry["rrule"]["UNTIL"][0].date() >= date(2026, 11, 7)
    (zone,) = calendar.walk("VTIMEZONE")
    kinds = {(c.name, str(c["tzname"])) for c in zone.subcomponents}
    assert ("DAYLIGHT", "CEST") in kinds and ("STANDARD", "CET") in kinds
    # The zone's rules put 31 October 13:00 in winter time, an hour later in UTC.
    offsets = {c["tzoffsetto"].td for c in zone.subcomponents if c["dtstart"].dt.year <= 2026}
    assert {timedelta(hours=1), timedelta(hours=2)} <= offsets


def test_occurrence_end_must_come_after_start():
    occurrence = EventOccurrence(
        event=make_event(index(), "A talk", day(5)),
        start_date=date(2027, 1, 1),
        start_time=time(18, 0),
        end_date=date(2027, 1, 1),
        end_time=time(17, 0),
    )
    with pytest.raises(ValidationError):
        occurrence.clean()


def test_an_event_index_lists_an_event_made_by_the_event_page_factory(client):
    made = publish_event(index(), title="Factory marker meeting")
    assert len(made.occurrences.all()) == 1
    assert titles_at(client) == ["Factory marker meeting"]
