"""What the page cache keys on and what it never keeps, and what else must not leak (issue 14).

The page cache keys on the scheme, a normalised host, the path and only the query parameters
some page understands; searches, error answers and made-up sessions never get a shared copy.
Private documents are served only through Wagtail's view; relative times stay true on a page
served from the cache hours later.
"""

from datetime import datetime, timedelta
from importlib import import_module
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core.cache import caches
from django.test import Client
from django.utils import formats, timezone, translation

import pytest

from home.models import StandardPage
from tests.factories import NewsCategoryFactory, news_index
from tests.factories.content import about_page, english_post, indexed
from tests.project.utils import production_settings
from tests.utils import soup

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def about():
    """/en/about/, beside the English news (whose feed every page links)."""
    news_index()
    return about_page()


@pytest.fixture
def tagged_posts():
    """English posts in a category "persecution", one of them tagged "fujian"."""
    persecution = NewsCategoryFactory(name="Persecution", slug="persecution")
    english_post(categories=[persecution], tags=["fujian"])
    english_post(days_ago=1, title="Another", slug="another", categories=[persecution])


def test_junk_query_parameters_neither_fill_the_cache_nor_get_around_it(client, page_cache, about):
    # Defect: any query string made a new cache entry (?utm=1, ?utm=2, ... filled the cache).
    client.get("/en/about/")
    for number in range(20):
        response = client.get(f"/en/about/?utm_source={number}&fbclid=x{number}")
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "hit"
    assert len(page_cache.stored()) == 1


def test_filters_a_listing_understands_are_keyed_in_one_order(client, page_cache, tagged_posts):
    first = client.get("/en/news/?tag=fujian&category=persecution")
    assert first["X-Page-Cache"] == "miss"
    again = client.get("/en/news/?category=persecution&junk=1&tag=fujian")
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content
    assert client.get("/en/news/?category=persecution")["X-Page-Cache"] == "miss"


def test_a_parameter_the_page_does_not_understand_is_never_stored(client, page_cache, about):
    # ?year= means something on the news index only: on "About" it is junk, and each value
    # would otherwise be one more entry.
    for year in range(2000, 2010):
        assert "X-Page-Cache" not in client.get(f"/en/about/?year={year}")
    assert page_cache.stored() == []


def test_every_parameter_a_page_reads_is_declared_for_the_cache():
    # A view reading an undeclared parameter would be served the page made without it.
    import re

    from site_core.caching.page_cache import understood_parameters

    read = set()
    for folder in ("news", "events", "films", "home", "site_core"):
        for path in (ROOT / folder).rglob("*.py"):
            if "translation_workflow" in path.parts or "permissions" in path.name:
                continue  # the admin: never cached
            read |= set(re.findall(r"request\.GET\.get\(\s*[\"'](\w+)", path.read_text()))
    read -= {"q", "next"}  # search (never cached) and the language chooser (never cached)
    assert read <= understood_parameters(), read - understood_parameters()
    assert {"country", "city"} <= understood_parameters()


def test_host_spellings_share_one_entry_that_links_to_the_plain_host(client, page_cache, about):
    # Defect: "LOCALHOST.", "localhost:80" and "localhost" were three entries.
    url = "/en/about/"
    assert client.get(url, HTTP_HOST="localhost")["X-Page-Cache"] == "miss"
    assert client.get(url, HTTP_HOST="LocalHost.:80")["X-Page-Cache"] == "hit"
    assert client.get(url, HTTP_HOST="localhost.")["X-Page-Cache"] == "hit"
    caches["default"].clear()
    odd = client.get(url, HTTP_HOST="LocalHost.:80")
    feed = soup(odd).select_one('link[type="application/rss+xml"]')["href"]
    assert feed.startswith("http://localhost/en/news/feed/"), feed


def test_https_and_http_pages_are_kept_apart(client, page_cache, about):
    # Absolute links (canonical, hreflang, Open Graph) name the scheme.
    assert client.get("/en/about/")["X-Page-Cache"] == "miss"
    secure = client.get("/en/about/", secure=True)
    assert secure["X-Page-Cache"] == "miss"
    feed = soup(secure).select_one('link[type="application/rss+xml"]')["href"]
    assert feed.startswith("https://testserver/"), feed


