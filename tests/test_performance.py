"""Query budgets: page furniture costs the same however much content there is."""

import json
from datetime import date, time, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.images.models import Image

import pytest

from events.models import EventOccurrence, EventPage
from films.models import FilmPage
from home.models import HomePageFeaturedPage
from news.models import NewsCategory, NewsPage
from tests.events.helpers import make_event
from tests.factories import (
    EventPageFactory,
    FilmPageFactory,
    NewsCategoryFactory,
    NewsPageFactory,
    StandardPageFactory,
    event_index,
    film_index,
    home,
    locale,
    news_index,
    publish_post,
    translate,
)
from tests.factories.content import about_page, furnished_home, standard_page
from tests.factories.images import LargeImageFactory as ImageFactory

pytestmark = pytest.mark.django_db


def picture():
    return Image.objects.order_by("pk").first() or ImageFactory()


def count_queries(client, url):
    client.get(url)  # warm up per-process caches (content types, renditions)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def grow_site(extra_pages):
    english_home = home()
    for _ in range(extra_pages):
        page = add_live(english_home, StandardPageFactory.build())
        HomePageFeaturedPage.objects.create(home_page=english_home, page=page)
    english_home.save_revision().publish()


@pytest.mark.parametrize("url", ["/en/", "/nl/", "/en/about/", "/he/he-about/"])
def test_query_count_does_not_grow_with_menu_and_featured_pages(client, url):
    furnished_home("en", picture(), posts=0)
    about_page("nl", "he")
    before = count_queries(client, url)
    grow_site(12)
    assert count_queries(client, url) == before


def test_standard_page_query_count_does_not_grow_with_translations(client):
    source = standard_page("Key figures", "key-figures")
    translate(source, "nl")
    before = count_queries(client, "/en/key-figures/")
    for code in ["de", "fr", "es", "zh-hant"]:
        source.copy_for_translation(locale(code)).save_revision().publish()
    assert count_queries(client, "/en/key-figures/") == before


def _news_setup(count):
    """Exactly ``count`` live English posts ("report-0" the newest), each with a picture, the
    category "persecution" and a tag: only the number of posts differs between two sizes."""
    index = news_index()
    live = list(NewsPage.objects.live().filter(locale__language_code="en").order_by("-date"))
    for post in live[count:]:
        post.unpublish()
    category = NewsCategory.objects.filter(slug="persecution").first()
    category = category or NewsCategoryFactory(name="Persecution", slug="persecution")
    for number in range(len(live), count):
        post = NewsPageFactory.build(
            title=f"Report {number}",
            slug=f"report-{number}",
            date=timezone.now() - timedelta(hours=number),
            hero_image=picture(),
        )
        post.categories = [category]
        post.tags.add("bulk")
        add_live(index, post)


def add_live(parent, page):
    """``page`` live under ``parent`` at once, without a revision (a tenth of the cost of
    publishing through revisions; readers' pages never read revisions): for growing a site."""
    page.live = True
    page.first_published_at = page.last_published_at = timezone.now()
    parent.add_child(instance=page)
    return page


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/en/news/",
        "/en/news/?page=2",
        "/en/news/?category=persecution",
        "/en/news/report-0/",
        "/en/news/feed/",
    ],
)
def test_news_query_count_is_the_same_with_5_and_50_posts(client, url):
    furnished_home("en", picture(), posts=0)
    _news_setup(5)
    if "page=2" in url:
        _news_setup(15)
    small = count_queries(client, url)
    _news_setup(50)
    assert count_queries(client, url) == small


def _film():
    """The English film "film" (/en/films/film/)."""
    film = FilmPage.objects.filter(slug="film", locale__language_code="en").first()
    if film is None:
        film = FilmPageFactory(parent=film_index(), title="A film", slug="film")
        film.save_revision().publish()
    return film


def _events_setup(count):
    """Exactly ``count`` live upcoming English events, the new ones each showing a film."""
    index, film = event_index(), _film()
    upcoming = EventPage.objects.live().filter(
        locale__language_code="en", occurrences__start_date__gte=date.today()
    )
    live = list(upcoming.distinct().order_by("pk"))
    for event in live[count:]:
        event.unpublish()
    for number in range(len(live), count):
        day = date.today() + timedelta(days=3 + number % 20)
        event = EventPageFactory.build(
            title=f"Screening {number}",
            slug=f"screening-{number}",
            kind="film_screening",
            film=film,
        )
        event.occurrences = [
            EventOccurrence(start_date=day, start_time=time(19), end_date=day, end_time=time(21))
        ]
        add_live(index, event)


@pytest.mark.parametrize(
    "url",
    [
        "/en/events/",
        "/en/events/?when=past",
        "/en/events/ics/",
        "/en/films/",
        "/en/",
        "/en/films/film/",
    ],
)
def test_event_and_film_query_counts_are_the_same_with_5_and_50_events(client, url):
    furnished_home("en", picture(), posts=0)
    make_event(event_index(), "A past talk", (date.today() - timedelta(days=30), time(18)))
    _events_setup(5)
    small = count_queries(client, url)
    _events_setup(50)
    assert count_queries(client, url) == small


def pages_with_every_kind_of_picture(language):
    """The URLs of a home, a news listing, a post, an event, a film list and a film in
    ``language``, each showing pictures in every template that has one."""
    image = picture()
    furnished_home(language, image, posts=0)
    body = [{"type": "image", "value": {"image": image.pk, "alt_text": "A", "caption": "B"}}]
    post = publish_post(news_index(language), hero_image=image, body=json.dumps(body))
    event = EventPage.objects.live().filter(locale__language_code=language).first()
    event.image = image
    event.save_revision().publish()
    film = FilmPageFactory(parent=film_index(language))
    film.poster = film.trailer_still = image
    film.save_revision().publish()
    language_home = home(language)
    assert language_home.hero_image is not None
    return [
        *(language_home.url, post.get_parent().url, post.url, event.url),
        *(film.get_parent().url, film.url),
    ]


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
