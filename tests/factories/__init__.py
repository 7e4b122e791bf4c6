"""Factories for every page type and snippet, one module per app (``from tests.factories import …``
keeps working for all of them). The demo loader writes real content; a test builds only what it
needs with these."""

from tests.factories.events import (
    EventIndexPageFactory,
    EventOccurrenceFactory,
    EventPageFactory,
    event_index,
    publish_event,
)
from tests.factories.films import FilmIndexPageFactory, FilmPageFactory, film_index
from tests.factories.home import HomePageFactory, StandardPageFactory
from tests.factories.news import (
    NewsCategoryFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    news_index,
    publish_post,
)
from tests.factories.site import FooterFactory, home, locale, section, translate
from tests.factories.users import administrator, editor, reviewer, translator, user

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
    "administrator",
    "editor",
    "event_index",
    "film_index",
    "home",
    "locale",
    "news_index",
    "publish_event",
    "publish_post",
    "reviewer",
    "section",
    "translate",
    "translator",
    "user",
]
