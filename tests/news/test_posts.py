"""A news post: categories, tags, date, structured data, related posts; the demo posts."""

import json
from datetime import datetime, timedelta

from django.utils import formats, timezone, translation

import pytest

from news.models import NewsPageRelatedPost
from tests.factories import news_index, publish_post, translate
from tests.factories.images import ImageFactory
from tests.news.helpers import category, live_posts, translated_category
from tests.utils import soup

pytestmark = [pytest.mark.django_db]


def related_titles(client, post):
    return [a.get_text() for a in soup(client.get(post.url)).select(".related .post-card__title a")]


# --- A post --------------------------------------------------------------------------------


def test_post_shows_localised_categories_tags_author_and_date(client):
    persecution = category("Persecution", "persecution")
    translated_category(persecution, "nl", "Vervolging")
    news_index("nl")
    post = publish_post(
        news_index(), author="Editors", categories=[persecution], tags=["sentencing", "Liaoning"]
    )
    dutch = translate(post, "nl")
    page = soup(client.get(dutch.url))
    assert page.select_one(".article__categories").get_text(strip=True) == "Vervolging"
    assert page.select_one(".article__author").get_text() == "[nl] Editors"
    assert {a.get_text() for a in page.select(".article__tags a")} == {"sentencing", "Liaoning"}
    time = page.select_one(".article__meta time")
    assert time["datetime"].startswith(str(timezone.now().year - 1)[:2])
    # The date in Dutch; site.js words it relatively in the browser (tests/test_relative_times.py).
    moment = datetime.fromisoformat(time["datetime"])
    with translation.override("nl"):
        assert time.get_text() == formats.date_format(moment, "DATE_FORMAT")
    assert time.has_attr("data-relative-for")


def test_post_has_newsarticle_json_ld_and_open_graph_image(client):
    post = publish_post(
        news_index("zh-hans"),  # a post written in Chinese
        title="回顾：世界法轮大法日收到一千份褒奖",
        author="编辑部",
        hero_image=ImageFactory(),
    )
    page = soup(client.get(post.url))
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "回顾：世界法轮大法日收到一千份褒奖"
    assert data["inLanguage"] == "zh-Hans"
    assert data["datePublished"] and data["dateModified"]
    assert data["image"][0].startswith("http")
    assert data["author"]["name"] == "编辑部"
    assert page.find("meta", property="og:image")["content"] == data["image"][0]


def test_json_ld_cannot_be_broken_out_of(client):
    post = publish_post(news_index())
    post.title = "</script><script>alert(1)</script>"
    post.save_revision().publish()
    html = client.get(post.url).content.decode()
    assert "alert(1)" in html  # the title is on the page, escaped
    assert "</script><script>alert(1)" not in html


def test_related_posts_are_the_editors_choice_in_the_readers_language(client):
    index = news_index()
    source, chosen, _newer = (publish_post(index) for _ in range(3))
    news_index("nl")
    dutch, dutch_chosen = translate(source, "nl"), translate(chosen, "nl")
    NewsPageRelatedPost.objects.create(page=source, post=chosen)
    NewsPageRelatedPost.objects.create(page=dutch, post=chosen)
    assert related_titles(client, dutch) == [dutch_chosen.title]
    assert related_titles(client, source) == [chosen.title]


def test_related_posts_fall_back_to_the_newest_sharing_a_category(client):
    index = news_index()
    persecution, activism = category("Persecution", "persecution"), category("Activism", "activism")
    now = timezone.now()

    def post(hours_ago, *categories):
        return publish_post(index, date=now - timedelta(hours=hours_ago), categories=categories)

    source = post(3, persecution)
    post(0, activism)  # the newest post, in another category
    first, second = post(1, persecution), post(2, persecution, activism)
    third, _fourth = post(5, persecution), post(6, persecution)  # the fourth is one too many
    assert related_titles(client, source) == [first.title, second.title, third.title]


def test_publication_date_defaults_to_first_publication():
    post = publish_post(news_index(), title="Undated", date=None)
    assert post.date == post.first_published_at


def english_listing(page):
    live_posts(news_index(), 11)
    return "/en/news/" if page == 1 else "/en/news/?page=2"


def hebrew_category():
    persecution = category("Persecution", "persecution")
    translated_category(persecution, "he", "רדיפה")
    hebrew = news_index("he")
    publish_post(hebrew, categories=[persecution])
    return f"{hebrew.url}?category=persecution"


def chinese_junk_category():
    chinese = news_index("zh-hans")
    publish_post(chinese)
    return f"{chinese.url}?category=junk"


def dutch_post():
    news_index("nl")
    return translate(publish_post(news_index(), tags=["sentencing"]), "nl").url


# Each page of news, built as the test needs it: the listing's two pages, a filtered Hebrew
# listing, a Chinese one filtered by a category that does not exist, an empty German one, a post.
PAGES = {
    "english-listing": lambda: english_listing(1),
    "english-listing-page-2": lambda: english_listing(2),
    "hebrew-category": hebrew_category,
    "chinese-junk-category": chinese_junk_category,
    "german-empty": lambda: news_index("de").url,
    "dutch-post": dutch_post,
}


@pytest.mark.parametrize("page", PAGES)
def test_news_pages_are_valid_html(client, page):
    from tests.utils import html_errors

    url = PAGES[page]()
    # Posts published now: real times carry microseconds.
    publish_post(news_index())
    assert client.get(url).status_code == 200
    assert html_errors(client.get(url)) == []
