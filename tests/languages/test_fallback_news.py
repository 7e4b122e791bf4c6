"""A language's news listing, feeds and home page add the English posts it has not translated
yet (site_core.languages.fallback), marked with their language, as its setting says."""

from datetime import timedelta

from django.utils import timezone

from wagtail.models import PageViewRestriction

import feedparser
import pytest

from site_core.languages.models import FallbackMode, ListingFallback
from tests.factories import news_index, publish_post, translate
from tests.news.helpers import card_titles, category, live_posts, translated_category
from tests.utils import html_errors, locale, soup

pytestmark = pytest.mark.django_db


def setting(code, mode, fill_to=10):
    ListingFallback.objects.update_or_create(
        locale=locale(code), defaults={"mode": mode, "fill_to": fill_to}
    )


def titles(client, url):
    return card_titles(client.get(url))


def test_german_listing_shows_its_own_posts_then_untranslated_english_ones_marked(client):
    english = live_posts(news_index(), 3, title="English report")
    translate(english[0], "de")  # live in German: listed once, in German
    german = news_index("de")
    own = live_posts(german, 1, title="Deutscher Bericht")
    response = client.get(german.url)
    assert html_errors(response) == []
    cards = soup(response).select(".post-card")
    assert [card.h3.get_text() for card in cards] == [
        own[0].title,
        "[de] English report",
        "English report",
        "English report",
    ]
    for card, post in zip(cards[2:], english[1:], strict=True):
        assert card.h3["lang"] == "en" and card.h3["dir"] == "ltr"
        assert card.select_one(".post-card__summary")["lang"] == "en"
        assert card.h3.a["href"] == post.url and card.h3.a["hreflang"] == "en"
        # In the reader's language, in words (not colour alone): "Auf Englisch: …"
        assert "Englisch" in card.select_one(".language-label").get_text()
    assert not cards[1].select(".language-label") and not cards[1].h3.has_attr("lang")


def test_english_items_in_a_hebrew_page_are_left_to_right(client):
    live_posts(news_index(), 1)
    page = soup(client.get(news_index("he").url))
    assert page.html["dir"] == "rtl"
    card = page.select_one(".post-card")
    assert card.h3["lang"] == "en" and card.h3["dir"] == "ltr"
    assert not card.select_one(".language-label").has_attr("lang")  # the reader's language


def test_fill_up_adds_english_posts_until_the_first_page_holds_that_many(client):
    live_posts(news_index(), 6, title="English report")
    german = news_index("de")
    live_posts(german, 2, title="Deutscher Bericht")
    setting("de", FallbackMode.FILL, fill_to=5)
    assert titles(client, german.url) == ["Deutscher Bericht"] * 2 + ["English report"] * 3
    setting("de", FallbackMode.FILL, fill_to=2)  # a new cache generation: the page changes
    assert titles(client, german.url) == ["Deutscher Bericht"] * 2


def test_always_lists_every_untranslated_english_post_after_the_own_ones(client):
    live_posts(news_index(), 12, title="English report")
    german = news_index("de")
    live_posts(german, 2, title="Deutscher Bericht")
    setting("de", FallbackMode.ALWAYS)
    first, second = titles(client, german.url), titles(client, german.url + "?page=2")
    assert first == ["Deutscher Bericht"] * 2 + ["English report"] * 8
    assert second == ["English report"] * 4
    assert client.get(german.url + "?page=3").status_code == 404


def test_off_shows_only_the_languages_own_posts(client):
    live_posts(news_index(), 3)
    german = news_index("de")
    setting("de", FallbackMode.OFF)
    page = soup(client.get(german.url))
    assert page.select(".post-card") == [] and page.select_one(".empty-state")
    feed = feedparser.parse(client.get(german.url + "feed/").content)
    assert feed.entries == []


def test_english_listing_never_adds_anything(client):
    live_posts(news_index(), 2, title="English report")
    setting("en", FallbackMode.ALWAYS)
    assert not soup(client.get(news_index().url)).select(".language-label")


