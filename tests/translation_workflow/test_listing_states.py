"""The admin's listing of an English section shows each page's state in every language, in a
number of queries that does not grow with the number of pages (issue 16)."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail import hooks
from wagtail_localize import wagtail_hooks as localize_hooks

import pytest

from tests.factories import news_index, publish_post
from tests.translation_workflow.helpers import (
    DATE,
    LANGUAGES,
    login,
    publish_english,
    translated_post,
)
from tests.utils import locale, soup

pytestmark = pytest.mark.django_db


def listing_states(client, parent):
    """{(title, language code): (state, link or None)} of the explorer's listing of ``parent``."""
    response = client.get(reverse("wagtailadmin_explore", args=[parent.pk]))
    assert response.status_code == 200
    html = soup(response)
    states = {}
    for row in html.select("table tbody tr"):
        title = row.select_one(".title a, .title")
        for item in row.select(".translation-states--compact [data-language]"):
            link = item.select_one("a")
            states[(title.get_text(" ", strip=True), item["data-language"])] = (
                item["data-state"],
                link["href"] if link else None,
            )
    return html, states


def state_of(states, title, code):
    return next(
        value for (row, language), value in states.items() if title in row and language == code
    )


def test_news_listing_shows_each_language(client, team):
    post = translated_post("nl", "he")
    changed = translated_post("nl", title="Appeal to the court", slug="appeal-to-the-court")
    changed.summary = "A new summary of this report."
    publish_english(changed)

    login(client, "editor")
    html, states = listing_states(client, news_index())
    assert html.select_one("th", string=lambda text: text and "Translations" in text)
    assert state_of(states, post.title, "nl")[0] == "up-to-date"
    assert state_of(states, post.title, "de")[0] == "not-started"
    assert state_of(states, changed.title, "nl")[0] == "out-of-date"
    assert {code for (_title, code) in states} == set(LANGUAGES)
    # each mark names its language and state for screen readers
    item = html.select_one(
        '.translation-states--compact [data-language="nl"][data-state="up-to-date"]'
    )
    assert "Published, up to date" in item.get_text()
    # a link to the translation's editor only where the user may edit it (Hebrew: the editors
    # stand in for its missing reviewer; Dutch has one)
    hebrew = post.get_translation(locale("he"))
    assert state_of(states, post.title, "he")[1] == reverse(
        "wagtailadmin_pages:edit", args=[hebrew.pk]
    )
    assert state_of(states, post.title, "nl")[1] is None


def test_translated_sections_keep_wagtails_listing(client, team):
    translated_post("nl")
    login(client, "translator-nl")
    html, states = listing_states(client, news_index("nl"))
    assert states == {}
    assert html.select_one(".translation-states") is None


def _posts(count, start):
    for number in range(start, start + count):
        publish_post(
            news_index(),
            title=f"Report {number}",
            slug=f"report-{number}",
            summary="A report.",
            body=[("paragraph", "<p>Text.</p>")],
            date=DATE - datetime.timedelta(days=number),
        )


def _listing_queries(client):
    url = reverse("wagtailadmin_explore", args=[news_index().pk])
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def test_listing_queries_do_not_grow_with_the_posts(client, team, monkeypatch):
    """5 and 25 posts, the same number of queries. wagtail-localize's own "Translate this page"
    and "Sync translated pages" entries of each row's "More" menu query per row (2 or 3, for
    coordinators) through a hook Wagtail offers no batched form of: left out here, so that what
    is measured is Wagtail's listing with the states column."""
    every_hook = hooks.get_hooks
    monkeypatch.setattr(
        hooks,
        "get_hooks",
        lambda name: [
            fn for fn in every_hook(name) if fn is not localize_hooks.page_listing_more_buttons
        ],
    )
    translated_post("nl", "he")
    _posts(4, start=1)
    login(client, "editor")
    _listing_queries(client)  # warm the per-process caches (content types, sites)
    few, response = _listing_queries(client)
    assert (
        response.content.decode().count('class="translation-states translation-states--compact"')
        == 5
    )
    _posts(20, start=5)
    many, response = _listing_queries(client)
    assert (
        response.content.decode().count('class="translation-states translation-states--compact"')
        == 25
    )
    assert many == few, (few, many)
