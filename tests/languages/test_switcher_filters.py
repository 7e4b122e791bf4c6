"""The language switcher keeps a listing's filters (issue 17: switching language dropped them):
a year and a tag as they are, a category as the target language's live category, the events'
kind, month, archive and places as the target spells them; never the page number, never junk;
and a page served from the page cache links the same as a fresh one."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

from django.utils import timezone

import pytest

from tests.factories import (
    EventOccurrenceFactory,
    NewsCategoryFactory,
    event_index,
    news_index,
    publish_event,
    publish_post,
    translate,
)
from tests.news.helpers import translated_category
from tests.utils import soup

pytestmark = pytest.mark.django_db


def switcher_target(response, code):
    """Where the switcher's link to ``code`` leads (after the view that remembers the choice)."""
    link = soup(response).select_one(f'.language-switcher a[hreflang="{code}"]')
    assert link is not None, code
    target = urlsplit(parse_qs(urlsplit(link["href"]).query)["next"][0])
    return target.path, {name: values[0] for name, values in parse_qs(target.query).items()}


@pytest.fixture
def news():
    """English news translated into Dutch and German: a "persecution" post tagged "fujian"
    (the category translated into Dutch only) and a post of last year."""
    persecution = NewsCategoryFactory(name="Persecution", slug="persecution")
    translated_category(persecution, "nl", "Vervolging")
    post = publish_post(news_index(), categories=[persecution], tags=["fujian"])
    publish_post(news_index(), slug="old", date=timezone.now() - timedelta(days=400))
    for code in ("nl", "de"):
        news_index(code)
        translate(post, code)
    return post


def test_news_filters_are_carried_to_the_listing_in_another_language(client, news):
    year = timezone.now().year
    response = client.get(f"/en/news/?category=persecution&tag=fujian&year={year}&page=1")
    assert switcher_target(response, "nl") == (
        news_index("nl").url,
        {"category": "persecution", "tag": "fujian", "year": str(year)},
    )


def test_a_category_the_target_language_lacks_is_dropped(client, news):
    response = client.get("/en/news/?category=persecution&tag=fujian")
    assert switcher_target(response, "de") == (news_index("de").url, {"tag": "fujian"})


def test_junk_and_the_page_number_are_never_carried(client, news):
    response = client.get(
        "/en/news/?tag=%3Cscript%3E&year=19999&category=zz&page=1&utm_source=x&untranslated=1"
    )
    assert response.status_code == 200
    assert switcher_target(response, "nl") == (news_index("nl").url, {})
    assert "<script>" not in soup(response).select_one(".language-switcher").decode()


def test_other_pages_carry_nothing(client, news):
    dutch_post = news.get_translation(news_index("nl").locale)
    response = client.get(news.url + "?tag=fujian&year=2020")
    assert switcher_target(response, "nl") == (dutch_post.url, {})


def test_event_filters_are_carried_as_the_target_language_spells_them(client):
    day = timezone.localdate() + timedelta(days=7)
    vigil = publish_event(
        event_index(),
        kind="vigil",
        city="The Hague",
        country="Netherlands",
        occurrences=[EventOccurrenceFactory.build(start_date=day, end_date=day)],
    )
    event_index("nl")
    translate(vigil, "nl", prefix="NL ")
    month = day.strftime("%Y-%m")
    response = client.get(
        f"/en/events/?kind=vigil&city=The+Hague&country=Netherlands&month={month}&page=1"
    )
    assert switcher_target(response, "nl") == (
        event_index("nl").url,
        {"kind": "vigil", "city": "NL The Hague", "country": "NL Netherlands", "month": month},
    )
    archive = client.get("/en/events/?when=past&kind=zz&city=Nowhere&month=2026-1")
    assert switcher_target(archive, "nl") == (event_index("nl").url, {"when": "past"})


def test_search_keeps_the_query(client, news):
    response = client.get("/en/search/?q=fujian")
    path, query = switcher_target(response, "nl")
    assert path.startswith("/nl/") and query == {"q": "fujian"}


def test_a_cached_filtered_page_links_as_a_fresh_one(client, news, settings):
    settings.PAGE_CACHE_ENABLED = True
    fresh = client.get("/en/news/?tag=fujian")
    assert fresh["X-Page-Cache"] == "miss"
    # Served from the same entry: the junk parameter is not part of the key, nor of the links.
    cached = client.get("/en/news/?tag=fujian&utm_source=x")
    assert cached["X-Page-Cache"] == "hit"
    assert switcher_target(cached, "nl") == (news_index("nl").url, {"tag": "fujian"})
    # A made-up tag is answered, links to the unfiltered Dutch news, and is never stored.
    junk = client.get("/en/news/?tag=zz1")
    assert "X-Page-Cache" not in junk
    assert switcher_target(junk, "nl") == (news_index("nl").url, {})
