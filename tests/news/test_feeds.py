"""News feeds, and what readers must never see: drafts, private and scheduled posts."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import PageViewRestriction

import feedparser
import pytest

from tests.factories import news_index, publish_post
from tests.news.helpers import category, live_posts, translated_category
from tests.utils import soup

pytestmark = [pytest.mark.django_db]

# Every language of the site; those in POSTED have posts of their own in the test below.
LANGUAGES = ["nl", "de", "fr", "es", "zh-hans", "zh-hant", "he", "en"]
POSTED = ["en", "nl", "zh-hans", "he"]


# --- Feeds -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_a_feed_that_parses(client, language):
    english = live_posts(news_index(), 2)  # not translated: after each language's own posts
    index = news_index(language)
    own = []
    if language in POSTED:
        own = english if language == "en" else live_posts(index, 2)
    posts = english if language == "en" else [*own, *english]
    response = client.get(index.url + "feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    assert feed.feed.language.lower() == language
    # Each post's address on the site (its hostname, whatever host the feed was asked at).
    assert [entry.link for entry in feed.entries] == [post.full_url for post in posts]
    for entry in feed.entries:
        assert entry.id.startswith("urn:uuid:")
        assert entry.published_parsed and entry.summary
    # English posts in another language's feed say so (Dublin Core); the feed's own do not.
    english_links = {post.full_url for post in english}
    assert [entry.get("language") for entry in feed.entries] == [
        "en" if entry.link in english_links and language != "en" else None for entry in feed.entries
    ]


def test_category_feed_carries_only_that_category(client):
    persecution = category("Persecution", "persecution")
    activism = category("Worldwide activism", "activism")
    translated_category(persecution, "he", "רדיפה")
    hebrew = news_index("he")
    now = timezone.now()
    for number in range(3):
        publish_post(hebrew, date=now - timedelta(hours=number), categories=[persecution])
    publish_post(hebrew, date=now, categories=[activism])
    feed = feedparser.parse(client.get(f"{hebrew.url}category/persecution/feed/").content)
    assert not feed.bozo
    assert len(feed.entries) == 3
    assert all(entry.tags[0].term == "רדיפה" for entry in feed.entries)
    assert client.get(f"{hebrew.url}category/no-such-category/feed/").status_code == 404


def test_feed_ids_stay_the_same_when_a_post_changes(client):
    def ids():
        return [e.id for e in feedparser.parse(client.get("/en/news/feed/").content).entries]

    index = news_index()
    publish_post(index, date=timezone.now() - timedelta(hours=2))
    post = publish_post(
        index, title="Lawyers defend practitioners", slug="lawyers-defend-practitioners"
    )
    before = ids()
    assert len(before) == 2
    post.title = "Lawyers defending practitioners"
    post.slug = "lawyers-defending-practitioners"
    post.save_revision().publish()
    assert "defending" in client.get("/en/news/feed/").content.decode()
    assert ids() == before


@pytest.mark.parametrize("page", ["home", "listing", "post"])
def test_pages_advertise_their_languages_feed(client, page):
    dutch = news_index("nl")
    post = publish_post(dutch)
    url = {"home": "/nl/", "listing": dutch.url, "post": post.url}[page]
    link = soup(client.get(url)).find("link", type="application/rss+xml")
    assert link["href"] == f"http://testserver{dutch.url}feed/"


# --- What readers must never see --------------------------------------------------------


def test_drafts_and_private_posts_stay_out_of_listings_feeds_and_home(client):
    index = news_index()
    activism = category("Worldwide activism", "activism")
    publish_post(index, title="Public post", date=timezone.now(), categories=[activism])
    draft = publish_post(index, title="Draft marker post", categories=[activism])
    draft.unpublish()
    private = publish_post(index, title="Private marker post", categories=[activism])
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    for url in ["/en/", "/en/news/", "/en/news/feed/", "/en/news/category/activism/feed/"]:
        body = client.get(url).content.decode()
        assert "Public post" in body, url
        assert "marker post" not in body, url


def test_scheduled_post_goes_live_with_publish_scheduled(client):
    post = publish_post(news_index(), title="Scheduled marker post", date=timezone.now())
    post.unpublish()
    revision = post.save_revision(approved_go_live_at=timezone.now() + timedelta(hours=1))
    post.refresh_from_db()
    assert not post.live
    call_command("publish_scheduled", verbosity=0)
    assert "Scheduled marker post" not in client.get("/en/news/").content.decode()
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save()
    call_command("publish_scheduled", verbosity=0)
    post.refresh_from_db()
    assert post.live
    assert "Scheduled marker post" in client.get("/en/news/").content.decode()
