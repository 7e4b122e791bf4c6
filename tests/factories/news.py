"""Factories for news: the index of a language, posts and categories."""

from wagtail.models import Locale

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from news.models import NewsCategory, NewsIndexPage, NewsPage
from tests.factories.site import section


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    intro = "The latest news."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News post {n}")
    slug = factory.Sequence(lambda n: f"news-post-{n}")
    summary = factory.Sequence(lambda n: f"Summary of post {n}.")
    author = "A reporter"

    class Meta:
        model = NewsPage


class NewsCategoryFactory(DjangoModelFactory):
    """A live category in the default language (pass ``locale`` for another)."""

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")
    locale = factory.LazyFunction(Locale.get_default)
    live = True

    class Meta:
        model = NewsCategory


def publish_post(index, **kwargs):
    """Create and publish a post under ``index`` (categories and tags as keyword lists)."""
    categories = kwargs.pop("categories", [])
    tags = kwargs.pop("tags", [])
    post = NewsPageFactory.build(**kwargs)
    post.categories = categories
    index.add_child(instance=post)
    if tags:
        post.tags.add(*tags)
    post.save_revision().publish()
    post.refresh_from_db()
    return post


def news_index(code=None):
    """The news section of language ``code`` (tests.factories.site.section)."""
    return section(NewsIndexPageFactory, code, title="News", slug="news")
