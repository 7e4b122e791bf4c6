"""The full-page cache: a hit does no SQL, and no reader ever sees a page from before a change."""

from datetime import date, timedelta

from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache

import pytest

from site_core.caching.invalidation import watched_apps
from tests.factories import (
    EventOccurrenceFactory,
    FooterFactory,
    NewsCategoryFactory,
    event_index,
    home,
    news_index,
    publish_event,
    translate,
)
from tests.factories.content import about_page, english_only_page, english_post, translated_post
from tests.factories.images import LargeImageFactory as ImageFactory
from tests.utils import locale, soup

pytestmark = pytest.mark.django_db


class BrokenCache(LocMemCache):
    """A cache server that is down."""

    def get(self, *args, **kwargs):
        raise ConnectionError("cache down")

    def set(self, *args, **kwargs):
        raise ConnectionError("cache down")

    add = incr = set


def post():
    return english_post()


def past_hebrew_events():
    index = event_index("he")
    publish_event(
        index,
        title="[he] A past vigil",
        occurrences=[
            EventOccurrenceFactory.build(
                start_date=date.today() - timedelta(days=30),
                end_date=date.today() - timedelta(days=30),
            )
        ],
    )
    return index.url + "?when=past"


PUBLIC_PAGES = {
    "home": lambda: "/en/",
    "dutch news": lambda: news_index("nl").url,
    "hebrew past events": past_hebrew_events,
    "sitemap": lambda: "/sitemap.xml",
}


def test_second_request_is_a_hit_without_sql(client, page_cache, django_assert_num_queries):
    url = post().url
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    assert first["Cache-Control"] == "public, max-age=0, must-revalidate"
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Language"] == first["Content-Language"]


@pytest.mark.parametrize("kind", PUBLIC_PAGES)
def test_every_public_kind_of_page_is_cached(client, page_cache, kind):
    url = PUBLIC_PAGES[kind]()
    assert client.get(url).status_code == 200
    client.get(url)
    assert client.get(url).get("X-Page-Cache") == "hit"


def test_publishing_shows_at_once_in_every_language(client, page_cache):
    english = translated_post("nl")
    dutch = english.get_translation(locale("nl")).specific
    for url in [english.url, dutch.url, "/en/", "/nl/", "/en/news/feed/"]:
        client.get(url)
    english.title = "A corrected English title"
    english.save_revision().publish()
    dutch.title = "Een verbeterde Nederlandse titel"
    dutch.save_revision().publish()
    assert "A corrected English title" in client.get(english.url).content.decode()
    assert "A corrected English title" in client.get("/en/").content.decode()
    assert "A corrected English title" in client.get("/en/news/feed/").content.decode()
    assert "Een verbeterde Nederlandse titel" in client.get("/nl/").content.decode()


def test_unpublishing_moving_and_deleting_take_effect_at_once(client, page_cache):
    english = post()
    url = english.url
    assert client.get(url).status_code == 200
    english.unpublish()
    assert client.get(url).status_code == 404
    english.save_revision().publish()
    assert client.get(url).status_code == 200
    english.slug = "moved-elsewhere"
    english.save_revision().publish()
    assert client.get(url).status_code == 404
    english.delete()
    assert client.get("/en/news/moved-elsewhere/").status_code == 404


def test_saving_a_draft_does_not_change_what_readers_see(client, page_cache):
    english = post()
    client.get(english.url)
    english.title = "Draft title nobody may see"
    english.save_revision()
    assert "Draft title nobody may see" not in client.get(english.url).content.decode()


def test_snippet_changes_show_everywhere_at_once(client, page_cache):
    footer = translate(FooterFactory(), "nl")
    category = translate(NewsCategoryFactory(), "nl")
    dutch_news = news_index("nl").url
    client.get("/nl/")
    client.get(dutch_news)
    assert footer.contact_email in client.get("/nl/").content.decode()
    assert category.name in client.get(dutch_news).content.decode()
    footer.contact_email = "nieuw-adres@example.org"
    footer.save_revision().publish()
    assert "nieuw-adres@example.org" in client.get("/nl/").content.decode()
    category.name = "Hernoemde rubriek"
    category.save_revision().publish()
    assert "Hernoemde rubriek" in client.get(dutch_news).content.decode()


def test_logged_in_people_and_sessions_bypass_the_cache(client, page_cache, django_user_model):
    url = post().url
    client.get(url)
    user = django_user_model.objects.create_user("reader", "r@example.org", "x" * 16)
    client.force_login(user)
    assert "X-Page-Cache" not in client.get(url)
    # (A made-up session cookie is no session: tests/caching/test_cache_keys.py.)


def test_what_must_not_be_shared_is_not_stored(client, page_cache):
    assert "X-Page-Cache" not in client.get("/")  # the per-reader language redirect
    client.get("/en/no-such-page/")
    assert client.get("/en/no-such-page/").get("X-Page-Cache") is None
    assert "X-Page-Cache" not in client.get("/language/nl/")
    assert "X-Page-Cache" not in client.post(post().url)
    assert "X-Page-Cache" not in client.get("/admin/login/")


