"""Translators' workflow: roles per language, review, overview grid, sync without loss,
machine translation and PO files — through the real admin views and wagtail-localize."""

import json
import re
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import (
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowState,
)
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

import polib
import pytest

from news.models import NewsCategory, NewsPage
from site_core.models import Footer
from site_core.translation_workflow.progress import segment_counts
from site_core.translation_workflow.roles import reviewer_group_name, translator_group_name
from tests.utils import locale, soup

pytestmark = pytest.mark.django_db

LANGUAGES = ["nl", "de", "fr", "es", "zh-hans", "zh-hant", "he"]


def login(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


def english_post(slug=None):
    posts = NewsPage.objects.filter(locale__language_code="en").order_by("path")
    return posts.get(slug=slug) if slug else posts.first()


def translation_of(instance, code):
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale__language_code=code
    )


def publish_english(page, user=None):
    page.save_revision(user=user).publish(user=user)


# --- roles ------------------------------------------------------------------------------------


def test_setup_roles_makes_one_translator_and_reviewer_group_per_language_and_is_idempotent():
    call_command("setup_roles", verbosity=0)
    counts = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Workflow.objects.count(),
        WorkflowPage.objects.count(),
    )
    call_command("setup_roles", verbosity=0)
    assert counts == (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Workflow.objects.count(),
        WorkflowPage.objects.count(),
    )
    editors = Group.objects.get(name="Editors")
    for code in LANGUAGES:
        home = Page.objects.get(depth=2, locale__language_code=code)
        translators = Group.objects.get(name=translator_group_name(code))
        reviewers = Group.objects.get(name=reviewer_group_name(code))
        assert set(
            GroupPagePermission.objects.filter(group=translators).values_list(
                "page_id", "permission__codename"
            )
        ) == {(home.pk, "change_page")}
        assert ("publish_page") in GroupPagePermission.objects.filter(
            group=reviewers, page=home
        ).values_list("permission__codename", flat=True)
        workflow = WorkflowPage.objects.get(page=home).workflow
        # Only Dutch has a reviewer in the demo: the editors stand in for the other languages.
        expected = [reviewers] if code == "nl" else [reviewers, editors]
        assert [list(task.specific.groups.order_by("name")) for task in workflow.tasks.all()] == [
            sorted(expected, key=lambda group: group.name)
        ]
    english_home = Page.objects.get(depth=2, locale__language_code="en")
    fallback_homes = Page.objects.filter(depth=2).exclude(locale__language_code__in=["en", "nl"])
    assert set(
        GroupPagePermission.objects.filter(group=editors).values_list("page_id", flat=True)
    ) == {english_home.pk, *fallback_homes.values_list("pk", flat=True)}
    assert editors.permissions.filter(codename="submit_translation").exists()


def test_demo_team_is_in_the_right_groups():
    groups = {
        user.username: sorted(user.groups.values_list("name", flat=True))
        for user in get_user_model().objects.filter(
            username__in=["editor", "translator-nl", "reviewer-nl", "translator-he"]
        )
    }
    assert groups == {
        "editor": ["Editors"],
        "translator-nl": ["Translators – Dutch"],
        "reviewer-nl": ["Reviewers – Dutch"],
        "translator-he": ["Translators – Hebrew"],
    }


# --- the permission matrix --------------------------------------------------------------------

MARKER = "UNPUBLISHED-HEBREW-DRAFT-7f3a"


@pytest.fixture
def hebrew_draft():
    """A Hebrew post with an unpublished draft (title and body carry a marker)."""
    post = english_post()
    hebrew = post.get_translation(locale("he")).specific
    hebrew.title = MARKER
    hebrew.save_revision()
    return hebrew


