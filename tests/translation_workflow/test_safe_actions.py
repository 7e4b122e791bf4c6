"""Safe and clear actions in the translation editor and the page menus: "Stop synced
translation" is confirmed first and only offered to those who may take it, translators are not
offered Delete (nor can they delete by a forged request), and the machine-translation check names
the fields it waits for."""

import json
from pathlib import Path

from django.urls import reverse

from wagtail.models import Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import translate_object

import pytest

from site_core.translation_workflow.stop_sync import confirmation_token
from tests.factories import news_index, translator
from tests.translation_workflow.helpers import login, new_english_page, translation_of
from tests.utils import locale, soup

pytestmark = pytest.mark.django_db

CSS = Path(__file__).parents[2] / "site_core/translation_workflow/static/css"


def stop_url(translation):
    return reverse("wagtail_localize:stop_translation", args=[translation.pk])


def editor_of(client, page):
    """The translation editor's root element (its props and data attributes)."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return soup(response).select_one(".js-translation-editor")


def refused(response):
    """Wagtail's admin answers a refusal with 403 or (for its own views) the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def enabled(translation):
    return Translation.objects.get(pk=translation.pk).enabled


# --- "Stop synced translation" --------------------------------------------------------------------


def test_stopping_a_synced_translation_is_explained_and_confirmed_first(client, team, post):
    # Defect guarded: wagtail-localize's button stopped the sync on one click (a POST, no
    # question asked, no word of what it means); a GET of its address answered 405.
    translation = translation_of(post, "nl")
    dutch = post.get_translation(locale("nl"))
    login(client, "reviewer-nl")
    assert editor_of(client, dutch)["data-stop-sync"] == "offered"

    page = client.get(stop_url(translation))
    assert page.status_code == 200
    text = soup(page).get_text(" ", strip=True)
    assert "no longer reach this translation" in text
    assert "Nothing is deleted" in text
    form = soup(page).select_one(f'form[action="{stop_url(translation)}"]')
    assert "button-primary" not in form.select_one("button[type=submit]")["class"]

    # The editor's own button (and any POST without the confirmation) only leads to this page.
    response = client.post(stop_url(translation), {"next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"].startswith(stop_url(translation))
    assert enabled(translation)
    # A confirmation made for someone else, or for another translation, does not count.
    other = translation_of(post, "he")
    for token in (
        confirmation_token(team.editor, translation),
        confirmation_token(team.reviewer_nl, other),
    ):
        client.post(stop_url(translation), {"confirm": token})
        assert enabled(translation)

    fields = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    response = client.post(stop_url(translation), fields)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[dutch.pk])
    assert not enabled(translation)
    assert Page.objects.filter(pk=dutch.pk).exists()


def test_translators_are_not_offered_stop_synced_translation_and_cannot_forge_it(
    client, team, post
):
    # Defect guarded: the translator's footer offered "Stop synced translation" (as its main
    # button when nothing else was there) and a POST by a translator stopped the sync.
    translation = translation_of(post, "nl")
    dutch = post.get_translation(locale("nl"))
    login(client, "translator-nl")
    assert editor_of(client, dutch)["data-stop-sync"] == "not-offered"
    assert refused(client.get(stop_url(translation)))
    forged = {"confirm": confirmation_token(team.translator_nl, translation)}
    assert refused(client.post(stop_url(translation), forged))
    assert enabled(translation)
    # Another language's translator is kept out as well.
    login(client, "translator-he")
    assert refused(client.post(stop_url(translation), forged))
    assert enabled(translation)


def test_the_editor_hides_stop_from_those_who_may_not_and_never_makes_it_the_main_button():
    css = (CSS / "translation-overview.css").read_text()
    disable = '[data-w-action-url-value$="/disable/"]'
    # Hidden where not offered...
    assert f'.js-translation-editor[data-stop-sync="not-offered"] {disable}' in css
    # ...and the footer's main slot (a direct child of its button group) never holds it.
    assert f".footer .w-dropdown-button:has(> {disable}) {{ display: none; }}" in css


def test_editors_standing_in_for_a_language_may_stop_its_sync(client, team, post):
    # Hebrew has no reviewer: the editors review it, and may stop its sync.
    translation = translation_of(post, "he")
    login(client, "editor")
    assert editor_of(client, post.get_translation(locale("he")))["data-stop-sync"] == "offered"
    page = client.get(stop_url(translation))
    token = soup(page).select_one("input[name=confirm]")["value"]
    client.post(stop_url(translation), {"confirm": token})
    assert not enabled(translation)


