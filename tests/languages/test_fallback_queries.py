"""The English items a language's listings add cost the same queries however many there are."""

import pytest

from site_core.languages.models import FallbackMode, ListingFallback
from tests.factories import event_index, news_index
from tests.test_performance import _events_setup, _news_setup, count_queries
from tests.utils import locale, soup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("mode", [FallbackMode.FILL, FallbackMode.ALWAYS])
def test_german_pages_cost_the_same_with_5_or_50_english_posts_and_events(client, mode):
    news, events = news_index("de").url, event_index("de").url
    pages = ["/de/", news, news + "feed/", events, events + "ics/"]
    ListingFallback.objects.create(locale=locale("de"), mode=mode)
    _news_setup(5)
    _events_setup(5)
    before = {url: count_queries(client, url) for url in pages}
    _news_setup(50)
    _events_setup(50)
    after = {url: count_queries(client, url) for url in pages}
    assert after == before
    # No more than the English pages' budgets (tests/test_query_budgets.py).
    budgets = [3, 5, 4, 2, 2]
    assert all(count <= most for count, most in zip(after.values(), budgets, strict=True))
    # Measured on pages that show the English items.
    assert len(soup(client.get(news)).select(".post-card--other-language")) == 10
    assert len(soup(client.get(events)).select(".event-card--other-language")) == 10
    home = soup(client.get("/de/"))
    assert len(home.select(".post-summary .language-label")) == 5
    assert len(home.select(".upcoming-events .event-card--other-language")) == 3