def foreign_urls(page, translation, snippet_language="he"):
    """Every admin URL that touches another language's page, snippets or translations."""
    segment = StringSegment.objects.filter(source=translation.source).first()
    override = OverridableSegment.objects.filter(source=translation.source).first()
    revision = page.get_latest_revision()
    footer = Footer.objects.get(locale__language_code=snippet_language)
    footer_translation = translation_of(footer, snippet_language)
    category = NewsCategory.objects.filter(locale__language_code=snippet_language).first()
    urls = [
        ("get", reverse("wagtailadmin_pages:edit", args=[page.pk]), None),
        ("post", reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"}),
        ("get", reverse("wagtailadmin_pages:view_draft", args=[page.pk]), None),
        ("post", reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]), {}),
        ("get", reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]), None),
        ("get", reverse("wagtailadmin_pages:history", args=[page.pk]), None),
        ("get", reverse("wagtailadmin_pages:revisions_index", args=[page.pk]), None),
        ("get", reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]), None),
        (
            "get",
            reverse(
                "wagtailadmin_pages:revisions_compare",
                args=[page.pk, "live", revision.pk],
            ),
            None,
        ),
        ("get", reverse("wagtailadmin_pages:workflow_history", args=[page.pk]), None),
        ("get", reverse("wagtailadmin_pages:delete", args=[page.pk]), None),
        ("post", reverse("wagtailadmin_pages:delete", args=[page.pk]), {}),
        ("get", reverse("wagtailadmin_pages:unpublish", args=[page.pk]), None),
        ("post", reverse("wagtailadmin_pages:unpublish", args=[page.pk]), {}),
        ("get", reverse("wagtailadmin_pages:copy", args=[page.pk]), None),
        ("get", reverse("wagtailadmin_pages:move", args=[page.pk]), None),
        ("get", reverse("wagtailadmin_pages:add_subpage", args=[page.pk]), None),
        ("get", reverse("wagtailadmin_explore", args=[page.pk]), None),
        ("post", reverse("wagtailadmin_pages:lock", args=[page.pk]), {}),
        # wagtail-localize's own endpoints
        (
            "put",
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            "value=hijacked",
        ),
        (
            "put",
            reverse(
                "wagtail_localize:edit_override",
                args=[translation.pk, override.pk if override else 999999],
            ),
            "value=1",
        ),
        ("get", reverse("wagtail_localize:download_pofile", args=[translation.pk]), None),
        ("post", reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {}),
        ("post", reverse("wagtail_localize:machine_translate", args=[translation.pk]), {}),
        ("get", reverse("wagtail_localize:preview_translation", args=[translation.pk]), None),
        ("post", reverse("wagtail_localize:stop_translation", args=[translation.pk]), {}),
        (
            "get",
            reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or 1]),
            None,
        ),
        (
            "post",
            reverse("wagtail_localize:submit_page_translation", args=[english_post().pk]),
            {"locales": [locale("he").pk]},
        ),
        (
            "get",
            reverse("wagtail_localize:update_translations", args=[translation.source_id]),
            None,
        ),
        (
            "post",
            reverse("wagtail_localize:update_translations", args=[translation.source_id]),
            {"publish_translations": "on"},
        ),
        ("get", reverse("wagtail_localize:convert_to_alias", args=[page.pk]), None),
        ("post", reverse("wagtail_localize:convert_to_alias", args=[page.pk]), {}),
        ("get", reverse("wagtail_localize:translations_report"), None),
        ("get", reverse("wagtail_localize:translations_report_results"), None),
        (
            "get",
            reverse("wagtail_localize:snippets_api_listing", args=["site_core", "footer"]),
            None,
        ),
        (
            "get",
            reverse(
                "wagtail_localize:snippets_api_detail", args=["site_core", "footer", footer.pk]
            ),
            None,
        ),
        (
            "get",
            reverse(
                "wagtail_localize:submit_snippet_translation",
                args=["site_core", "footer", Footer.objects.get(locale__language_code="en").pk],
            ),
            None,
        ),
        # the Hebrew footer and category (snippets), directly and through the translation editor
        ("get", reverse("wagtailsnippets_site_core_footer:edit", args=[footer.pk]), None),
        ("post", reverse("wagtailsnippets_site_core_footer:edit", args=[footer.pk]), {}),
        ("get", reverse("wagtailsnippets_site_core_footer:history", args=[footer.pk]), None),
        ("get", reverse("wagtailsnippets_site_core_footer:delete", args=[footer.pk]), None),
        (
            "get",
            reverse("wagtailsnippets_site_core_footer:add") + f"?locale={snippet_language}",
            None,
        ),
        (
            "get",
            reverse("wagtailsnippets_news_newscategory:edit", args=[category.pk]),
            None,
        ),
        ("get", reverse("wagtail_localize:download_pofile", args=[footer_translation.pk]), None),
        # this project's own views
        ("post", reverse("site_translation_submit", args=[translation.pk]), {}),
        ("post", reverse("site_translation_review", args=[translation.pk]), {"action": "approve"}),
        (
            "post",
            reverse("site_translation_start", args=[english_post().pk, page.locale.language_code]),
            {},
        ),
    ]
    return urls


