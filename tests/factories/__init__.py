"""Factories for every page type and snippet, one module per app (``from tests.factories import …``
keeps working for all of them). The demo loader writes real content; a test builds only what it
needs with these."""

from tests.factories.events import (
    EventIndexPageFactory,
    EventOccurrenceFactory,
    EventPageFactory,
    publish_event,
)
from tests.factories.films import FilmIndexPageFactory, FilmPageFactory
from tests.factories.home import HomePageFactory, StandardPageFactory
from tests.factories.news import (
    NewsCategoryFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    publish_post,
)
from tests.factories.site import FooterFactory

__all__ = [
    "EventIndexPageFactory",
    "EventOccurrenceFactory",
    "EventPageFactory",
    "FilmIndexPageFactory",
    "FilmPageFactory",
    "FooterFactory",
    "HomePageFactory",
    "NewsCategoryFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "StandardPageFactory",
    "publish_event",
    "publish_post",
]
