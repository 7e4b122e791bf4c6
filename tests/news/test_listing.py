"""News listings: order, filters, pagination, languages, and the home page's recent posts."""

from datetime import datetime, timedelta

from django.utils import formats, timezone, translation

import pytest

from site_core.languages.models import FallbackMode, ListingFallback
from tests.factories import NewsCategoryFactory, news_index, publish_post, translate
from tests.news.helpers import (
    card_titles,
    category,
    listing_titles,
    live_posts,
    translated_category,
)
from tests.utils import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def twelve_posts():
    """Twelve live English posts, newest first: two pages of the listing."""
    return live_posts(news_index(), 12)


@pytest.fixture
def filed_posts():
    """A health post, a Fujian-tagged persecution post and one from last year, newest first."""
    index = news_index()
    health = category("Health and wellness", "health")
    persecution = category("Persecution", "persecution")
    now = timezone.now()
    return [
        publish_post(
            index, title="Health post", date=now - timedelta(hours=1), categories=[health]
        ),
        publish_post(
            index,
            title="Fujian post",
            date=now - timedelta(hours=2),
            categories=[persecution],
            tags=["fujian"],
        ),
        publish_post(index, title="Old post", date=now - timedelta(days=400)),
    ]


# --- Listing ------------------------------------------------------------------------------


def test_listing_shows_newest_posts_first_ten_per_page(client):
    index = news_index()
    posts = live_posts(index, 12)
    # Made out of date order: the listing orders by the publication date, not by creation.
    posts[0].date, posts[11].date = posts[11].date, posts[0].date
    posts[0].save()
    posts[11].save()
    newest_first = sorted(posts, key=lambda p: p.date, reverse=True)
    assert listing_titles(client, "/en/news/") == [p.title for p in newest_first[:10]]
    assert listing_titles(client, "/en/news/?page=2") == [p.title for p in newest_first[10:12]]


@pytest.mark.parametrize("junk", ["abc", "-1", "0", "1.5", "%00", "1e9", ""])
def test_junk_page_numbers_show_the_first_page(client, junk, twelve_posts):
    response = client.get("/en/news/", {"page": junk})
    assert response.status_code == 200
    assert "Page 1 of 2" in response.content.decode()
    assert card_titles(response) == [p.title for p in twelve_posts[:10]]


@pytest.mark.parametrize("page", ["3", "999999", "99999999999999999999999"])
def test_page_numbers_past_the_end_are_a_404(client, page, twelve_posts):
    assert client.get("/en/news/", {"page": "2"}).status_code == 200
    assert client.get("/en/news/", {"page": page}).status_code == 404


def test_category_filter_lists_only_that_category_and_links_back(client, filed_posts):
    response = client.get("/en/news/?category=health")
    assert card_titles(response) == ["Health post"]
    active = soup(response).select_one(".filters__active")
    assert "Health and wellness" in active.get_text()
    assert active.a["href"] == "/en/news/"


def test_two_filters_at_once_are_named_apart(client, filed_posts):
    year = filed_posts[0].date.year
    response = client.get(f"/en/news/?category=health&year={year}")
    active = " ".join(soup(response).select_one(".filters__active").get_text().split())
    assert active == f"Posts in “Health and wellness” · Posts from {year} · Show all posts"
    assert card_titles(response) == ["Health post"]


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
def test_junk_filters_give_a_clear_empty_state_never_a_500(client, query, filed_posts):
    assert len(listing_titles(client, "/en/news/")) == 3
    response = client.get(f"/en/news/?{query}")
    assert response.status_code == 200
    page = soup(response)
    assert page.select(".post-card") == []
    assert page.select_one(".empty-state").get_text(strip=True).startswith("No posts match")
    assert page.select_one(".empty-state a")["href"] == "/en/news/"
    assert "<script>" not in response.content.decode()


def test_tag_and_year_filters(client, filed_posts):
    assert listing_titles(client, "/en/news/?tag=fujian") == ["Fujian post"]
    recent = [p for p in filed_posts if p.date.year == timezone.now().year]
    titles = listing_titles(client, f"/en/news/?year={timezone.now().year}")
    assert titles == [p.title for p in recent] and "Old post" not in titles
    old = filed_posts[2].date.year
    assert listing_titles(client, f"/en/news/?year={old}") == ["Old post"]


def test_filters_and_pagination_keep_each_other(client):
    index = news_index()
    persecution = category("Persecution", "persecution")
    live_posts(index, 2)  # in no category: on neither page of the filtered listing
    for number in range(13):
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
    assert [a.get_text() for a in page_two.select(".post-card__title a")] == [
        f"Extra persecution report {number}" for number in (10, 11, 12)
    ]
    for link in page_two.select(".filters a"):
        assert "page=" not in link["href"]


def test_dutch_listing_shows_dutch_posts_and_categories(client):
    english = [
        category(name, slug)
        for name, slug in [
            ("Worldwide activism", "activism"),
            ("Persecution", "persecution"),
            ("Inside China", "inside-china"),
            ("Health and wellness", "health"),
        ]
    ]
    dutch_names = ["Wereldwijd activisme", "Vervolging", "In China", "Gezondheid en welzijn"]
    for source, name in zip(english, dutch_names, strict=True):
        translated_category(source, "nl", name)
    post = publish_post(news_index(), title="English post", categories=english[:1])
    dutch_index = news_index("nl")
    dutch_post = translate(post, "nl")
    page = soup(client.get(dutch_index.url))
    assert [a.get_text() for a in page.select(".filters a")][:4] == sorted(dutch_names)
    assert [a.get_text() for a in page.select(".post-card__title a")] == [dutch_post.title]
    assert page.select_one(".post-card__title a")["href"] == dutch_post.url
    assert dutch_post.url.startswith(dutch_index.url)


def test_language_without_posts_and_fallback_off_has_a_clear_empty_state(client):
    live_posts(news_index(), 1)  # English posts do not fill the German listing when it is off
    german = news_index("de")
    ListingFallback.objects.create(locale=german.locale, mode=FallbackMode.OFF)
    page = soup(client.get(german.url))
    assert page.select(".post-card") == []
    assert page.select_one(".empty-state").get_text(strip=True)
    assert page.h1.get_text() == german.title


# --- Home page -----------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["en", "nl", "zh-hans"])
def test_home_page_shows_recent_posts_with_localised_dates_to_word_relatively(client, code):
    # The server writes the date (a cached page may be read hours later); site.js turns recent
    # ones into "16 hours ago" in the page's language (tests/test_relative_times.py).
    posts = live_posts(news_index(code), 6)  # made in the language itself
    page = soup(client.get(f"/{code}/"))
    items = page.select(".recent-posts li")
    assert [item.h3.get_text() for item in items] == [p.title for p in posts[:5]]
    first_time = items[0].find("time")
    moment = datetime.fromisoformat(first_time["datetime"])
    assert timezone.now() - moment < timedelta(days=1)
    with translation.override(code):
        assert first_time.get_text() == formats.date_format(moment, "DATE_FORMAT")
    assert first_time["data-relative-for"] == str(7 * 24 * 3600)
    assert str(timezone.now().year) in first_time["title"]
    assert items[0].p.get_text() == posts[0].summary


def test_a_category_made_by_the_factory_filters_the_listing(client):
    filed = NewsCategoryFactory(name="Factory marker category")
    publish_post(news_index(), title="Filed marker post", categories=[filed])
    publish_post(news_index(), title="Unfiled marker post")
    titles = listing_titles(client, f"/en/news/?category={filed.slug}")
    assert titles == ["Filed marker post"]
