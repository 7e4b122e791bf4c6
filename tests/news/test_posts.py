"""A news post: categories, tags, date, structured data, related posts; the demo posts."""

import json
from datetime import datetime, timedelta

from django.utils import formats, timezone, translation

from wagtail.models import Locale
from wagtail_localize.models import Translation

import pytest

from news.models import NewsIndexPage, NewsPage, NewsPageRelatedPost
from tests.factories import publish_post
from tests.news.helpers import english_index
from tests.utils import soup
from tools.demo import news as demo_news

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


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
