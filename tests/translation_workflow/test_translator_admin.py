"""What a translator sees in the admin: their language's editor (without publishing), the menu,
listings and reports without another language's drafts, and no "Convert to alias"."""

import json
import re

from django.urls import reverse

from wagtail_localize.models import (
    StringSegment,
)

import pytest

from site_core.models import Footer
from tests.factories import reviewer, translator
from tests.translation_workflow.helpers import (
    MARKER,
    footer,
    login,
    translated_post,
    translation_of,
)
from tests.utils import locale, soup

pytestmark = pytest.mark.django_db


def test_dutch_translator_works_in_dutch_but_cannot_publish(client, team):
    post = translated_post("nl")
    footer("nl")
    dutch = post.get_translation(locale("nl")).specific
    translation = translation_of(post, "nl")
    login(client, "translator-nl")
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[dutch.pk]))
    assert editor.status_code == 200
    props = json.loads(soup(editor).select_one(".js-translation-editor")["data-props"])
    assert props["perms"]["canPublish"] is False
    assert "Submit for Nederlands review" in editor.content.decode()
    assert (
        client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk])).status_code
        == 200
    )
    segment = StringSegment.objects.filter(source=translation.source).first()
    saved = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        "value=Nieuwe+tekst",
        content_type="application/x-www-form-urlencoded",
    )
    assert saved.status_code == 200
    edit_url = reverse("wagtailadmin_pages:edit", args=[dutch.pk])
    publish = client.post(edit_url, {"action": "publish"})
    assert publish.status_code in (302, 403)
    dutch.refresh_from_db()
    assert dutch.title != "Nieuwe tekst" and not dutch.has_unpublished_changes
    dutch_footer = Footer.objects.get(locale__language_code="nl")
    footer_edit = reverse("wagtailsnippets_site_core_footer:edit", args=[dutch_footer.pk])
    assert client.get(footer_edit).status_code == 200
    assert client.post(footer_edit, {"action": "publish"}).status_code in (302, 403)
    dutch_footer.refresh_from_db()
    assert dutch_footer.live and not dutch_footer.has_unpublished_changes


def test_menu_shows_the_overview_and_hides_the_all_language_report_from_translators(client):
    client.force_login(translator("nl"))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("site_translation_overview") in home
    assert reverse("wagtail_localize:translations_report") not in home


READ_ONLY_ADMIN_URLS = [
    "/admin/",
    "/admin/pages/",
    "/admin/pages/search/?q=UNPUBLISHED",
    "/admin/choose-page/",
    "/admin/choose-page/search/?q=UNPUBLISHED",
    "/admin/reports/site-history/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/locked/",
    "/admin/reports/aging-pages/",
    "/admin/news_pages/",
    "/admin/translations/",
    "/admin/snippets/site_core/footer/",
    "/admin/snippets/news/newscategory/",
]


@pytest.mark.parametrize("url", READ_ONLY_ADMIN_URLS)
def test_listings_searches_and_reports_never_show_another_languages_draft(
    client, hebrew_draft, url
):
    client.force_login(translator("nl"))
    response = client.get(url)
    assert response.status_code in (200, 302, 403), url
    assert MARKER not in response.content.decode(), url


def test_the_draft_marker_is_findable_by_someone_allowed_to_see_it(client, hebrew_draft):
    """Control for the test above: the Hebrew reviewer's page explorer does show the draft."""
    client.force_login(reviewer("he"))
    explorer = reverse("wagtailadmin_explore", args=[hebrew_draft.get_parent().pk])
    assert MARKER in client.get(explorer).content.decode()
    client.force_login(translator("nl"))
    assert MARKER not in client.get(explorer).content.decode()


def test_a_refused_admin_page_sends_the_translator_back_to_their_own_work(client):
    hebrew = translated_post("he").get_translation(locale("he"))
    client.force_login(translator("nl"))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[hebrew.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("site_translation_overview")
    assert "another language" in response.content.decode() and "Nederlands" in (
        response.content.decode()
    )
    for report in ["/admin/reports/site-history/", "/admin/reports/page-types-usage/"]:
        assert client.get(report)["Location"] == reverse("site_translation_overview")


def test_translators_are_not_offered_convert_to_alias(client, team):
    post = translated_post("nl")
    dutch = post.get_translation(locale("nl"))
    translation = translation_of(post, "nl")
    translation.enabled = False  # a reviewer stopped the sync (translators may not)
    translation.save(update_fields=["enabled"])
    login(client, "translator-nl")
    page = client.get(reverse("wagtailadmin_pages:edit", args=[dutch.pk])).content.decode()
    assert "Submit to Dutch review" in page  # Wagtail's own editor, under the Dutch workflow
    assert "Convert to alias page" not in page
    login(client, "reviewer-nl")
    page = client.get(reverse("wagtailadmin_pages:edit", args=[dutch.pk])).content.decode()
    assert "Convert to alias page" in page


def test_translation_editor_marks_hebrew_fields_right_to_left(client):
    client.force_login(translator("he"))
    hebrew = translated_post("he").get_translation(locale("he"))
    editor = soup(client.get(reverse("wagtailadmin_pages:edit", args=[hebrew.pk])))
    container = editor.select_one(".js-translation-editor")
    assert container["data-target-lang"] == "he" and container["data-target-dir"] == "rtl"
    assert editor.find("script", src=re.compile("translation-editor-direction"))