def request(client, method, url, data):
    if method == "put":
        return client.put(url, data, content_type="application/x-www-form-urlencoded")
    return getattr(client, method)(url, data or {})


def assert_refused(response, url):
    assert response.status_code in (302, 403, 404), (url, response.status_code)
    if response.status_code == 302:
        location = response["Location"]
        assert "/admin/" in location and url not in location, (url, location)
        assert "/edit/" not in location and "preview" not in location, (url, location)
    assert MARKER not in response.content.decode(errors="replace"), url


def test_dutch_translator_can_reach_nothing_of_hebrew(client, hebrew_draft):
    login(client, "translator-nl")
    translation = translation_of(hebrew_draft, "he")
    before = StringTranslation.objects.filter(locale__language_code="he").count()
    for method, url, data in foreign_urls(hebrew_draft, translation):
        assert_refused(request(client, method, url, data), url)
    hebrew_draft.refresh_from_db()
    assert hebrew_draft.live and not hebrew_draft.locked
    assert StringTranslation.objects.filter(locale__language_code="he").count() == before
    assert not StringTranslation.objects.filter(data="hijacked").exists()
    assert Translation.objects.filter(pk=translation.pk, enabled=True).exists()


def test_hebrew_translator_can_reach_nothing_of_dutch(client):
    post = english_post()
    dutch = post.get_translation(locale("nl")).specific
    login(client, "translator-he")
    translation = translation_of(post, "nl")
    for method, url, data in foreign_urls(dutch, translation, snippet_language="nl"):
        assert_refused(request(client, method, url, data), url)


def test_dutch_translator_works_in_dutch_but_cannot_publish(client):
    post = english_post()
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
    assert (
        client.get(
            reverse("wagtailsnippets_site_core_footer:edit", args=[dutch_footer.pk])
        ).status_code
        == 200
    )
    footer_publish = client.post(
        reverse("wagtailsnippets_site_core_footer:edit", args=[dutch_footer.pk]),
        {"action": "publish"},
    )
    assert footer_publish.status_code in (302, 403)
    dutch_footer.refresh_from_db()
    assert dutch_footer.live and not dutch_footer.has_unpublished_changes


def test_menu_shows_the_overview_and_hides_the_all_language_report_from_translators(client):
    login(client, "translator-nl")
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("site_translation_overview") in home
    assert reverse("wagtail_localize:translations_report") not in home


# --- review workflow --------------------------------------------------------------------------


