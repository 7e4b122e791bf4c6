"""Builders and look-ups shared by the news tests (on the empty site of tests/factories)."""

from datetime import timedelta

from django.utils import timezone

from news.models import NewsPage
from tests.factories import NewsCategoryFactory, NewsPageFactory, translate
from tests.utils import soup


def live_posts(index, count, **fields):
    """``count`` live posts under ``index``, an hour apart, newest first (the first one an hour
    old). Made live directly, without revisions: cheap, for listings and pagination; a test of
    publishing itself uses ``tests.factories.publish_post``."""
    now = timezone.now()
    made = []
    for number in range(count):
        moment = now - timedelta(hours=number + 1)
        post = NewsPageFactory.build(
            date=moment, live=True, first_published_at=moment, last_published_at=moment, **fields
        )
        index.add_child(instance=post)
        made.append(NewsPage.objects.get(pk=post.pk))
    return made


def category(name, slug):
    """A live English category."""
    return NewsCategoryFactory(name=name, slug=slug)


def translated_category(source, code, name=None):
    """``source`` translated into ``code`` through wagtail-localize and published; named ``name``
    when given (a translator's own words), else "[code] <English name>"."""
    target = translate(source, code)
    if name is not None:
        target.name = name
        target.save_revision().publish()
    return target


def listing_titles(client, url):
    return [a.get_text() for a in soup(client.get(url)).select(".post-card__title a")]


def card_titles(response):
    return [a.get_text() for a in soup(response).select(".post-card__title a")]