def test_x_forwarded_proto_is_believed_only_behind_a_configured_proxy():
    # Defect: anyone could send "X-Forwarded-Proto: https" to a server without a proxy.
    assert production_settings("s.SECURE_PROXY_SSL_HEADER") == "None"
    assert production_settings("s.SECURE_PROXY_SSL_HEADER", PROXY_COUNT="1") == (
        "('HTTP_X_FORWARDED_PROTO', 'https')"
    )


def test_a_made_up_session_cookie_does_not_get_around_the_cache(client, page_cache, about):
    # Defect: any "sessionid" cookie made every request a full render.
    client.get("/en/about/")
    client.cookies[settings.SESSION_COOKIE_NAME] = "made-up-session-key"
    assert client.get("/en/about/")["X-Page-Cache"] == "hit"


def test_real_sessions_are_never_served_or_stored_by_the_cache(
    client, page_cache, django_user_model, about
):
    client.get("/en/about/")
    user = django_user_model.objects.create_user("cache-reader", "c@example.org", "x" * 16)
    client.force_login(user)
    assert "X-Page-Cache" not in client.get("/en/about/")
    # An anonymous session holding something (a page password passed): fresh, never shared.
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session["wagtail-private-page-passwords"] = [1]
    session.create()
    reader = Client()
    reader.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    assert "X-Page-Cache" not in reader.get("/en/about/")


# --- Searches and cache headers ---------------------------------------------------------------


def test_searches_are_never_kept(client, page_cache):
    # Defect: a search's results page was stored: "X-Page-Cache: hit" (and a quicker answer)
    # told a later reader what someone had searched for.
    found = indexed(english_post(title="A vigil in Utrecht", slug="a-vigil"))
    for _ in range(2):
        response = client.get("/en/search/?q=vigil")
        assert response.status_code == 200
        assert [a["href"] for a in soup(response).select(".search-results h2 a")] == [found.url]
        assert "X-Page-Cache" not in response
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert page_cache.stored() == []
    assert not [key for key in caches["default"]._cache if ":search:" in key]


def test_the_page_cache_header_is_for_the_tests_only(client, page_cache, settings, about):
    # Defect: "X-Page-Cache: hit" told anybody which addresses others had just read.
    settings.PAGE_CACHE_HEADER = False
    for _ in range(2):
        assert "X-Page-Cache" not in client.get("/en/about/")
    assert production_settings("s.PAGE_CACHE_HEADER") == "False"


def test_error_answers_are_never_kept(client, about):
    # Defect: 404/500 answers said nothing, so a browser or CDN could keep them (a 404 becomes
    # a page at the next publish, and is worded in each reader's language).
    assert client.get("/en/no-such-page/")["Cache-Control"] == "no-store"
    crashing = Client(raise_request_exception=False)
    with mock.patch.object(StandardPage, "serve", side_effect=RuntimeError("boom")):
        response = crashing.get("/en/about/")
    assert response.status_code == 500
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("url", ["/en/", "/static/js/site.js", "/sitemap.xml"])
def test_nothing_of_the_site_may_be_embedded_by_another_site(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_the_language_cookie_is_http_only_and_no_script_reads_cookies(client):
    response = client.get("/language/nl/?next=/nl/")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME]["httponly"] is True
    for script in (ROOT / "site_core" / "static" / "js").glob("*.js"):
        assert "document.cookie" not in script.read_text(), script


# --- Relative times ---------------------------------------------------------------------------


def test_a_cached_page_says_nothing_that_is_false_hours_later(client, page_cache):
    # Defect: "27 seconds ago" was rendered into the page and served from the cache for hours.
    english_post(days_ago=2, title="Earlier", slug="earlier")
    english_post(title="Just in", slug="just-in", summary="Fresh.", date=timezone.now())
    made = client.get("/en/")
    later = timezone.now() + timedelta(hours=3)
    with mock.patch("django.utils.timezone.now", return_value=later):
        served = client.get("/en/")
    assert served["X-Page-Cache"] == "hit" and served.content == made.content
    html = soup(served)
    times = html.select("time[data-relative-for]")
    assert len(times) == 2
    with translation.override("en"):
        for element in times:
            moment = datetime.fromisoformat(element["datetime"])
            assert element.get_text() == formats.date_format(moment, "DATE_FORMAT")
    assert "seconds ago" not in html.get_text() and "minutes ago" not in html.get_text()


def test_relative_times_are_words_of_the_reader_language_in_site_js():
    script = (ROOT / "site_core" / "static" / "js" / "site.js").read_text()
    assert "Intl.RelativeTimeFormat(document.documentElement.lang" in script
    assert "setInterval(showRelativeTimes" in script