def test_translator_submits_dutch_reviewer_approves_and_reader_sees_it(client):
    post = english_post()
    dutch = post.get_translation(locale("nl")).specific
    translation = translation_of(post, "nl")
    title_segment = StringSegment.objects.get(source=translation.source, context__path="title")
    login(client, "translator-nl")
    client.put(
        reverse(
            "wagtail_localize:edit_string_translation", args=[translation.pk, title_segment.pk]
        ),
        "value=Herziene+Nederlandse+titel",
        content_type="application/x-www-form-urlencoded",
    )
    mail.outbox.clear()
    response = client.post(reverse("site_translation_submit", args=[translation.pk]))
    assert response.status_code == 302
    dutch.refresh_from_db()
    assert dutch.workflow_in_progress
    assert dutch.title != "Herziene Nederlandse titel"  # the live page waits for the review
    recipients = {address for message in mail.outbox for address in message.to}
    assert recipients == {"reviewer-nl@example.org"}

    # the translator, or another language's translator, cannot approve
    review_url = reverse("site_translation_review", args=[translation.pk])
    assert_refused(client.post(review_url, {"action": "approve"}), review_url)
    login(client, "translator-he")
    assert_refused(client.post(review_url, {"action": "approve"}), review_url)
    assert Page.objects.get(pk=dutch.pk).specific.workflow_in_progress

    login(client, "reviewer-nl")
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[dutch.pk])).content.decode()
    assert "Approve and publish" in editor
    client.post(reverse("site_translation_review", args=[translation.pk]), {"action": "approve"})
    dutch.refresh_from_db()
    assert not dutch.workflow_in_progress
    assert dutch.live and dutch.title == "Herziene Nederlandse titel"
    client.logout()
    assert "Herziene Nederlandse titel" in client.get(dutch.url).content.decode()


@pytest.fixture
def submitted_dutch_post(client):
    """A Dutch post the Dutch translator has submitted for review: (dutch page, translation)."""
    post = english_post()
    translation = translation_of(post, "nl")
    login(client, "translator-nl")
    client.post(reverse("site_translation_submit", args=[translation.pk]))
    return post.get_translation(locale("nl")).specific, translation


def test_reviewer_can_request_changes_with_a_comment_and_translator_resubmits(
    client, submitted_dutch_post
):
    dutch, translation = submitted_dutch_post
    login(client, "reviewer-nl")
    url = reverse("site_translation_review", args=[translation.pk])
    client.post(url, {"action": "reject", "comment": ""})
    dutch.refresh_from_db()
    assert dutch.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    mail.outbox.clear()
    client.post(url, {"action": "reject", "comment": "Gebruik 'beoefenaars'."})
    state = dutch.current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert {address for m in mail.outbox for address in m.to} == {"translator-nl@example.org"}
    login(client, "translator-nl")
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[dutch.pk])).content.decode()
    assert "Gebruik &#x27;beoefenaars&#x27;." in editor
    client.post(reverse("site_translation_submit", args=[translation.pk]))
    dutch.refresh_from_db()
    assert dutch.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_snippet_translations_wait_for_the_reviewer(client):
    footer = Footer.objects.get(locale__language_code="nl")
    translation = translation_of(footer, "nl")
    segment = StringSegment.objects.filter(source=translation.source).first()
    login(client, "translator-nl")
    client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        "value=Nieuwe+voettekst",
        content_type="application/x-www-form-urlencoded",
    )
    mail.outbox.clear()
    client.post(reverse("site_translation_submit", args=[translation.pk]))
    footer.refresh_from_db()
    assert footer.has_unpublished_changes and "Nieuwe voettekst" not in footer.contact_text
    assert [m.to for m in mail.outbox] == [["reviewer-nl@example.org"]]
    login(client, "reviewer-nl")
    client.post(
        reverse("wagtailsnippets_site_core_footer:edit", args=[footer.pk]), {"action": "publish"}
    )
    footer.refresh_from_db()
    assert "Nieuwe voettekst" in footer.contact_text


# --- sync without loss ------------------------------------------------------------------------