def test_drafts_private_posts_and_other_sections_never_fill_a_listing(client):
    index = news_index()
    publish_post(index, title="Public post", date=timezone.now())
    publish_post(index, title="Draft marker post").unpublish()
    private = publish_post(index, title="Private marker post")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    translate(publish_post(index, title="Translated marker post"), "de", publish=False)
    for url in ["/de/", news_index("de").url, news_index("de").url + "feed/"]:
        body = client.get(url).content.decode()
        assert "Public post" in body, url
        assert "Private marker" not in body and "Draft marker" not in body, url
    # A draft translation is not a live one: the English post is still shown.
    assert "Translated marker post" in client.get(news_index("de").url).content.decode()


def test_publishing_an_english_post_updates_the_german_listing_and_feed(client):
    german = news_index("de")
    live_posts(news_index(), 1, title="Older report")
    assert titles(client, german.url) == ["Older report"]
    client.get(german.url + "feed/")  # remembered too
    publish_post(news_index(), title="Breaking report", date=timezone.now())
    assert titles(client, german.url) == ["Breaking report", "Older report"]
    feed = feedparser.parse(client.get(german.url + "feed/").content)
    assert [entry.title for entry in feed.entries] == ["Breaking report", "Older report"]


def test_feed_marks_english_entries_with_their_language_and_english_link(client):
    english = live_posts(news_index(), 2)
    german = news_index("de")
    own = live_posts(german, 1)
    feed = feedparser.parse(client.get(german.url + "feed/").content)
    assert not feed.bozo and feed.feed.language == "de"
    assert [(e.link, e.get("language")) for e in feed.entries] == [
        (own[0].full_url, None),
        *((post.full_url, "en") for post in english),
    ]


# --- Filters ----------------------------------------------------------------------------


@pytest.fixture
def filed():
    """An English persecution post (tagged fujian, last year) and an activism post; the
    categories translated into German with German slugs."""
    persecution = category("Persecution", "persecution")
    activism = category("Activism", "activism")
    german = translated_category(persecution, "de", "Verfolgung")
    german.slug = "verfolgung"  # a German slug (an editor may override the synchronised one)
    german.save_revision().publish()
    translated_category(activism, "de", "Aktivismus")
    index = news_index()
    last_year = timezone.now() - timedelta(days=400)
    publish_post(index, title="Old persecution", categories=[persecution], tags=["fujian"])
    publish_post(index, title="Arrest report", date=last_year, categories=[persecution])
    publish_post(index, title="Activism report", categories=[activism])
    return news_index("de")


def test_category_filter_applies_to_english_posts_through_the_translation_key(client, filed):
    assert titles(client, filed.url + "?category=verfolgung") == [
        "Old persecution",
        "Arrest report",
    ]
    assert titles(client, filed.url + "?category=verfolgung&tag=fujian") == ["Old persecution"]
    year = str((timezone.now() - timedelta(days=400)).year)
    assert titles(client, f"{filed.url}?category=verfolgung&year={year}") == ["Arrest report"]
    feed = client.get(filed.url + "category/verfolgung/feed/").content
    assert [e.title for e in feedparser.parse(feed).entries] == [
        "Old persecution",
        "Arrest report",
    ]


@pytest.mark.parametrize(
    "query", ["?category=nothing", "?year=abcd", "?year=99999", "?tag=%00", "?tag=nothing"]
)
def test_filters_naming_nothing_show_no_english_posts_and_never_fail(client, filed, query):
    response = client.get(filed.url + query)
    assert response.status_code == 200
    assert card_titles(response) == []


def test_page_cache_serves_the_german_listing_until_an_english_post_or_the_setting_changes(
    client, settings
):
    settings.PAGE_CACHE_ENABLED = True
    german = news_index("de")
    live_posts(news_index(), 1, title="Older report")
    assert titles(client, german.url) == ["Older report"]
    assert client.get(german.url)["X-Page-Cache"] == "hit"
    publish_post(news_index(), title="Breaking report", date=timezone.now())
    response = client.get(german.url)
    assert response["X-Page-Cache"] == "miss"
    assert card_titles(response) == ["Breaking report", "Older report"]
    setting("de", FallbackMode.OFF)
    assert titles(client, german.url) == []
