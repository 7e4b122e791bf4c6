"""The English page's status side panel names each language's state (issue 16): Wagtail's own
lists only the translations the user may edit, so an editor read "No other translations"."""

from django.urls import reverse

import pytest

from tests.factories import administrator
from tests.translation_workflow.helpers import (
    LANGUAGES,
    login,
    new_english_page,
    publish_english,
    translated_post,
    translation_of,
)
from tests.utils import locale, soup

pytestmark = pytest.mark.django_db


def panel_states(client, page):
    """{language code: (state, link or None, text)} of the edit view's status panel."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = soup(response)
    items = html.select(".translation-states--panel [data-language]")
    return html, {
        item["data-language"]: (
            item["data-state"],
            item.select_one("a")["href"] if item.select_one("a") else None,
            item.get_text(" ", strip=True),
        )
        for item in items
    }


def test_editor_sees_every_language_with_its_state(client, team):
    post = translated_post("nl", "he")
    submitted = translated_post("nl", title="Letter to the mayor", slug="letter-to-the-mayor")
    login(client, "translator-nl")
    client.post(reverse("site_translation_submit", args=[translation_of(submitted, "nl").pk]))
    changed = translated_post("nl", title="Appeal to the court", slug="appeal-to-the-court")
    changed.summary = "A new summary of this report."
    publish_english(changed)
    started = new_english_page()
    client.post(reverse("site_translation_start", args=[started.pk, "nl"]))

    login(client, "editor")
    html, states = panel_states(client, post)
    assert "No other translations" not in html.get_text()
    assert list(states) == LANGUAGES
    assert states["nl"][0] == "up-to-date" and "Published, up to date" in states["nl"][2]
    assert states["de"][0] == "not-started" and states["de"][1] is None
    # Dutch has its reviewer: the editor does not edit it, the link opens the live Dutch page
    assert states["nl"][1] == post.get_translation(locale("nl")).get_url()
    # Hebrew has none: the editors stand in for its review and may open its editor
    hebrew = post.get_translation(locale("he"))
    assert states["he"][1] == reverse("wagtailadmin_pages:edit", args=[hebrew.pk])
    assert "2 of 7 languages published and up to date" in html.get_text()
    assert html.select_one(
        f'a[href="{reverse("wagtail_localize:submit_page_translation", args=[post.pk])}"]'
    )

    _html, states = panel_states(client, submitted)
    assert states["nl"][0] == "in-review" and "Waiting for review" in states["nl"][2]
    _html, states = panel_states(client, changed)
    assert states["nl"][0] == "out-of-date" and "Out of date" in states["nl"][2]
    _html, states = panel_states(client, started)
    assert states["nl"][0] == "in-progress" and "In progress" in states["nl"][2]
    assert states["nl"][1] is None  # a Dutch draft the editor may not edit: no link


def test_links_open_the_translation_editor_for_those_who_may_edit(client, team):
    post = translated_post("nl")
    administrator()
    login(client, "admin")
    _html, states = panel_states(client, post)
    dutch = post.get_translation(locale("nl"))
    assert states["nl"][1] == reverse("wagtailadmin_pages:edit", args=[dutch.pk])
    # a translated page's own panel is Wagtail's (its translations, to switch to)
    html, states = panel_states(client, dutch)
    assert states == {}
    assert html.select_one(".translation-states") is None


def test_a_translator_cannot_reach_the_english_panel(client, team):
    post = translated_post("nl")
    login(client, "translator-nl")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[post.pk]))
    assert response.status_code in (302, 403)
    assert "translation-states" not in response.content.decode()
