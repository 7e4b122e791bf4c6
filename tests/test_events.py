"""Events and films: listings, filters, time zones, calendars and the film ↔ screening link."""

import json
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail.models import Locale
from wagtail_localize.models import Translation

import pytest
from icalendar import Calendar

from events.models import EventIndexPage, EventOccurrence, EventPage, EventStatus
from films.models import FilmPage
from tests.utils import html_errors, soup
from tools.demo import events as demo_events

pytestmark = pytest.mark.django_db

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


# --- iCalendar ----------------------------------------------------------------------------


def test_event_ics_has_everything_a_calendar_app_needs(client):
    stand = event("weekly-information-stand-on-dam-square", "zh-hans")
    calendar = parse_calendar(client.get(stand.url + "ics/"))
    (entry,) = vevents(calendar)
    assert entry["uid"]
    assert entry["dtstamp"]
    assert entry["dtstart"].params["TZID"] == "Europe/Amsterdam"
    assert entry["dtstart"].dt.tzinfo.key == "Europe/Amsterdam"
    assert entry["dtend"].dt > entry["dtstart"].dt
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    assert str(entry["summary"]) == "水坝广场每周真相资料摊位"
    assert entry["summary"].params["LANGUAGE"] == "zh-Hans"
    assert "阿姆斯特丹" in str(entry["location"])
    assert str(entry["url"]).endswith(stand.url)
    assert str(entry["description"]).startswith("志愿者")
    assert entry["rrule"]["FREQ"] == ["WEEKLY"]
    assert entry["status"] == "CONFIRMED"


def test_cancelled_event_is_cancelled_in_the_calendar(client):
    calendar = parse_calendar(client.get("/en/events/petition-drive-in-the-city-centre/ics/"))
    assert vevents(calendar)[0]["status"] == "CANCELLED"


def test_all_day_events_are_dates_in_the_calendar(client):
    calendar = parse_calendar(
        client.get("/en/events/art-exhibition-truthfulness-compassion-forbearance/ics/")
    )
    entry = vevents(calendar)[0]
    assert type(entry["dtstart"].dt) is date
    assert (entry["dtend"].dt - entry["dtstart"].dt).days == 3


@pytest.mark.parametrize("language", EVENT_LANGUAGES)
def test_every_languages_feed_parses_with_stable_uids(client, language):
    url = index(language).url + "ics/"
    first = parse_calendar(client.get(url))
    second = parse_calendar(client.get(url))
    uids = [str(e["uid"]) for e in vevents(first)]
    assert len(uids) == 8 and len(set(uids)) == 8
    assert uids == [str(e["uid"]) for e in vevents(second)]
    tzids = {str(tz["tzid"]) for tz in first.walk("VTIMEZONE")}
    used = {e["dtstart"].params["TZID"] for e in vevents(first) if "TZID" in e["dtstart"].params}
    assert used <= tzids


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
    page = make_event(
        index(language), "Calendar text", (date.today() + timedelta(days=9), time(18))
    )
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
    calendar = parse_calendar(client.get("/en/events/ics/?kind=information_stand"))
    assert len(vevents(calendar)) == 2
    assert vevents(parse_calendar(client.get("/en/events/ics/?kind=junk"))) == []


def test_drafts_stay_out_of_listings_and_calendars(client):
    hidden = make_event(index(), "Secret marker meeting", (date(2027, 5, 1), time(10, 0)))
    hidden.unpublish()
    for url in ["/en/events/", "/en/events/ics/", "/en/"]:
        assert "Secret marker" not in client.get(url).content.decode()


# --- Films ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", EVENT_LANGUAGES)
def test_film_and_screening_link_each_other_in_every_language(client, language):
    film = FilmPage.objects.get(slug="hard-to-believe", locale__language_code=language)
    page = soup(client.get(film.url))
    screenings = page.select("[aria-labelledby=screenings-heading] .event-card__title a")
    assert len(screenings) == 1
    screening_url = screenings[0]["href"]
    assert screening_url.startswith(f"/{language}/")
    back = soup(client.get(screening_url)).find("a", href=film.url)
    assert back is not None


def test_film_original_title_stays_in_sync_across_languages():
    english = FilmPage.objects.get(slug="free-china", locale__language_code="en")
    english.original_title = "Free China"
    english.save_revision().publish()
    dutch = FilmPage.objects.get(slug="free-china", locale__language_code="nl")
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale__language_code="nl"
    )
    translation.source.update_from_db()
    translation.save_target(publish=False)
    dutch.refresh_from_db()
    assert dutch.get_latest_revision_as_object().original_title == "Free China"


def test_trailer_loads_nothing_until_the_reader_clicks(client):
    film = FilmPage.objects.get(slug="transcending-fear", locale__language_code="en")
    film.trailer_url = "https://www.youtube.com/watch?v=abc123"
    film.save_revision().publish()
    page = soup(client.get(film.url))
    assert page.find("iframe") is None
    figure = page.select_one("[data-video-embed]")
    assert figure["data-video-embed"].startswith("https://www.youtube-nocookie.com/embed/abc123")
    assert page.select_one(".video__play")["href"] == film.trailer_url


def test_demo_films_invent_no_awards():
    assert all(not film.awards for film in FilmPage.objects.all())


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
