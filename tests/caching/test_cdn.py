"""The CDN in front of the site: pages say how long it may keep them, and a publish purges what
shows the page (site_core/caching/cdn.py)."""

from unittest import mock

import pytest

from home.models import HomePage
from site_core.caching import cdn as cdn_module
from tests.factories import home, news_index
from tests.factories.content import about_page, translated_post
from tests.utils import locale

pytestmark = pytest.mark.django_db


def dutch_post():
    """A post in the Dutch news, beside the English post and an English page it must not purge."""
    about_page()
    return translated_post("nl").get_translation(locale("nl")).specific


class RecordingBackend:
    """A CDN that remembers what it was asked to purge."""

    purged = []

    def __init__(self, params):
        self.params = params

    def purge(self, url):
        self.purged.append(url)

    def purge_batch(self, urls):
        self.purged.extend(urls)

    def invalidates_hostname(self, hostname):
        return True


@pytest.fixture
def cdn(settings, page_cache):
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": "tests.caching.test_cdn.RecordingBackend"}}
    settings.CDN_MAX_AGE = 60
    RecordingBackend.purged = []
    return RecordingBackend.purged


def test_a_cdn_may_keep_pages_a_minute_and_is_purged_on_publish(client, cdn):
    dutch = dutch_post()
    response = client.get("/nl/")
    assert response["Cache-Control"] == "public, max-age=0, must-revalidate, s-maxage=60"

    cdn.clear()
    dutch.title = "Nieuwe titel"
    dutch.save_revision().publish()
    base = "http://localhost"
    expected = {
        base + dutch.url,
        base + news_index("nl").url,
        base + news_index("nl").url + "feed/",
        base + home("nl").url,
        base + "/sitemap.xml",
    }
    assert expected <= {url.replace("testserver", "localhost") for url in cdn}
    # Only what shows the Dutch post (Wagtail repeats each address under every language prefix).
    assert not any("/news/" in url or "/about" in url for url in cdn), cdn

    cdn.clear()
    dutch.unpublish()
    assert base + news_index("nl").url in {url.replace("testserver", "localhost") for url in cdn}


def test_without_a_cdn_pages_are_not_kept_downstream(client, page_cache):
    assert "s-maxage" not in client.get("/nl/")["Cache-Control"]


def test_the_cdn_purges_every_path_a_page_type_names_for_its_cache():
    """Extra addresses (a section's feed) come from Wagtail's ``get_cached_paths()``."""
    dutch = dutch_post()
    with mock.patch.object(HomePage, "get_cached_paths", return_value=["/", "/extra/"]):
        urls = {url.replace("testserver", "localhost") for url in cdn_module.urls_showing(dutch)}
    assert {"http://localhost/nl/", "http://localhost/nl/extra/"} <= urls
    assert "http://localhost" + news_index("nl").url in urls
    assert not any(url.endswith("/extra/") and "/nl/extra/" not in url for url in urls)


def test_an_english_publish_purges_the_sections_and_homes_of_every_language(client, cdn):
    """Other languages list English posts they have not translated yet (fill up to ten):
    publishing or unpublishing one purges their listings and homes too."""
    dutch = dutch_post()
    english = dutch.get_translation(locale("en")).specific
    cdn.clear()
    english.title = "A new title"
    english.save_revision().publish()
    purged = {url.replace("testserver", "localhost") for url in cdn}
    base = "http://localhost"
    for code in ("en", "nl"):
        assert base + news_index(code).url in purged, code
        assert base + news_index(code).url + "feed/" in purged, code
        assert base + home(code).url in purged, code


def test_changing_a_languages_listing_setting_purges_its_home_and_sections(cdn):
    from site_core.languages.models import ListingFallback

    dutch_post()
    cdn.clear()
    ListingFallback.objects.create(locale=locale("nl"), mode="off")
    purged = {url.replace("testserver", "localhost") for url in cdn}
    base = "http://localhost"
    assert {base + news_index("nl").url, base + home("nl").url} <= purged
    # (Wagtail repeats each address under every language prefix: /en/nl-news/ is Dutch's.)
    assert base + news_index("en").url not in purged, purged
