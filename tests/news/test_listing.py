"""News listings: order, filters, pagination, languages, and the home page's recent posts."""

from datetime import datetime, timedelta

from django.utils import formats, timezone, translation

import pytest

from news.models import NewsPage
from tests.factories import NewsCategoryFactory, publish_post
from tests.news.helpers import category, english_index, listing_titles
from tests.utils import soup

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


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


def test_a_category_made_by_the_factory_filters_the_listing(client):
    filed = NewsCategoryFactory(name="Factory marker category")
    publish_post(english_index(), title="Filed marker post", categories=[filed])
    publish_post(english_index(), title="Unfiled marker post")
    titles = listing_titles(client, f"/en/news/?category={filed.slug}")
    assert titles == ["Filed marker post"]
