"""Calendars (.ics) of an event and of a language's upcoming events."""

from datetime import date, time

import pytest

from tests.events.helpers import (
    EVENT_LANGUAGES,
    cancelled_drive,
    day,
    index,
    make_event,
    parse_calendar,
    translated,
    vevents,
    weekly_stand,
)

pytestmark = pytest.mark.django_db

# What a Chinese translator's strings start with (the test data's translations are this prefix
# and the English text).
CHINESE = "水坝广场 "


# --- iCalendar ----------------------------------------------------------------------------


def test_event_ics_has_everything_a_calendar_app_needs(client):
    stand = translated(weekly_stand(), "zh-hans", prefix=CHINESE)
    calendar = parse_calendar(client.get(stand.url + "ics/"))
    (entry,) = vevents(calendar)
    assert entry["uid"]
    assert entry["dtstamp"]
    assert entry["dtstart"].params["TZID"] == "Europe/Amsterdam"
    assert entry["dtstart"].dt.tzinfo.key == "Europe/Amsterdam"
    assert entry["dtend"].dt > entry["dtstart"].dt
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    assert str(entry["summary"]) == CHINESE + "Weekly stand on the square"
    assert entry["summary"].params["LANGUAGE"] == "zh-Hans"
    assert CHINESE + "Amsterdam" in str(entry["location"])
    assert str(entry["url"]).endswith(stand.url)
    assert str(entry["description"]).startswith(CHINESE + "Volunteers")
    assert entry["rrule"]["FREQ"] == ["WEEKLY"]
    assert entry["status"] == "CONFIRMED"


def test_cancelled_event_is_cancelled_in_the_calendar(client):
    drive = cancelled_drive()
    calendar = parse_calendar(client.get(drive.url + "ics/"))
    assert vevents(calendar)[0]["status"] == "CANCELLED"


def test_all_day_events_are_dates_in_the_calendar(client):
    first, last = day(20)[0], day(22)[0]
    exhibition = make_event(
        index(), "Art exhibition", (first, None), (last, None), all_day=True, kind="exhibition"
    )
    calendar = parse_calendar(client.get(exhibition.url + "ics/"))
    entry = vevents(calendar)[0]
    assert type(entry["dtstart"].dt) is date
    assert (entry["dtend"].dt - entry["dtstart"].dt).days == 3


def events_in_three_zones(language):
    """Three upcoming events in ``language``'s index, in three time zones, one all day."""
    parent = index(language)
    make_event(parent, "Stand", day(3, 13), zone="Europe/Amsterdam", kind="information_stand")
    make_event(parent, "Talk", day(5), zone="America/Toronto")
    make_event(parent, "Fair", day(8), day(9), zone="Asia/Shanghai", all_day=True)


@pytest.mark.parametrize("language", EVENT_LANGUAGES)
def test_every_languages_feed_parses_with_stable_uids(client, language):
    events_in_three_zones(language)
    url = index(language).url + "ics/"
    first = parse_calendar(client.get(url))
    second = parse_calendar(client.get(url))
    uids = [str(e["uid"]) for e in vevents(first)]
    assert len(uids) == 3 and len(set(uids)) == 3
    assert uids == [str(e["uid"]) for e in vevents(second)]
    tzids = {str(tz["tzid"]) for tz in first.walk("VTIMEZONE")}
    used = {e["dtstart"].params["TZID"] for e in vevents(first) if "TZID" in e["dtstart"].params}
    assert used <= tzids and len(used) == 2


@pytest.mark.parametrize(
    ("language", "text", "kept"),
    [
        ("en", "Talk\nand walk", "Talk\nand walk"),
        ("en", "Talk\r\nand walk", "Talk\nand walk"),
        # (Not NUL: PostgreSQL cannot store it, and Django's forms refuse it before then.)
        ("en", "Talk\x0band\x07 walk", "Talk\nand walk"),
        ("he", "הרצאה\r\nוסיור", "הרצאה\nוסיור"),
        ("zh-hans", "讲座\n与游行", "讲座\n与游行"),
    ],
)
def test_line_breaks_and_control_characters_in_any_text_keep_the_calendars_whole(
    client, language, text, kept
):
    # A line break in an event's title answered 500 (icalendar refused a raw break in the
    # calendar's name); control characters went into the file as they were.
    page = make_event(index(language), "Calendar text", day(9))
    page.title = page.summary = page.venue = text
    page.save_revision().publish()
    for url in (page.url + "ics/", index(language).url + "ics/"):
        calendar = parse_calendar(client.get(url))
        (entry,) = [e for e in vevents(calendar) if str(e["summary"]) == kept]
        assert str(entry["description"]) == kept
        assert str(entry["location"]).startswith(kept + ", ")
    name = parse_calendar(client.get(page.url + "ics/"))["x-wr-calname"]
    assert str(name) == kept.replace("\n", " ")


def test_feed_per_kind(client):
    events_in_three_zones("en")
    make_event(index(), "Second stand", day(4, 13), kind="information_stand")
    calendar = parse_calendar(client.get("/en/events/ics/?kind=information_stand"))
    assert len(vevents(calendar)) == 2
    assert vevents(parse_calendar(client.get("/en/events/ics/?kind=junk"))) == []


def test_drafts_stay_out_of_listings_and_calendars(client):
    hidden = make_event(index(), "Secret marker meeting", (date(2027, 5, 1), time(10, 0)))
    hidden.unpublish()
    for url in ["/en/events/", "/en/events/ics/", "/en/"]:
        assert "Secret marker" not in client.get(url).content.decode()
