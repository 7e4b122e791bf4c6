"""Hostile input on every public route (hypothesis): never a 5xx, and anything reflected escaped."""

from urllib.parse import quote, urlencode

from django.conf import settings

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.security.helpers import small_site, standard_page

pytestmark = pytest.mark.django_db


EVIL = '<x-evil a="1">'
LANGUAGES = [code for code, _name in settings.LANGUAGES]
# The routes of the small site (``site`` below) in English, and some in Dutch and Hebrew.
ROUTES = [
    "",
    "news/",
    "news/feed/",
    "news/category/vigils/feed/",
    "news/a-vigil-for-the-prisoners/",
    "events/",
    "events/ics/",
    "events/vigil-on-the-square/",
    "events/vigil-on-the-square/ics/",
    "films/",
    "films/witnesses/",
    "search/",
    "about/",
    "nl-news/",
    "nl-news/category/vigils/feed/",
    "nl-events/nl-vigil-on-the-square/",
    "he-films/",
    "he-news/he-a-vigil-for-the-prisoners/",
]
PARAMETERS = [
    "page",
    "q",
    "category",
    "tag",
    "year",
    "kind",
    "country",
    "city",
    "month",
    "when",
    "untranslated",
    "next",
]

hostile_text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        [
            EVIL,
            "-1",
            "0",
            "99999999999999999999",
            "1e9",
            "2026-13",
            "0000-00",
            "../../etc/passwd",
            "%00",
            "' OR 1=1 --",
            "\u202e\u05d0",
            "迫害" * 40,
            "x" * 5000,
            "past",
            "javascript:alert(1)",
            "²",
            "¹²³⁴",
            "٢٠٢٦",
        ]
    ),
    st.text(max_size=20).map(lambda text: text + EVIL),
)

fuzz = hypothesis_settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def check(response):
    assert response.status_code < 500, response.status_code
    if response.get("Content-Type", "").startswith(("text/html", "application/rss", "text/xml")):
        assert EVIL not in response.content.decode(errors="replace")


@pytest.fixture
def site(client):
    """News, events and films with an item each in English, Dutch and Hebrew, and an English
    page: every route of ROUTES is a real page in its own language (a Dutch or Hebrew route
    starts with its language's code)."""
    small_site("nl", "he")
    standard_page(title="About us", slug="about")
    for route in ROUTES:
        language = route.split("-")[0] if route.startswith(("nl-", "he-")) else "en"
        assert client.get(f"/{language}/{route}").status_code == 200, route


@fuzz
@given(
    language=st.one_of(st.sampled_from(LANGUAGES), hostile_text),
    route=st.sampled_from(ROUTES),
    params=st.dictionaries(st.sampled_from(PARAMETERS), hostile_text, max_size=4),
)
def test_public_routes_survive_hostile_query_strings(site, client, language, route, params):
    path = f"/{quote(language, safe='')}/{route}"
    check(client.get(path + ("?" + urlencode(params) if params else "")))


@pytest.mark.parametrize("value", ["²", "¹²³⁴", "٢٠٢٦", "２０２６"])
@pytest.mark.parametrize("parameter", ["page", "year", "untranslated"])
def test_digits_of_other_kinds_are_junk_not_an_error(site, client, parameter, value):
    """Superscript digits pass str.isdigit() but not int(): they must be refused as junk."""
    for path in ("/en/", "/en/news/", "/nl/nieuws/"):
        check(client.get(path, {parameter: value}))


@fuzz
@given(segments=st.lists(hostile_text, min_size=1, max_size=4), language=st.sampled_from(LANGUAGES))
def test_any_path_is_an_answer_not_an_error(site, client, segments, language):
    path = "/" + "/".join(quote(segment, safe="") for segment in [language, *segments]) + "/"
    check(client.get(path))
    check(client.get(path.rstrip("/")))


@fuzz
@given(header=hostile_text, cookie=hostile_text)
def test_language_headers_and_cookies_cannot_break_the_front_door(client, header, cookie):
    # What can travel in an HTTP header: latin-1 text on one line.
    def header_safe(text):
        return (
            text.encode("latin-1", "ignore").decode("latin-1").replace("\n", " ").replace("\r", " ")
        )

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = header_safe(cookie)
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header_safe(header))
    assert response.status_code in (301, 302)
    assert response["Location"].startswith(tuple(f"/{code}/" for code in LANGUAGES))


@fuzz
@given(next_url=hostile_text, language=st.one_of(st.sampled_from(LANGUAGES), hostile_text))
def test_choosing_a_language_never_leaves_the_site(client, next_url, language):
    response = client.get(f"/language/{quote(language, safe='')}/", {"next": next_url})
    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert response["Location"].startswith("/") and not response["Location"].startswith("//")
