"""Listing filters and the page cache: real filter values are kept, made-up ones never (issue 14).

A page keys the cache on the parameters it understands (``cache_query_parameters``); of those,
it vouches for each value it knows (``page_cache.known_parameters``): a category of its
language, a tag some post carries, a year with posts, a kind, country, city or month of its
events, a page number as its links spell it, the page an "untranslated" notice names.
"""

from datetime import timedelta
from urllib.parse import quote

from django.utils import timezone

import pytest

from tests.factories import (
    EventOccurrenceFactory,
    NewsCategoryFactory,
    event_index,
    news_index,
    publish_event,
)
from tests.factories.content import about_page, english_only_page, english_post, translated_post
from tests.utils import locale


class Listings:
    """What the ``listings`` fixture built."""

    def __init__(self, post, about, english_only):
        self.post, self.about, self.english_only = post, about, english_only


pytestmark = pytest.mark.django_db


def first_year_with_posts():
    return news_index().year_span()[0]


def untranslated_link(post):
    """The switcher's link to German for a post translated into Dutch only (test_discovery)."""
    german_news = news_index("de")
    return f"{german_news.url}?untranslated={post.pk}"


def on(days_ahead):
    day = timezone.localdate() + timedelta(days=days_ahead)
    return [EventOccurrenceFactory.build(start_date=day, end_date=day)]


@pytest.fixture
def listings():
    """The English news (11 posts over two years, one in "persecution" tagged "fujian", one
    translated into Dutch only) and events (a vigil in Berlin next week, an information stand in
    Israel in 40 days, a parade a month ago); "About" in English and Dutch, an English-only page."""
    persecution = NewsCategoryFactory(name="Persecution", slug="persecution")
    post = translated_post("nl", categories=[persecution], tags=["fujian"])
    english_post(days_ago=400, title="Last year", slug="last-year")
    for number in range(9):
        english_post(days_ago=number + 1, title=f"Report {number}", slug=f"report-{number}")
    index = event_index()
    publish_event(index, kind="vigil", city="Berlin", country="Germany", occurrences=on(7))
    publish_event(
        index, kind="information_stand", city="Tel Aviv", country="Israel", occurrences=on(40)
    )
    publish_event(index, kind="parade", occurrences=on(-30))
    return Listings(post, about_page("nl"), english_only_page())


def made_up_filters(listings):
    """Addresses a reader's links never give: 51 and more, as the outside review sent."""
    month = (timezone.now() + timedelta(days=40)).strftime("%Y-%m")
    about = listings.about
    dutch_about = about.get_translation(locale("nl"))
    urls = [f"/en/news/?category=zz{n}" for n in range(8)]
    urls += [f"/en/news/?tag=zz{n}" for n in range(8)]
    urls += [f"/en/news/?year=19{n:02d}" for n in range(8)]
    urls += [f"/en/?untranslated=x{n}" for n in range(4)]
    urls += [f"/nl/?untranslated={about.pk + 100_000 + n}" for n in range(2)]
    urls += [
        f"/en/events/?city=Nowhere{n}&country=Atlantis{n}&month=2999-{n + 1:02d}"
        f"&kind=zz{n}&when=zz{n}"
        for n in range(8)
    ]
    urls += [f"/en/events/?when=later{n}" for n in range(3)]
    urls += [
        # Real values in another spelling: each would be one more copy of a real page.
        "/en/news/?category=persecution%20",
        "/en/news/?category=%20persecution",
        "/en/news/?tag=fujian%20%20",
        f"/en/news/?year={first_year_with_posts()}%20",
        "/en/news/?year=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96",  # full-width digits
        "/en/news/?page=01",
        "/en/news/?page=x",
        "/en/news/?page=0",
        "/en/news/?page=-3",
        "/en/news/?page=",
        "/en/events/?kind=vigil%20",
        f"/en/events/?month={month[:5]}{int(month[5:])}",  # 2026-1, not 2026-01
        f"/en/events/?month={quote(month + ' ')}",
        "/en/events/?month=1901-01",
        # A page the notice names, on a page that is not where the switcher sends readers.
        f"{dutch_about.url}?untranslated={listings.english_only.pk}",
        # Sub-routes read no filter at all.
        "/en/news/feed/?category=zz1",
        "/en/news/feed/?tag=zz2",
        "/en/events/ics/?kind=zz3",
        "/en/events/ics/?when=zz4",
    ]
    return urls


def test_made_up_filter_values_are_answered_but_never_stored(client, page_cache, listings):
    # Defect: /en/news/?category=zzN, ?tag=zzN, ?year=19NN, ?untranslated=xN and the events
    # filters each answered 200 "No posts match this filter." and were each stored: junk
    # values filled the cache.
    urls = made_up_filters(listings)
    assert len(urls) > 51
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "X-Page-Cache" not in response, url
    assert page_cache.stored() == []


def test_a_made_up_filter_value_says_that_nothing_matches(client, page_cache, listings):
    response = client.get("/en/news/?tag=zz1")
    assert response.status_code == 200
    assert "No posts match this filter." in response.content.decode()
    events = client.get("/en/events/?city=Nowhere&month=2999-01")
    assert events.status_code == 200
    assert "No events match this filter." in events.content.decode()


def test_real_filter_values_are_still_cached(client, page_cache, listings):
    month = (timezone.now() + timedelta(days=40)).strftime("%Y-%m")
    index = event_index()
    assert index.month_span()[0] <= month <= index.month_span()[1]
    urls = [
        "/en/news/?category=persecution",
        "/en/news/?tag=fujian",
        f"/en/news/?year={first_year_with_posts()}",
        "/en/news/?category=persecution&tag=fujian",
        "/en/news/?page=2",
        "/en/news/?page=1",
        "/en/events/?kind=vigil",
        "/en/events/?country=Israel",
        "/en/events/?city=Berlin",
        "/en/events/?when=past&kind=parade",
        f"/en/events/?month={month}",
        "/en/events/ics/?kind=information_stand",
        untranslated_link(listings.post),
    ]
    for url in urls:
        first = client.get(url)
        assert first.status_code == 200, url
        assert first["X-Page-Cache"] == "miss", url
        assert client.get(url)["X-Page-Cache"] == "hit", url
    assert len(page_cache.stored()) == len(urls)
