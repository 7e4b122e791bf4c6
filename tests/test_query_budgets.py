"""Query budgets: each page type renders within a fixed number of queries, measured on a
site with real content (built once for the module: tests/databases.py, module_data)."""

from datetime import date, time, timedelta

import pytest

from home.models import HomePageFeaturedPage
from tests.events.helpers import make_event
from tests.factories import NewsCategoryFactory, event_index, home, news_index, publish_post
from tests.factories.content import about_page, furnished_home, indexed, standard_page
from tests.test_performance import _events_setup, _news_setup, count_queries, picture
from tests.utils import soup

# Every test of this module reads the one site ``site_content`` builds.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_content")]

# Rendering (page cache off), with the site, the route, menu, footer, translations, featured
# pages and listings served from the fragment cache, as they are between two publications.
# Measured on the site ``site_content`` builds (its post "a-report" and film "film" have no
# picture, as on the demo site the budgets were set on).
HOME_PAGE_QUERY_BUDGET = 3
PAGE_QUERY_BUDGETS = {
    "/en/": 3,  # hero image, a call-to-action block's page, (nl/he: the featured translation)
    "/nl/": 3,
    "/he/": 3,
    "/en/about/": 1,
    "/en/news/": 5,  # ten posts by id, their images and renditions, categories
    "/en/news/a-report/": 6,
    "/en/events/": 2,  # ten events by id and their dates
    "/en/films/": 1,
    "/en/films/film/": 2,
    # the matching entries, title matches, the results in order, a page of them and excerpts:
    # never remembered (what somebody searched for must not show in a quicker answer)
    "/en/search/?q=vigil": 6,  # 5 on SQLite, 6 on PostgreSQL
    "/en/news/feed/": 4,
    "/en/events/ics/": 2,
}


@pytest.fixture(scope="module")
def site_content(module_data):
    """The content of the budgets, built once for the module (build_site_content)."""
    module_data(build_site_content)


def build_site_content():
    """Every page type of the budgets: the English, Dutch and Hebrew homes furnished as on a
    real site, each featuring "About" (in the three languages), 11 posts, 5 events showing a
    film, a post without a picture in two categories with two tags and three related posts (of
    its first category) without pictures; a vigil event, post and page found by search."""
    image = picture()
    furnished_home("en", image, posts=0)
    for code in ("nl", "he"):
        furnished_home(code, image, posts=2)
    about = about_page("nl", "he")
    for code in ("en", "nl", "he"):
        HomePageFeaturedPage.objects.create(home_page=home(code), page=about)
        home(code).save_revision().publish()
    _news_setup(11)
    categories = [NewsCategoryFactory(), NewsCategoryFactory()]
    for number in range(3):
        publish_post(news_index(), slug=f"related-{number}", categories=categories[:1])
    publish_post(news_index(), slug="a-report", categories=categories, tags=["one", "two"])
    _events_setup(5)
    indexed(
        make_event(event_index(), "A vigil", (date.today() + timedelta(days=2), time(18))),
        publish_post(news_index(), title="Report from the vigil", slug="vigil-report"),
        standard_page("Vigils worldwide", "vigils"),
    )


def test_home_page_renders_within_a_fixed_query_budget(client, site_content):
    assert count_queries(client, "/en/") <= HOME_PAGE_QUERY_BUDGET


@pytest.mark.parametrize("url", PAGE_QUERY_BUDGETS)
def test_every_page_type_renders_within_its_query_budget(client, site_content, url):
    assert count_queries(client, url) <= PAGE_QUERY_BUDGETS[url]


def test_the_budgets_are_measured_on_pages_with_content(client, site_content):
    """A budget met by an empty page means little: the search has a result of each page type
    and the Dutch and Hebrew homes show pictures, posts and events."""
    results = soup(client.get("/en/search/?q=vigil")).select(".search-results > li")
    assert len(results) >= 3
    for code in ("nl", "he"):
        page = soup(client.get(f"/{code}/"))
        assert (
            page.select("img")
            and page.select(".post-summary")
            and page.select(".upcoming-events li")
        )
