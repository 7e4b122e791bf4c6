"""A language's home page and its sections, built from the factories alone (no demo content)."""

from wagtail.models import Page

import pytest

from tests.factories import (
    EventIndexPageFactory,
    FilmIndexPageFactory,
    HomePageFactory,
    NewsIndexPageFactory,
)

pytestmark = [pytest.mark.django_db]


def test_a_home_page_holds_a_section_of_each_kind_and_each_names_its_feeds_for_the_cdn():
    home = HomePageFactory(parent=Page.get_first_root_node())
    news = NewsIndexPageFactory(parent=home)
    events = EventIndexPageFactory(parent=home)
    films = FilmIndexPageFactory(parent=home)
    assert [child.specific for child in home.get_children()] == [news, events, films]
    # What a CDN purges when a page of the section changes: the listing and its feed.
    assert news.get_cached_paths() == ["/", "/feed/"]
    assert events.get_cached_paths() == ["/", "/ics/"]
    assert films.get_cached_paths() == ["/"]