def translate_everything(translation, prefix="NL"):
    """Fill every untranslated segment (like a translator would) and publish the translation."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": f"{prefix}: {segment.string.data}"},
        )
    translation.save_target(publish=False)
    translation.get_target_instance().get_latest_revision().publish()


def test_publishing_english_keeps_every_unchanged_translated_segment(client):
    post = english_post()
    translation = translation_of(post, "nl")
    post.body = [
        ("paragraph", "<p>The first paragraph, about the appeal.</p>"),
        ("heading", {"text": "What happened next", "level": "h2"}),
        ("quote", {"quote": "We will not stop.", "attribution": "A practitioner"}),
        ("paragraph", "<p>The last paragraph, about the petition.</p>"),
    ]
    publish_english(post)
    translate_everything(translation)

    def translated():
        return {
            (segment.context.path, segment.string.data): StringTranslation.objects.get(
                translation_of=segment.string,
                context=segment.context,
                locale__language_code="nl",
            ).data
            for segment in StringSegment.objects.filter(source=translation.source).select_related(
                "string", "context"
            )
            if StringTranslation.objects.filter(
                translation_of=segment.string, context=segment.context, locale__language_code="nl"
            ).exists()
        }

    before = translated()
    assert len(before) >= 5
    body = list(post.body)
    paragraphs = [i for i, block in enumerate(body) if block.block_type == "paragraph"]
    assert paragraphs and len(body) >= 3
    from wagtail.rich_text import RichText

    changed_index = paragraphs[0]
    raw = post.body.raw_data
    raw[changed_index]["value"] = "<p>A completely rewritten first paragraph.</p>"
    raw.reverse()  # reorder every block
    raw.append({"type": "heading", "value": {"text": "A new heading", "level": "h2"}})
    post.body = raw
    assert RichText  # the paragraph is rich text
    publish_english(post)

    after = translated()
    kept = {key: value for key, value in before.items() if key in after}
    assert len(kept) == len(before) - 1  # only the rewritten paragraph lost its match
    for key, value in kept.items():
        assert after[key] == value  # byte for byte
    total, done, _machine = segment_counts(translation)
    assert total - done == 2  # the rewritten paragraph and the new heading need translating

    dutch = post.get_translation(locale("nl")).specific
    draft = dutch.get_latest_revision_as_object()
    headings = [block.value["text"] for block in draft.body if block.block_type == "heading"]
    assert "A new heading" in headings
    assert dutch.live  # readers keep the published Dutch page meanwhile

    login(client, "editor")
    grid = client.get(reverse("site_translation_overview") + "?language=nl")
    cell = soup(grid).select_one(f'tr:has(a[href$="/{post.pk}/edit/"]) td[data-language="nl"]')
    assert cell["data-state"] == "out-of-date"


def test_synchronised_field_change_republishes_up_to_date_translations():
    post = english_post()
    dutch = post.get_translation(locale("nl")).specific
    new_date = post.date.replace(year=post.date.year - 1)
    post.date = new_date
    publish_english(post)
    dutch.refresh_from_db()
    assert abs(dutch.date - new_date).total_seconds() < 0.001  # revisions keep milliseconds
    assert dutch.live and not dutch.has_unpublished_changes


# --- machine translation, PO files -----------------------------------------------------------


def new_english_page(title="Solidarity vigil report"):
    index = Page.objects.get(depth=3, locale__language_code="en", slug="news").specific
    post = NewsPage(
        title=title,
        slug="solidarity-vigil-report",
        summary="Candles were lit in front of the consulate.",
        body=[("paragraph", "<p>Hundreds of people came.</p>")],
        date=english_post().date,
    )
    index.add_child(instance=post)
    publish_english(post)
    return post


def test_machine_translation_prefills_and_must_be_checked_before_review(client):
    post = new_english_page()
    login(client, "translator-nl")
    response = client.post(reverse("site_translation_start", args=[post.pk, "nl"]))
    dutch = post.get_translation(locale("nl"))
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[dutch.pk])
    assert not dutch.live
    translation = translation_of(post, "nl")
    edit_url = reverse("wagtailadmin_pages:edit", args=[dutch.pk])
    client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": edit_url}
    )
    total, done, machine = segment_counts(translation)
    assert total == done == machine > 0
    assert (
        StringTranslation.objects.get(
            translation_of__data="Hundreds of people came.", locale=locale("nl")
        ).data
        == "came. people of Hundreds"
    )  # the offline dummy reverses words

    refused = client.post(reverse("site_translation_submit", args=[translation.pk]), follow=True)
    assert "machine-translated segments have not been checked" in refused.content.decode()
    assert not Page.objects.get(pk=dutch.pk).specific.workflow_in_progress

    for segment in StringSegment.objects.filter(source=translation.source):
        current = StringTranslation.objects.get(
            translation_of=segment.string, context=segment.context, locale=locale("nl")
        )
        client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            urlencode({"value": current.data}),
            content_type="application/x-www-form-urlencoded",
        )
    assert segment_counts(translation)[2] == 0
    client.post(reverse("site_translation_submit", args=[translation.pk]))
    dutch = Page.objects.get(pk=dutch.pk).specific
    assert dutch.workflow_in_progress and not dutch.live


def test_po_export_and_import_round_trip(client):
    post = english_post()
    translation = translation_of(post, "nl")
    login(client, "translator-nl")
    download = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    po = polib.pofile(download.content.decode())
    assert len(po) == StringSegment.objects.filter(source=translation.source).count()
    assert all(entry.msgstr for entry in po)
    original = {entry.msgctxt: entry.msgstr for entry in po}
    po[0].msgstr = "Door een externe vertaler herzien"
    upload = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {
            "file": _file(str(po)),
            "next": reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk]),
        },
    )
    assert upload.status_code == 302
    again = polib.pofile(
        client.get(
            reverse("wagtail_localize:download_pofile", args=[translation.pk])
        ).content.decode()
    )
    roundtrip = {entry.msgctxt: entry.msgstr for entry in again}
    assert roundtrip[po[0].msgctxt] == "Door een externe vertaler herzien"
    for context, text in original.items():
        if context != po[0].msgctxt:
            assert roundtrip[context] == text


def _file(text):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("translation.po", text.encode(), content_type="text/x-gettext")


def test_machine_translator_comes_from_the_environment(monkeypatch):
    from site_core.settings import base

    monkeypatch.setattr(base.env, "DEEPL_API_KEY", "")
    monkeypatch.setattr(base.env, "LIBRETRANSLATE_URL", "")
    assert base.machine_translator(offline_fallback=False) is None
    assert base.machine_translator(offline_fallback=True)["CLASS"].endswith("DummyTranslator")
    monkeypatch.setattr(base.env, "LIBRETRANSLATE_URL", "https://translate.example.org")
    assert (
        base.machine_translator(offline_fallback=False)["OPTIONS"]["LIBRETRANSLATE_URL"]
        == "https://translate.example.org"
    )
    monkeypatch.setattr(base.env, "DEEPL_API_KEY", "key:fx")
    config = base.machine_translator(offline_fallback=False)
    assert config["CLASS"].endswith("DeepLTranslator") and config["OPTIONS"]["AUTH_KEY"] == "key:fx"


# --- overview grid ----------------------------------------------------------------------------


def grid_cells(client, query=""):
    response = client.get(reverse("site_translation_overview") + query)
    assert response.status_code == 200
    cells = {}
    for row in soup(response).select("table.translation-overview tbody tr"):
        title = row.select_one("th").get_text(" ", strip=True).replace(" draft", "")
        for cell in row.select("td[data-language]"):
            cells[(title, cell["data-language"])] = cell
    return cells


def test_overview_shows_every_state(client):
    post = new_english_page()
    reviewed = english_post()
    # in progress: started in Dutch; not started in German; in review: a Dutch post submitted
    login(client, "translator-nl")
    client.post(reverse("site_translation_start", args=[post.pk, "nl"]))
    client.post(reverse("site_translation_submit", args=[translation_of(reviewed, "nl").pk]))
    # out of date: the English source of another post changed after its Dutch publication
    changed = NewsPage.objects.filter(locale__language_code="en").order_by("path")[1]
    changed.summary = "A new summary of this report."
    publish_english(changed)

    login(client, "editor")
    cells = grid_cells(client)
    assert cells[(post.title, "nl")]["data-state"] == "in-progress"
    assert "0% translated" in cells[(post.title, "nl")].get_text()
    assert cells[(post.title, "de")]["data-state"] == "not-started"
    assert cells[(reviewed.title, "nl")]["data-state"] == "in-review"
    assert cells[(changed.title, "nl")]["data-state"] == "out-of-date"
    home = Page.objects.get(depth=2, locale__language_code="en")
    assert cells[(home.title, "he")]["data-state"] == "up-to-date"
    # links open the right editor, for those who may use it
    assert cells[(post.title, "nl")].select_one("a") is None  # editors work in English
    login(client, "translator-nl")
    link = grid_cells(client)[(post.title, "nl")].select_one("a")["href"]
    assert link == reverse("wagtailadmin_pages:edit", args=[post.get_translation(locale("nl")).pk])


def test_overview_filters_by_language_and_section_and_shows_only_my_languages(client):
    login(client, "translator-he")
    cells = grid_cells(client)
    assert {language for _title, language in cells} == {"he"}
    login(client, "editor")
    cells = grid_cells(client, "?language=he")
    assert {language for _title, language in cells} == {"he"}
    news = Page.objects.get(depth=3, locale__language_code="en", slug="news")
    cells = grid_cells(client, f"?section={news.pk}")
    titles = {title for title, _language in cells}
    assert news.title in titles
    assert titles <= {
        news.title,
        *NewsPage.objects.filter(locale__language_code="en").values_list("title", flat=True),
    }
    assert len({language for _title, language in cells}) == len(LANGUAGES)


def test_overview_tells_at_a_glance_what_is_missing_in_hebrew(client):
    new_english_page()
    login(client, "editor")
    response = client.get(reverse("site_translation_overview") + "?language=he")
    summary = soup(response).select_one('.translation-overview__summary li[data-language="he"]')
    text = summary.get_text(" ", strip=True)
    total = Page.objects.filter(
        locale__language_code="en", depth__gt=1, alias_of__isnull=True
    ).count()
    published = Page.objects.filter(
        locale__language_code="he", depth__gt=1, live=True, alias_of__isnull=True
    ).count()
    assert f"{published} of {total} pages published, {total - published} missing" in text


def test_overview_queries_do_not_grow_with_the_tree(client):
    login(client, "editor")
    url = reverse("site_translation_overview")
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    index = Page.objects.get(depth=3, locale__language_code="en", slug="news").specific
    for number in range(40):
        page = NewsPage(
            title=f"Extra {number}",
            slug=f"extra-{number}",
            summary="An extra post.",
            date=english_post().date,
        )
        index.add_child(instance=page)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert len(large) == len(small), [q["sql"][:120] for q in large.captured_queries]
    assert len(soup(response).select("table.translation-overview tbody tr")) == 50


def test_overview_is_refused_to_people_without_a_language():
    from django.test import Client

    user = get_user_model().objects.create_user("nobody", "n@example.org", "x" * 16)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(user)
    assert client.get(reverse("site_translation_overview")).status_code in (302, 403)


def test_translation_editor_marks_hebrew_fields_right_to_left(client):
    login(client, "translator-he")
    hebrew = english_post().get_translation(locale("he"))
    editor = soup(client.get(reverse("wagtailadmin_pages:edit", args=[hebrew.pk])))
    container = editor.select_one(".js-translation-editor")
    assert container["data-target-lang"] == "he" and container["data-target-dir"] == "rtl"
    assert editor.find("script", src=re.compile("translation-editor-direction"))


def test_translation_sources_exist_for_every_translatable_model():
    """Every page type and translatable snippet in the demo has a wagtail-localize source."""
    from django.apps import apps

    from wagtail.models import TranslatableMixin

    models = {
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin)
        and model._meta.app_label in {"home", "news", "events", "films", "site_core"}
        and not model._meta.abstract
    }
    covered = {
        source.specific_content_type.model_class()
        for source in TranslationSource.objects.select_related("specific_content_type")
    }
    assert models <= covered, models - covered


def test_text_is_translated_and_shared_facts_are_synchronised():
    """Alt text, captions and prose are translatable; dates, places, images and links are not."""
    from wagtail_localize.fields import (
        SynchronizedField,
        TranslatableField,
        get_translatable_fields,
    )

    from events.models import EventPage
    from films.models import FilmPage
    from home.models import HomePage

    expected = {
        NewsPage: ({"summary", "body", "hero_image_alt", "author"}, {"date", "hero_image"}),
        EventPage: (
            {"summary", "body", "venue", "address", "city", "image_alt", "status_notice"},
            {"latitude", "longitude", "occurrences", "time_zone", "image", "film", "kind"},
        ),
        FilmPage: ({"synopsis", "poster_alt", "awards"}, {"original_title", "year", "poster"}),
        HomePage: ({"hero_heading", "hero_intro", "hero_image_alt"}, {"featured_pages"}),
        NewsCategory: ({"name"}, {"slug"}),
        Footer: ({"contact_text", "social_links"}, set()),
    }
    for model, (translated, synchronised) in expected.items():
        fields = get_translatable_fields(model)
        names = {type(f): set() for f in fields}
        for field in fields:
            names[type(field)].add(field.field_name)
        assert translated <= names[TranslatableField], model
        assert synchronised <= names.get(SynchronizedField, set()), model


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
def test_listings_searches_and_reports_never_show_another_languages_draft(client, url):
    hebrew = english_post().get_translation(locale("he")).specific
    hebrew.title = MARKER
    hebrew.save_revision()
    login(client, "translator-nl")
    response = client.get(url)
    assert response.status_code in (200, 302, 403), url
    assert MARKER not in response.content.decode(), url


def test_the_draft_marker_is_findable_by_someone_allowed_to_see_it(client):
    """Control for the test above: the Hebrew reviewer's page explorer does show the draft."""
    hebrew = english_post().get_translation(locale("he")).specific
    hebrew.title = MARKER
    hebrew.save_revision()
    reviewer = get_user_model().objects.create_user("reviewer-he", "r@example.org", "x" * 16)
    reviewer.groups.add(Group.objects.get(name=reviewer_group_name("he")))
    client.force_login(reviewer)
    explorer = reverse("wagtailadmin_explore", args=[hebrew.get_parent().pk])
    assert MARKER in client.get(explorer).content.decode()
    login(client, "translator-nl")
    assert MARKER not in client.get(explorer).content.decode()


