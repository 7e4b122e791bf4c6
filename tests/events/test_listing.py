"""The events listing: upcoming and past, filters, months, pagination, time zones."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from events.models import EventOccurrence
from tests.events.helpers import event, index, make_event, parse_calendar, vevents
from tests.factories import publish_event
from tests.utils import soup

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


# --- Listing ----------------------------------------------------------------------------


def test_upcoming_events_are_listed_soonest_first(client):
    page = soup(client.get("/en/events/"))
    times = [t["datetime"] for t in page.select(".event-card__when time")]
    moments = [datetime.fromisoformat(t if "T" in t else f"{t}T00:00:00+00:00") for t in times]
    assert len(moments) == 8
    assert moments == sorted(moments)


def test_past_events_are_an_archive_newest_first(client):
    titles = [
        a.get_text()
        for a in soup(client.get("/en/events/?when=past")).select(".event-card__title a")
    ]
    assert titles == [
        "Screening of Free China: The Courage to Believe",
        "Parade in downtown Toronto",
        "Vigil at the harbour",
    ]


def test_past_events_show_the_day_they_took_place(client):
    from datetime import date

    page = soup(client.get("/en/events/?when=past"))
    days = [time["datetime"][:10] for time in page.select(".event-card__when time")]
    assert len(days) == len(page.select(".event-card"))
    assert all(date.fromisoformat(day) < date.today() for day in days)
    assert days == sorted(days, reverse=True)


def test_an_empty_filter_of_the_archive_leads_back_to_all_past_events(client):
    page = soup(client.get("/en/events/?when=past&kind=art_exhibition&city=Nowhere"))
    links = [a["href"] for a in page.select(".empty-state a, .filters__active a")]
    assert links and set(links) == {"/en/events/?when=past"}


def test_cancelled_event_is_listed_with_its_status(client):
    card = soup(client.get("/en/events/")).select_one(".event-card--cancelled")
    assert card.select_one(".status").get_text() == "Cancelled"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=vigil", ["Candlelight vigil for those who died in the persecution"]),
        ("country=Israel", ["Information stand on the promenade"]),
        ("city=Berlin", ["Screening of Hard to Believe"]),
        ("when=past&kind=parade", ["Parade in downtown Toronto"]),
    ],
)
def test_filters(client, query, expected):
    titles = [
        a.get_text()
        for a in soup(client.get(f"/en/events/?{query}")).select(".event-card__title a")
    ]
    assert titles == expected


def test_month_filter_includes_weekly_repeats(client):
    month = (timezone.now() + timedelta(days=40)).strftime("%Y-%m")
    titles = [
        a.get_text()
        for a in soup(client.get(f"/en/events/?month={month}")).select(".event-card__title a")
    ]
    assert "Weekly information stand on Dam Square" in titles


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
    response = client.get(f"/en/events/?{query}")
    assert response.status_code == 200
    page = soup(response)
    assert page.select(".event-card") == []
    assert page.select_one(".empty-state a")["href"] == "/en/events/"
    assert "<script>" not in response.content.decode()


@pytest.mark.parametrize(("number", "status"), [("abc", 200), ("-4", 200), ("2", 404)])
def test_junk_page_numbers(client, number, status):
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
        event=event("talk-reaching-people-in-china-past-the-censors"),
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
    titles = [a.get_text() for a in soup(client.get("/en/events/")).select(".event-card__title a")]
    assert "Factory marker meeting" in titles
