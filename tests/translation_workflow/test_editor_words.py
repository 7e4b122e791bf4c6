"""The translation editor speaks the translator's admin language, including the two strings
wagtail-localize's script writes in English ("More actions" and the "<source> to <target>
translation" heading): the template hands their translations to translation-editor-direction.js."""

import json
from pathlib import Path

from django.urls import reverse

import wagtail_localize
from wagtail.users.models import UserProfile

import pytest

from tests.factories import translator
from tests.translation_workflow.helpers import translated_post
from tests.utils import locale, soup

SCRIPT = "site_core/translation_workflow/static/js/translation-editor-direction.js"


def dutch_editor(client):
    person = translator("nl")
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "nl"
    profile.save()
    client.force_login(person)
    dutch = translated_post("nl").get_translation(locale("nl"))
    return soup(client.get(reverse("wagtailadmin_pages:edit", args=[dutch.pk])))


@pytest.mark.django_db
def test_the_dutch_editor_gets_its_english_only_strings_in_dutch(client):
    editor = dutch_editor(client).select_one(".js-translation-editor")
    assert editor["data-i18n-more-actions"] == "Meer acties"
    assert editor["data-i18n-title"] == "Vertaling van {source} naar {target}"
    props = json.loads(editor["data-props"])
    # The words the script looks for are the ones wagtail-localize writes from these props.
    assert props["sourceLocale"]["displayName"] and props["locale"]["displayName"]


def test_the_script_replaces_exactly_the_strings_wagtail_localize_writes():
    script = (Path(__file__).resolve().parents[2] / SCRIPT).read_text()
    package = Path(wagtail_localize.__file__).parent
    bundle = next(package.glob("static/**/wagtail-localize.js")).read_text()
    assert '"More actions"' in bundle and '"More actions"' in script
    assert "} to ${" in bundle and '" to " + target + " translation"' in script


@pytest.mark.browser
def test_the_script_puts_the_dutch_words_in_place_as_the_editor_renders(page):
    """In Chromium: the editor's English strings, present at load and added later (as React
    renders), read in Dutch; other text is left alone."""
    props = json.dumps(
        {"sourceLocale": {"displayName": "Engels"}, "locale": {"displayName": "Nederlands"}}
    )
    page.set_content(
        '<div class="js-translation-editor" data-target-lang="nl" data-target-dir="ltr"'
        ' data-i18n-more-actions="Meer acties"'
        ' data-i18n-title="Vertaling van {source} naar {target}"'
        f" data-props='{props}'>"
        '<span class="w-sr-only">More actions</span><p id="other">More actions here</p></div>'
    )
    page.add_script_tag(content=(Path(__file__).resolve().parents[2] / SCRIPT).read_text())
    page.evaluate(
        "document.querySelector('.js-translation-editor').insertAdjacentHTML("
        "'beforeend', '<h2>Engels to Nederlands translation</h2>')"
    )
    page.wait_for_function("document.querySelector('h2').textContent.startsWith('Vertaling')")
    assert page.text_content("h2") == "Vertaling van Engels naar Nederlands"
    assert page.text_content(".w-sr-only") == "Meer acties"
    assert page.text_content("#other") == "More actions here"