def test_requesting_changes_from_the_dashboard_needs_a_comment_too(client, submitted_dutch_post):
    dutch, _translation = submitted_dutch_post
    post = english_post()
    task_state = Page.objects.get(pk=dutch.pk).specific.current_workflow_task_state
    login(client, "reviewer-nl")
    url = reverse("wagtailadmin_pages:workflow_action", args=[dutch.pk, "reject", task_state.pk])
    client.post(url, {"comment": ""})
    assert Page.objects.get(pk=dutch.pk).specific.current_workflow_state.status == "in_progress"
    client.post(url, {"comment": "Graag de titel inkorten."})
    dutch = Page.objects.get(pk=dutch.pk).specific
    assert dutch.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    login(client, "editor")
    cell = grid_cells(client, "?language=nl")[(post.title, "nl")]
    assert cell["data-state"] == "changes-requested"


def test_a_refused_admin_page_sends_the_translator_back_to_their_own_work(client):
    hebrew = english_post().get_translation(locale("he"))
    login(client, "translator-nl")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[hebrew.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("site_translation_overview")
    assert "another language" in response.content.decode() and "Nederlands" in (
        response.content.decode()
    )
    for report in ["/admin/reports/site-history/", "/admin/reports/page-types-usage/"]:
        assert client.get(report)["Location"] == reverse("site_translation_overview")


def test_translators_are_not_offered_convert_to_alias(client):
    post = english_post()
    dutch = post.get_translation(locale("nl"))
    translation = translation_of(post, "nl")
    login(client, "translator-nl")
    client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]))
    page = client.get(reverse("wagtailadmin_pages:edit", args=[dutch.pk])).content.decode()
    assert "Submit to Dutch review" in page  # Wagtail's own editor, under the Dutch workflow
    assert "Convert to alias page" not in page
    login(client, "reviewer-nl")
    page = client.get(reverse("wagtailadmin_pages:edit", args=[dutch.pk])).content.decode()
    assert "Convert to alias page" in page
