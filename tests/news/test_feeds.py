"""News feeds, and what readers must never see: drafts, private and scheduled posts."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import PageViewRestriction

import feedparser
import pytest

from news.models import NewsIndexPage, NewsPage
from tests.factories import publish_post
from tests.news.helpers import english_index
from tests.utils import soup
from tools.demo import news as demo_news

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


# --- Feeds -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", [*demo_news.INDEX_LANGUAGES, "en"])
def test_every_language_has_a_feed_that_parses(client, language):
    index = NewsIndexPage.objects.get(locale__language_code=language)
    response = client.get(index.url + "feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    assert feed.feed.language.lower() == language
    expected = 12 if language in ["en", *demo_news.NEWS_LANGUAGES] else 0
    assert len(feed.entries) == expected
    for entry in feed.entries:
        assert entry.link.startswith("http://testserver/")
        assert entry.id.startswith("urn:uuid:")
        assert entry.published_parsed and entry.summary


def test_category_feed_carries_only_that_category(client):
    feed = feedparser.parse(client.get("/he/news/category/persecution/feed/").content)
    assert not feed.bozo
    assert len(feed.entries) == 3
    assert all(entry.tags[0].term == "רדיפה" for entry in feed.entries)
    assert client.get("/he/news/category/no-such-category/feed/").status_code == 404


def test_feed_ids_stay_the_same_when_a_post_changes(client):
    def ids():
        return [e.id for e in feedparser.parse(client.get("/en/news/feed/").content).entries]

    before = ids()
    post = NewsPage.objects.get(slug="lawyers-defend-practitioners", locale__language_code="en")
    post.title = "Lawyers defending practitioners"
    post.slug = "lawyers-defending-practitioners"
    post.save_revision().publish()
    assert ids() == before


@pytest.mark.parametrize("url", ["/nl/", "/nl/nieuws/", "/nl/nieuws/man-krijgt-opnieuw-acht-jaar/"])
def test_pages_advertise_their_languages_feed(client, url):
    link = soup(client.get(url)).find("link", type="application/rss+xml")
    assert link["href"] == "http://testserver/nl/nieuws/feed/"


# --- What readers must never see --------------------------------------------------------


def test_drafts_and_private_posts_stay_out_of_listings_feeds_and_home(client):
    draft = publish_post(english_index(), title="Draft marker post", date=timezone.now())
    draft.unpublish()
    private = publish_post(english_index(), title="Private marker post", date=timezone.now())
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    for url in ["/en/", "/en/news/", "/en/news/feed/", "/en/news/category/activism/feed/"]:
        body = client.get(url).content.decode()
        assert "marker post" not in body, url


def test_scheduled_post_goes_live_with_publish_scheduled(client):
    post = publish_post(english_index(), title="Scheduled marker post", date=timezone.now())
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
