"""Event time zones named in the reader's language (CLDR through Babel), not as IANA ids; the
admin's list of zones in the editor's language; the calendar export keeps the IANA id."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from wagtail.users.models import UserProfile

import pytest

from events.choices import time_zone_choices
from events.zones import babel_locale, zone_name, zone_name_in
from tests.events.helpers import index, parse_calendar, translated, vevents, weekly_stand
from tests.utils import soup

pytestmark = pytest.mark.django_db

# Amsterdam's zone as CLDR names it in each of the site's languages.
AMSTERDAM = {
    "en": "Netherlands Time",
    "nl": "tijd in Nederland",
    "de": "Niederlande (Ortszeit)",
    "fr": "heure : Pays-Bas",
    "es": "hora de Países Bajos",
    "zh-hans": "荷兰时间",
    "zh-hant": "荷蘭時間",
    "he": "שעון הולנד",
}


@pytest.mark.parametrize(
    ("code", "locale"),
    [("en", "en"), ("nl", "nl"), ("zh-hans", "zh_Hans"), ("zh-hant", "zh_Hant"), ("he", "he")],
)
def test_django_language_codes_map_to_babel_locales(code, locale):
    assert babel_locale(code) == locale


@pytest.mark.parametrize(("code", "name"), AMSTERDAM.items())
def test_a_zone_is_named_in_each_language(code, name):
    assert zone_name_in("Europe/Amsterdam", code) == name
    with translation.override(code):
        assert zone_name("Europe/Amsterdam") == name


def test_zones_without_a_place_and_unknown_ids_keep_their_id():
    assert zone_name_in("UTC", "nl") == "UTC"
    assert zone_name_in("Etc/GMT+5", "he") == "Etc/GMT+5"
    assert zone_name_in("Mars/Olympus_Mons", "de") == "Mars/Olympus_Mons"


@pytest.mark.parametrize("language", ["nl", "zh-hans", "he"])
def test_event_page_names_its_zone_in_the_readers_language(client, language):
    stand = translated(weekly_stand(), language)
    page = soup(client.get(stand.url))
    zone = page.select_one(".event-zone").get_text()
    assert AMSTERDAM[language] in zone
    assert "Europe/Amsterdam" not in zone


def test_event_card_names_the_zone_in_the_readers_language(client):
    stand = translated(weekly_stand(), "zh-hans")
    listing = soup(client.get(index("zh-hans").url))
    assert listing.select_one(".event-card abbr")["title"] == AMSTERDAM["zh-hans"]
    assert stand.title in listing.get_text()


def test_calendar_export_keeps_the_iana_id(client):
    stand = translated(weekly_stand(), "he")
    calendar = parse_calendar(client.get(stand.url + stand.reverse_subpage("calendar_route")))
    assert str(vevents(calendar)[0]["DTSTART"].params["TZID"]) == "Europe/Amsterdam"


def test_choices_follow_the_active_language_and_keep_the_ids():
    with translation.override("nl"):
        dutch = dict(time_zone_choices())
    with translation.override("he"):
        hebrew = dict(time_zone_choices())
    assert dutch["Europe/Amsterdam"] == "tijd in Nederland · Europe/Amsterdam"
    assert hebrew["Europe/Amsterdam"] == "שעון הולנד · Europe/Amsterdam"
    assert set(dutch) == set(hebrew)


def test_admin_lists_zones_in_the_editors_language(client):
    editor = get_user_model().objects.create_superuser("zones", "zones@example.org", "pw")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "de"
    profile.save()
    client.force_login(editor)
    add = reverse("wagtailadmin_pages:add", args=["events", "eventpage", index().pk])
    response = client.get(add)
    option = soup(response).select_one('select[name="time_zone"] option[value="Europe/Amsterdam"]')
    assert option.get_text(strip=True) == "Niederlande (Ortszeit) · Europe/Amsterdam"
