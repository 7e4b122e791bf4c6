"""On the whole demo, no language's news, events, feeds or home sections are empty: each shows
its own items or, where it has none yet, the English ones marked as such (issue 17)."""

from django.conf import settings

import feedparser
import pytest
from icalendar import Calendar

from events.models import EventIndexPage
from news.models import NewsIndexPage
from tests.utils import html_errors, soup

pytestmark = [pytest.mark.django_db, pytest.mark.demo]

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def valid_page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert html_errors(response) == [], url
    return soup(response)


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_listing_feed_or_home_section_is_empty_in_any_language(client, code):
    home = valid_page(client, f"/{code}/")
    assert home.select(".recent-posts .post-summary"), code
    assert home.select(".upcoming-events .event-card"), code
    news = NewsIndexPage.objects.live().get(locale__language_code=code)
    assert valid_page(client, news.url).select(".post-card"), news.url
    feed = feedparser.parse(client.get(news.url + "feed/").content)
    assert not feed.bozo and feed.entries, news.url
    events = EventIndexPage.objects.live().get(locale__language_code=code)
    assert valid_page(client, events.url).select(".event-card"), events.url
    calendar = Calendar.from_ical(client.get(events.url + "ics/").content)
    assert calendar.walk("VEVENT"), events.url


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_item_in_another_language_is_marked_with_it(client, code):
    """Whatever the demo translates, an item shown in English says so, and its text carries
    ``lang="en"`` and ``dir="ltr"`` (inside Hebrew pages too)."""
    news = NewsIndexPage.objects.live().get(locale__language_code=code)
    events = EventIndexPage.objects.live().get(locale__language_code=code)
    for url in (f"/{code}/", news.url, events.url):
        page = soup(client.get(url))
        for label in page.select(".language-label"):
            title = label.find_next_sibling("h3")
            assert title["lang"] == "en" and title["dir"] == "ltr", url
            assert title.a["href"].startswith("/en/"), url
        if code == "en":
            assert not page.select(".language-label"), url
