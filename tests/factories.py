"""Factories for the page types, shared by the tests (the demo loader writes real content)."""

import factory
import wagtail_factories

from home.models import HomePage, StandardPage
from news.models import NewsPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    slug = factory.Sequence(lambda n: f"standard-page-{n}")
    intro = "An introduction."
    show_in_menus = True

    class Meta:
        model = StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Home {n}")
    slug = factory.Sequence(lambda n: f"home-{n}")
    hero_heading = "A heading"

    class Meta:
        model = HomePage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News post {n}")
    slug = factory.Sequence(lambda n: f"news-post-{n}")
    summary = factory.Sequence(lambda n: f"Summary of post {n}.")
    author = "A reporter"

    class Meta:
        model = NewsPage


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
