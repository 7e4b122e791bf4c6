"""News: listing, filters, pagination, feeds, structured data, scheduling and the demo posts."""

import json
from datetime import datetime, timedelta

from django.core.management import call_command
from django.utils import formats, timezone, translation

from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.models import Translation

import feedparser
import pytest

from news.models import NewsCategory, NewsIndexPage, NewsPage, NewsPageRelatedPost
from tests.factories import publish_post
from tests.utils import soup
from tools.demo import news as demo_news

pytestmark = pytest.mark.django_db


def english_index():
    return NewsIndexPage.objects.get(locale__language_code="en")


def category(slug, language="en"):
    return NewsCategory.objects.get(slug=slug, locale__language_code=language)


def listing_titles(client, url):
    return [a.get_text() for a in soup(client.get(url)).select(".post-card__title a")]


# --- Listing ------------------------------------------------------------------------------


def test_listing_shows_newest_posts_first_ten_per_page(client):
    posts = NewsPage.objects.live().filter(locale__language_code="en").order_by("-date")
    titles = listing_titles(client, "/en/news/")
    assert titles == [p.title for p in posts[:10]]
    assert listing_titles(client, "/en/news/?page=2") == [p.title for p in posts[10:12]]


@pytest.mark.parametrize("junk", ["abc", "-1", "0", "1.5", "%00", "1e9", ""])
def test_junk_page_numbers_show_the_first_page(client, junk):
    response = client.get("/en/news/", {"page": junk})
    assert response.status_code == 200
    assert "Page 1 of 2" in response.content.decode()


@pytest.mark.parametrize("page", ["3", "999999", "99999999999999999999999"])
def test_page_numbers_past_the_end_are_a_404(client, page):
    assert client.get("/en/news/", {"page": page}).status_code == 404


def test_category_filter_lists_only_that_category_and_links_back(client):
    response = client.get("/en/news/?category=health")
    titles = [a.get_text() for a in soup(response).select(".post-card__title a")]
    assert titles == ["Case report: a 73-year-old recovers from severe breathlessness"]
    active = soup(response).select_one(".filters__active")
    assert "Health and wellness" in active.get_text()
    assert active.a["href"] == "/en/news/"


def test_two_filters_at_once_are_named_apart(client):
    year = NewsPage.objects.get(locale__language_code="en", categories__slug="health").date.year
    response = client.get(f"/en/news/?category=health&year={year}")
    active = " ".join(soup(response).select_one(".filters__active").get_text().split())
    assert active == f"Posts in “Health and wellness” · Posts from {year} · Show all posts"


@pytest.mark.parametrize(
    "query",
    [
        "category=junk",
        "category=%3Cscript%3E",
        "tag=no-such-tag",
        "year=abc",
        "year=1850",
        "year=99999",
        "category=" + "x" * 5000,
    ],
)
def test_junk_filters_give_a_clear_empty_state_never_a_500(client, query):
    response = client.get(f"/en/news/?{query}")
    assert response.status_code == 200
    page = soup(response)
    assert page.select(".post-card") == []
    assert page.select_one(".empty-state").get_text(strip=True).startswith("No posts match")
    assert page.select_one(".empty-state a")["href"] == "/en/news/"
    assert "<script>" not in response.content.decode()


def test_tag_and_year_filters(client):
    assert listing_titles(client, "/en/news/?tag=fujian") == [
        "Fujian woman sentenced to nearly four years for sharing videos with friends"
    ]
    year = timezone.now().year
    titles = listing_titles(client, f"/en/news/?year={year}")
    assert titles and all(p.date.year == year for p in NewsPage.objects.filter(title__in=titles))


def test_filters_and_pagination_keep_each_other(client):
    index = english_index()
    persecution = category("persecution")
    for number in range(10):
        publish_post(
            index,
            title=f"Extra persecution report {number}",
            date=timezone.now() - timedelta(days=60 + number),
            categories=[persecution],
        )
    page = soup(client.get("/en/news/?category=persecution"))
    next_link = page.select_one(".pagination a[rel=next]")["href"]
    assert "category=persecution" in next_link and "page=2" in next_link
    page_two = soup(client.get(f"/en/news/{next_link}"))
    assert len(page_two.select(".post-card")) == 3
    for link in page_two.select(".filters a"):
        assert "page=" not in link["href"]


def test_dutch_listing_shows_dutch_posts_and_categories(client):
    page = soup(client.get("/nl/nieuws/"))
    assert [a.get_text() for a in page.select(".filters a")][:4] == [
        "Gezondheid en welzijn",
        "In China",
        "Vervolging",
        "Wereldwijd activisme",
    ]
    first = page.select_one(".post-card__title a")
    assert first["href"].startswith("/nl/nieuws/")


def test_language_without_posts_has_a_clear_empty_state(client):
    page = soup(client.get("/de/nachrichten/"))
    assert page.select_one(".empty-state").get_text(strip=True)
    assert page.h1.get_text() == "Nachrichten"


# --- A post --------------------------------------------------------------------------------


