"""Query budgets: page furniture costs the same however much content there is."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from home.models import HomePage, HomePageFeaturedPage, StandardPage
from tests.factories import StandardPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.demo]

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
    # the matching entries, title matches, the results in order, a page of them and excerpts:
    # never remembered (what somebody searched for must not show in a quicker answer)
    "/en/search/?q=vigil": 6,  # 5 on SQLite, 6 on PostgreSQL
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
    from tests.events.helpers import make_event

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


def pages_with_every_kind_of_picture(language):
    """The URLs of a home, a news listing, a post, an event, a film list and a film in
    ``language``, each showing the demo's pictures in every template that has one."""
    import json

    from wagtail.images.models import Image

    from events.models import EventPage
    from films.models import FilmPage
    from news.models import NewsIndexPage
    from tests.factories import publish_post

    image = Image.objects.order_by("pk").first()
    body = [{"type": "image", "value": {"image": image.pk, "alt_text": "A", "caption": "B"}}]
    post = publish_post(
        NewsIndexPage.objects.get(locale__language_code=language),
        hero_image=image,
        body=json.dumps(body),
    )
    event = EventPage.objects.live().filter(locale__language_code=language).first()
    event.image = image
    event.save_revision().publish()
    film = FilmPage.objects.live().filter(locale__language_code=language).first()
    film.poster = film.trailer_still = image
    film.save_revision().publish()
    home = HomePage.objects.get(locale__language_code=language)
    assert home.hero_image is not None
    return [home.url, post.get_parent().url, post.url, event.url, film.get_parent().url, film.url]


@pytest.mark.parametrize("language", ["en", "he"])
def test_a_second_render_of_any_page_with_pictures_makes_no_rendition(client, language):
    # The news listing prefetched "fill-320x180|format-webp" while its {% picture %} asked for
    # "format-webp|fill-320x180": no prefetched rendition ever matched, and every uncached
    # render of a listing encoded its card images again (~12 encodes, 150-250 ms of CPU).
    from unittest import mock

    from django.core.cache import caches

    from wagtail.images.models import AbstractImage, Rendition

    from site_core.caching import page_cache

    urls = pages_with_every_kind_of_picture(language)
    for url in urls:
        assert client.get(url).status_code == 200, url
    renditions = set(Rendition.objects.values_list("pk", "file"))
    assert renditions  # the first renders made them
    generate = AbstractImage.generate_rendition_file
    with mock.patch.object(
        AbstractImage, "generate_rendition_file", autospec=True, side_effect=generate
    ) as made:
        # Fragments remembered by the first render: the film list once kept its posters'
        # prefetch from before their renditions existed, and encoded them again every time.
        for url in urls:
            assert client.get(url).status_code == 200, url
        # A new cache generation (a publication elsewhere, a restart): pages and fragments
        # are rendered again; the renditions table stays.
        page_cache._memo.clear()
        for cache in caches.all():
            cache.clear()
        for url in urls:
            assert client.get(url).status_code == 200, url
    assert [call.args[1].spec for call in made.call_args_list] == []
    assert set(Rendition.objects.values_list("pk", "file")) == renditions