def test_untranslated_notice_and_query_strings_are_cached_separately(client, page_cache):
    english_only = english_only_page()
    dutch_post = translated_post("nl")
    client.get("/nl/")
    # The switcher's link for a page not translated into Dutch (a post is: ?untranslated= with
    # its id is a value no link gives, answered but never stored,
    # tests/caching/test_filter_cache.py).
    with_notice = client.get(f"/nl/?untranslated={english_only.pk}")
    assert with_notice.get("X-Page-Cache") == "miss"
    assert soup(with_notice).select_one(".untranslated-notice") is not None
    assert client.get(f"/nl/?untranslated={english_only.pk}").get("X-Page-Cache") == "hit"
    assert client.get(f"/nl/?untranslated={dutch_post.pk}").get("X-Page-Cache") is None


def test_pages_are_still_served_when_the_cache_is_down(client, settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.CACHES = {
        **settings.CACHES,
        "broken": {"BACKEND": "tests.caching.test_page_cache.BrokenCache"},
    }
    settings.PAGE_CACHE_ALIAS = "broken"
    url = post().url
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert soup(response).h1


def test_page_cache_is_off_in_development_and_on_in_production():
    import secrets

    from site_core.settings import base
    from tests.project.utils import run_manage

    assert base.PAGE_CACHE_ENABLED is False

    def production(**env):
        result = run_manage(
            "shell",
            "-c",
            "from django.conf import settings as s; "
            "print(s.PAGE_CACHE_ENABLED, s.CACHES['default']['BACKEND'])",
            env_overrides={
                "DJANGO_SETTINGS_MODULE": "site_core.settings.production",
                "SECRET_KEY": secrets.token_urlsafe(64),
                "REDIS_URL": "",
                **env,
            },
        )
        return result.stdout.strip().splitlines()[-1]

    assert production() == "True django.core.cache.backends.filebased.FileBasedCache"
    assert production(PAGE_CACHE="false").startswith("False")
    assert production(REDIS_URL="redis://127.0.0.1:6379/0") == (
        "True django.core.cache.backends.redis.RedisCache"
    )


def test_fragments_are_rebuilt_after_a_change(client):
    """Menu, footer and switcher come from the fragment cache until content changes."""
    about = about_page("nl").get_translation(locale("nl")).specific
    assert about.title in [a.get_text() for a in soup(client.get("/nl/")).select(".main-nav a")]
    about.title = "Over ons"
    about.save_revision().publish()
    html = soup(client.get("/nl/"))
    assert "Over ons" in [a.get_text() for a in html.select(".main-nav a")]
    about.unpublish()
    html = soup(client.get("/nl/"))
    assert "Over ons" not in [a.get_text() for a in html.select(".main-nav a")]


def test_publishing_generates_the_renditions_before_any_reader_asks(
    settings, django_capture_on_commit_callbacks
):
    from wagtail.images.models import Rendition

    settings.WARM_PAGES_ON_PUBLISH = True
    image = ImageFactory()
    english = post()
    english.hero_image = image
    Rendition.objects.filter(image=image).delete()
    with django_capture_on_commit_callbacks(execute=True):
        english.save_revision().publish()
    specs = set(Rendition.objects.filter(image=image).values_list("filter_spec", flat=True))
    expected = {
        f"format-{kind}|{size}"
        for kind in ("webp", "jpeg")
        # the post's picture, and its card in the news index
        for size in ("width-480", "width-800", "width-1200", "fill-320x180", "fill-640x360")
    }
    assert expected <= specs, expected - specs
    assert "fill-1200x630|format-jpeg" in specs  # its Open Graph image


def test_pages_carry_responsive_pictures_with_fallback_and_dimensions(client):
    image = ImageFactory()
    english_home = home()
    english_home.hero_image = image
    english_home.save_revision().publish()
    english_post(hero_image=image)
    english_post(days_ago=1, title="An older report", slug="an-older-report", hero_image=image)
    html = soup(client.get("/en/"))
    picture = html.select_one("picture")
    assert picture.select_one('source[type="image/webp"]')["srcset"].count("w,") >= 1
    img = picture.select_one("img")
    assert img["width"] and img["height"] and img["src"].endswith(".jpg")
    listing = soup(client.get("/en/news/"))
    assert len(listing.select(".post-card img")) == 2
    for img in listing.select(".post-card img"):
        assert img["loading"] == "lazy" and img["width"] and img["height"]


def test_an_emptied_cache_never_brings_back_an_old_fragment():
    """Processes keep fragments they have read, by generation: after the shared cache is emptied
    (a Redis restart), the new generation must be one no earlier fragment was stored under."""
    from site_core.caching import page_cache

    before = page_cache.generation()
    assert page_cache.remember("probe", lambda: "old") == "old"
    caches["default"].clear()
    assert page_cache.generation() != before
    assert page_cache.remember("probe", lambda: "new") == "new"
    page_cache.new_generation()
    assert page_cache.remember("probe", lambda: "newer") == "newer"
    assert page_cache.remember("probe", lambda: "not rebuilt") == "newer"


def test_every_app_with_pages_or_snippets_starts_a_new_generation_when_it_changes():
    """The apps that invalidate the cache are found in Wagtail's registries, not listed."""
    assert watched_apps() == {
        "wagtailcore",
        "wagtailimages",
        "wagtaildocs",
        "wagtailredirects",
        "taggit",
        "site_core",
        "home",
        "news",
        "events",
        "films",
    }
