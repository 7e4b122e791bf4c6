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

from events.models import EventIndexPage
from home.models import StandardPage
from news.models import NewsIndexPage, NewsPage

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def first_year_with_posts():
    return NewsIndexPage.objects.get(locale__language_code="en").year_span()[0]


def untranslated_link():
    """The switcher's link to German for a post translated into Dutch only (test_discovery)."""
    post = NewsPage.objects.filter(locale__language_code="en").first()
    german_news = NewsIndexPage.objects.get(locale__language_code="de")
    return f"{german_news.url}?untranslated={post.pk}"


def english_only_page():
    return StandardPage.objects.get(locale__language_code="en", slug="how-you-can-help")


def made_up_filters():
    """Addresses a reader's links never give: 51 and more, as the outside review sent."""
    month = (timezone.now() + timedelta(days=40)).strftime("%Y-%m")
    about = StandardPage.objects.get(locale__language_code="en", slug="about")
    dutch_about = StandardPage.objects.get(
        locale__language_code="nl", translation_key=about.translation_key
    )
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
        f"{dutch_about.url}?untranslated={english_only_page().pk}",
        # Sub-routes read no filter at all.
        "/en/news/feed/?category=zz1",
        "/en/news/feed/?tag=zz2",
        "/en/events/ics/?kind=zz3",
        "/en/events/ics/?when=zz4",
    ]
    return urls


def test_made_up_filter_values_are_answered_but_never_stored(client, page_cache):
    # Defect: /en/news/?category=zzN, ?tag=zzN, ?year=19NN, ?untranslated=xN and the events
    # filters each answered 200 "No posts match this filter." and were each stored: junk
    # values filled the cache.
    urls = made_up_filters()
    assert len(urls) > 51
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "X-Page-Cache" not in response, url
    assert page_cache.stored() == []


def test_a_made_up_filter_value_says_that_nothing_matches(client, page_cache):
    response = client.get("/en/news/?tag=zz1")
    assert response.status_code == 200
    assert "No posts match this filter." in response.content.decode()
    events = client.get("/en/events/?city=Nowhere&month=2999-01")
    assert events.status_code == 200
    assert "No events match this filter." in events.content.decode()


def test_real_filter_values_are_still_cached(client, page_cache):
    month = (timezone.now() + timedelta(days=40)).strftime("%Y-%m")
    index = EventIndexPage.objects.get(locale__language_code="en")
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
        untranslated_link(),
    ]
    for url in urls:
        first = client.get(url)
        assert first.status_code == 200, url
        assert first["X-Page-Cache"] == "miss", url
        assert client.get(url)["X-Page-Cache"] == "hit", url
    assert len(page_cache.stored()) == len(urls)