def test_post_shows_localised_categories_tags_author_and_date(client):
    page = soup(client.get("/nl/nieuws/man-krijgt-opnieuw-acht-jaar/"))
    assert page.select_one(".article__categories").get_text(strip=True) == "Vervolging"
    assert page.select_one(".article__author").get_text() == "Redactie"
    assert {a.get_text() for a in page.select(".article__tags a")} == {"sentencing", "Liaoning"}
    time = page.select_one(".article__meta time")
    assert time["datetime"].startswith(str(timezone.now().year - 1)[:2])
    # The date in Dutch; site.js words it relatively in the browser (tests/test_relative_times.py).
    moment = datetime.fromisoformat(time["datetime"])
    with translation.override("nl"):
        assert time.get_text() == formats.date_format(moment, "DATE_FORMAT")
    assert time.has_attr("data-relative-for")


def test_post_has_newsarticle_json_ld_and_open_graph_image(client):
    page = soup(client.get("/zh-hans/news/world-falun-dafa-day-proclamations/"))
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "回顾：世界法轮大法日收到一千份褒奖"
    assert data["inLanguage"] == "zh-Hans"
    assert data["datePublished"] and data["dateModified"]
    assert data["image"][0].startswith("http")
    assert data["author"]["name"] == "编辑部"
    assert page.find("meta", property="og:image")["content"] == data["image"][0]


def test_json_ld_cannot_be_broken_out_of(client):
    post = NewsPage.objects.get(slug="key-figures-on-the-persecution", locale__language_code="en")
    post.title = "</script><script>alert(1)</script>"
    post.save_revision().publish()
    html = client.get(post.url).content.decode()
    assert "</script><script>alert(1)" not in html


def test_related_posts_are_the_editors_choice_in_the_readers_language(client):
    source = NewsPage.objects.get(
        slug="man-sentenced-to-eight-more-years", locale__language_code="en"
    )
    chosen = NewsPage.objects.get(slug="villagers-petition-for-release", locale__language_code="en")
    NewsPageRelatedPost.objects.create(page=source, post=chosen)
    dutch = source.get_translation(Locale.objects.get(language_code="nl"))
    NewsPageRelatedPost.objects.create(page=dutch, post=chosen)
    related = soup(client.get(dutch.url)).select(".related .post-card__title a")
    assert [a.get_text() for a in related] == [
        "Dorpelingen vragen per petitie om de vrijlating van hun buren"
    ]


def test_related_posts_fall_back_to_the_newest_sharing_a_category(client):
    related = soup(client.get("/en/news/man-sentenced-to-eight-more-years/")).select(
        ".related .post-card__title a"
    )
    assert [a.get_text() for a in related] == [
        "Fujian woman sentenced to nearly four years for sharing videos with friends",
        "Remembering the fathers held for their faith",
    ]


def test_publication_date_defaults_to_first_publication():
    post = publish_post(english_index(), title="Undated", date=None)
    assert post.date == post.first_published_at


# --- Home page -----------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["en", "nl", "zh-hans"])
def test_home_page_shows_recent_posts_with_localised_dates_to_word_relatively(client, code):
    # The server writes the date (a cached page may be read hours later); site.js turns recent
    # ones into "16 hours ago" in the page's language (tests/test_relative_times.py).
    page = soup(client.get(f"/{code}/"))
    items = page.select(".recent-posts li")
    assert len(items) == 5
    first_time = items[0].find("time")
    moment = datetime.fromisoformat(first_time["datetime"])
    assert timezone.now() - moment < timedelta(days=1)
    with translation.override(code):
        assert first_time.get_text() == formats.date_format(moment, "DATE_FORMAT")
    assert first_time["data-relative-for"] == str(7 * 24 * 3600)
    assert str(timezone.now().year) in first_time["title"]
    assert items[0].p.get_text()  # the summary


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


# --- Demo ---------------------------------------------------------------------------------


def test_demo_has_twelve_recent_posts_over_every_category_translated_three_times():
    posts = NewsPage.objects.filter(locale__language_code="en")
    assert posts.count() == 12
    assert all(timezone.now() - p.date < timedelta(weeks=6) for p in posts)
    used = set(posts.values_list("categories__slug", flat=True))
    assert used == {spec["slug"] for spec in demo_news.CATEGORIES}
    for post in posts:
        for language in demo_news.NEWS_LANGUAGES:
            translation = Translation.objects.get(
                source__object_id=post.translation_key, target_locale__language_code=language
            )
            done, total = translation.get_progress()
            assert done == total
            assert post.get_translation(Locale.objects.get(language_code=language)).live


@pytest.mark.parametrize(
    "url",
    [
        "/en/news/",
        "/en/news/?page=2",
        "/he/news/?category=persecution",
        "/zh-hans/news/?category=junk",
        "/de/nachrichten/",
        "/nl/nieuws/man-krijgt-opnieuw-acht-jaar/",
    ],
)
def test_news_pages_are_valid_html(client, url):
    from tests.utils import html_errors

    # Posts published now, in every language: real times carry microseconds.
    for index in NewsIndexPage.objects.live():
        publish_post(index)
    assert html_errors(client.get(url)) == []
