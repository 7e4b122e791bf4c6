"""Factories for films: the index of a language and the documentaries."""

import factory
import wagtail_factories

from films.models import FilmIndexPage, FilmPage
from tests.factories.site import section


class FilmIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Films {n}")
    slug = factory.Sequence(lambda n: f"films-{n}")

    class Meta:
        model = FilmIndexPage


class FilmPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Film {n}")
    slug = factory.Sequence(lambda n: f"film-{n}")
    original_title = factory.Sequence(lambda n: f"Original title {n}")
    year = 2010

    class Meta:
        model = FilmPage


def film_index(code=None):
    """The films section of language ``code`` (tests.factories.site.section)."""
    return section(FilmIndexPageFactory, code, title="Films", slug="films")
