"""Query budgets: page furniture costs the same however much content there is."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from home.models import HomePage, HomePageFeaturedPage, StandardPage
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

# Rendering (page cache off), with the site, the route, menu, footer, translations, featured
# pages and listings served from the fragment cache, as they are between two publications.
HOME_PAGE_QUERY_BUDGET = 3
PAGE_QUERY_BUDGETS = {
    "/en/": 3,  # hero image, a call-to-action block's page, (nl/he: the featured translation)
    "/nl/": 3,
    "/he/": 3,
    "/en/about/": 1,
    "/en/news/": 5,  # ten posts by id, their images and renditions, categories
    "/en/news/man-sentenced-to-eight-more-years/": 6,
    "/en/events/": 2,  # ten events by id and their dates
    "/en/films/": 1,
    "/en/films/hard-to-believe/": 2,
    "/en/search/?q=vigil": 2,  # a page of results by id and their excerpts
    "/en/news/feed/": 4,
    "/en/events/ics/": 2,
}


def count_queries(client, url):
    client.get(url)  # warm up per-process caches (content types, renditions)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def grow_site(extra_pages):
    home = HomePage.objects.get(locale__language_code="en")
    for _ in range(extra_pages):
        page = StandardPageFactory(parent=home)
        page.save_revision().publish()
        HomePageFeaturedPage.objects.create(home_page=home, page=page)
    home.save_revision().publish()


def test_home_page_renders_within_a_fixed_query_budget(client):
    assert count_queries(client, "/en/") <= HOME_PAGE_QUERY_BUDGET


@pytest.mark.parametrize("url", PAGE_QUERY_BUDGETS)
def test_every_page_type_renders_within_its_query_budget(client, url):
    assert count_queries(client, url) <= PAGE_QUERY_BUDGETS[url]


@pytest.mark.parametrize("url", ["/en/", "/nl/", "/en/about/", "/he/about/"])
def test_query_count_does_not_grow_with_menu_and_featured_pages(client, url):
    before = count_queries(client, url)
    grow_site(12)
    assert count_queries(client, url) == before


def test_standard_page_query_count_does_not_grow_with_translations(client):
    before = count_queries(client, "/en/key-statistics/")
    source = StandardPage.objects.get(slug="key-statistics", locale__language_code="en")
    for code in ["de", "fr", "es", "zh-hant"]:
        from wagtail.models import Locale

        source.copy_for_translation(
            Locale.objects.get(language_code=code)
        ).save_revision().publish()
    assert count_queries(client, "/en/key-statistics/") == before


def _news_setup(count):
    """Leave exactly ``count`` live English posts."""
    from django.utils import timezone

    from news.models import NewsIndexPage, NewsPage
    from tests.factories import publish_post

    index = NewsIndexPage.objects.get(locale__language_code="en")
    live = list(NewsPage.objects.live().filter(locale__language_code="en").order_by("-date"))
    for post in live[count:]:
        post.unpublish()
    image = next(p.hero_image for p in live if p.hero_image)
    # Every state has pictures in its listings, so only the number of posts differs.
    for post in live[:count]:
        if post.hero_image is None:
            post.hero_image = image
            post.save_revision().publish()
    for number in range(count - len(live)):
        publish_post(
            index,
            title=f"Bulk post {number}",
            date=timezone.now(),
            tags=["bulk"],
            categories=list(live[0].categories.all()),
            hero_image=image,
        )


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/en/news/",
        "/en/news/?page=2",
        "/en/news/?category=persecution",
        "/en/news/man-sentenced-to-eight-more-years/",
        "/en/news/feed/",
    ],
)
def test_news_query_count_is_the_same_with_5_and_50_posts(client, url):
    _news_setup(5)
    if "page=2" in url:
        _news_setup(15)
    small = count_queries(client, url)
    _news_setup(50)
    assert count_queries(client, url) == small


def _events_setup(count):
    """Exactly ``count`` live English events, all upcoming, each showing a film."""
    from datetime import date, time, timedelta

    from events.models import EventIndexPage, EventPage
    from films.models import FilmPage
    from tests.test_events import make_event

    index = EventIndexPage.objects.get(locale__language_code="en")
    film = FilmPage.objects.get(slug="hard-to-believe", locale__language_code="en")
    live = list(EventPage.objects.live().filter(locale__language_code="en"))
    for event in live[count:]:
        event.unpublish()
    for number in range(count - len(live)):
        make_event(
            index,
            f"Bulk screening {number}",
            (date.today() + timedelta(days=3 + number % 20), time(19, 0)),
            kind="film_screening",
            film=film,
        )


@pytest.mark.parametrize(
    "url",
    [
        "/en/events/",
        "/en/events/?when=past",
        "/en/events/ics/",
        "/en/films/",
        "/en/",
        "/en/films/hard-to-believe/",
    ],
)
def test_event_and_film_query_counts_are_the_same_with_5_and_50_events(client, url):
    _events_setup(5)
    small = count_queries(client, url)
    _events_setup(50)
    assert count_queries(client, url) == small
