"""The account page: every admin language Wagtail ships (Hebrew right to left), and a time zone
every role can save (the browser refused the system's "localtime", which the page offered)."""

import gettext
from pathlib import Path

from django.conf import settings
from django.utils.translation import get_language_info, to_locale

import wagtail
from wagtail.users.models import UserProfile

import pytest

from tests.factories import administrator, editor, reviewer, translator
from tests.utils import soup

pytestmark = pytest.mark.django_db

ACCOUNT = "/admin/account/"
# What a browser refuses (Intl.DateTimeFormat: "Invalid time zone specified: localtime").
NOT_TIME_ZONES = {"localtime", "Factory", "posixrules"}


def account_form(user, **changes):
    """The account page's form as its owner would send it back."""
    return {
        "name_email-first_name": "Sam",
        "name_email-last_name": "Person",
        "name_email-email": user.email,
        "locale-preferred_language": "",
        "locale-current_time_zone": "",
        "theme-theme": "system",
        "theme-density": "default",
        "theme-contrast": "system",
        "theme-keyboard_shortcuts": "on",
    } | {f"locale-{name}": value for name, value in changes.items()}


def options(page, name):
    select = soup(page).find("select", attrs={"name": name})
    return {option["value"]: option.text.strip() for option in select.find_all("option")}


def test_every_language_wagtail_ships_is_offered_and_reaches_its_catalog():
    offered = [code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES]
    reached = {
        directory
        for code in offered
        for directory in gettext._expand_lang(to_locale(code))  # the catalogs Django loads
    }
    shipped = {path.name for path in (Path(wagtail.__file__).parent / "locale").iterdir()}
    assert shipped <= reached
    for code in offered:  # the account page names each language in that language
        assert get_language_info(code)["name_local"]


def test_a_translator_switches_the_admin_to_hebrew_and_it_reads_right_to_left(client):
    person = translator("he")
    client.force_login(person)
    page = client.get(ACCOUNT)
    assert page.status_code == 200
    languages = options(page, "locale-preferred_language")
    assert languages["he"] == "עברית"
    assert {"nl", "de", "fr", "es", "zh-hans", "zh-hant", "ar", "ja"} <= set(languages)
    saved = client.post(ACCOUNT, account_form(person, preferred_language="he"))
    assert saved.status_code == 302
    assert UserProfile.get_for_user(person).preferred_language == "he"
    dashboard = client.get("/admin/")
    html = soup(dashboard).html
    assert (html["lang"], html["dir"]) == ("he", "rtl")
    assert "לוח מחוונים" in dashboard.content.decode()  # "Dashboard", from Wagtail's he_IL


@pytest.mark.parametrize(
    "role",
    [
        lambda: translator("nl"),
        lambda: reviewer("nl"),
        lambda: editor(),
        lambda: administrator(),
    ],
    ids=["translator", "reviewer", "editor", "administrator"],
)
def test_every_role_saves_a_time_zone_the_browser_knows(client, role):
    person = role()
    client.force_login(person)
    page = client.get(ACCOUNT)
    assert page.status_code == 200
    zones = set(options(page, "locale-current_time_zone")) - {""}
    assert "Europe/Amsterdam" in zones and "Asia/Jerusalem" in zones
    assert not zones & NOT_TIME_ZONES
    saved = client.post(ACCOUNT, account_form(person, current_time_zone="Europe/Amsterdam"))
    assert saved.status_code == 302
    assert UserProfile.get_for_user(person).current_time_zone == "Europe/Amsterdam"
    assert client.get("/admin/").status_code == 200
    refused = client.post(ACCOUNT, account_form(person, current_time_zone="localtime"))
    assert refused.status_code == 200  # the form again, with the error
    assert UserProfile.get_for_user(person).current_time_zone == "Europe/Amsterdam"