# --- Delete -------------------------------------------------------------------------------------


@pytest.fixture
def dutch_draft(team):
    """A Dutch translation that was never published (a draft)."""
    news_index("nl")
    post = new_english_page()
    translate_object(post, [locale("nl")])
    dutch = post.get_translation(locale("nl"))
    assert not dutch.live
    return dutch


def delete_url(page):
    return reverse("wagtailadmin_pages:delete", args=[page.pk])


def test_translators_are_not_offered_delete_on_a_draft_translation(client, dutch_draft):
    # Defect guarded: Wagtail lets whoever may change a page delete it while it is not live, so
    # the page listing's "more" menu, the page's header menu and the translation editor offered
    # the Dutch translator Delete on a draft translation.
    login(client, "translator-nl")
    listing = client.get(reverse("wagtailadmin_explore", args=[dutch_draft.get_parent().pk]))
    assert reverse("wagtailadmin_pages:edit", args=[dutch_draft.pk]) in listing.content.decode()
    assert delete_url(dutch_draft) not in listing.content.decode()
    header = client.get(reverse("wagtailadmin_explore", args=[dutch_draft.pk]))
    assert delete_url(dutch_draft) not in header.content.decode()
    props = json.loads(editor_of(client, dutch_draft)["data-props"])
    assert props["perms"]["canDelete"] is False

    # The language's reviewer may delete it.
    login(client, "reviewer-nl")
    listing = client.get(reverse("wagtailadmin_explore", args=[dutch_draft.get_parent().pk]))
    assert delete_url(dutch_draft) in listing.content.decode()
    assert json.loads(editor_of(client, dutch_draft)["data-props"])["perms"]["canDelete"]


def test_a_translators_forged_delete_is_refused(client, dutch_draft):
    login(client, "translator-nl")
    assert refused(client.get(delete_url(dutch_draft)))
    assert refused(client.post(delete_url(dutch_draft)))
    bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    client.post(f"{bulk}?id={dutch_draft.pk}")
    assert Page.objects.filter(pk=dutch_draft.pk).exists()

    login(client, "reviewer-nl")  # the rule is not "nobody": the reviewer's delete goes through
    client.post(delete_url(dutch_draft))
    assert not Page.objects.filter(pk=dutch_draft.pk).exists()


# --- the machine-translation check ----------------------------------------------------------------


def machine_translated_slug(client, username):
    """A Dutch translation machine-translated by ``username``, every segment checked but the
    slug (on the Promote tab)."""
    news_index("nl")
    post = new_english_page()
    login(client, username)
    client.post(reverse("site_translation_start", args=[post.pk, "nl"]))
    translation = translation_of(post, "nl")
    client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    StringTranslation.objects.filter(locale=locale("nl")).exclude(context__path="slug").update(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL
    )
    return translation


def test_the_machine_translation_check_names_the_field_and_its_tab(client, team):
    # Defect guarded: "1 machine-translated segment has not been checked yet" did not say which:
    # it was the slug, on the Promote tab, which a translator does not think of opening.
    translation = machine_translated_slug(client, "translator-nl")
    refused = client.post(reverse("site_translation_submit", args=[translation.pk]), follow=True)
    text = soup(refused).get_text(" ", strip=True)
    assert "1 machine-translated segment has not been checked yet: Slug (Promote tab)." in text
    assert "Still to check: Slug (Promote tab)" in text  # the review bar above the editor


def test_the_machine_translation_check_speaks_the_translators_admin_language(client):
    person = translator("nl", username="vertaler")
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "de"  # German, to tell Wagtail's words from the site's own
    profile.save()
    translation = machine_translated_slug(client, "vertaler")
    refused = client.post(reverse("site_translation_submit", args=[translation.pk]), follow=True)
    text = soup(refused).get_text(" ", strip=True)
    # The site's German, with Wagtail's words for the field and the tab ("Slug", "Promote").
    assert "1 maschinell übersetzter Abschnitt ist noch nicht geprüft: " in text
    assert "(Reiter „Veröffentlichung“)." in text
