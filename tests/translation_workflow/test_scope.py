"""Scope: a translator reaches nothing of another language (its pages, snippets, wagtail-localize's
endpoints), by any method."""

from django.urls import reverse

from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    StringTranslation,
    Translation,
)

import pytest

from news.models import NewsCategory
from site_core.models import Footer
from tests.translation_workflow.helpers import (
    assert_refused,
    category,
    footer,
    login,
    translated_post,
    translation_of,
)
from tests.utils import locale

pytestmark = pytest.mark.django_db


def foreign_urls(page, translation, snippet_language="he"):
    """Every admin URL that touches another language's page, snippets or translations (the
    English post's ``page`` and its footer and category in ``snippet_language``)."""
    english = page.get_translation(locale("en"))
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
            reverse("wagtail_localize:submit_page_translation", args=[english.pk]),
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
            reverse("site_translation_start", args=[english.pk, page.locale.language_code]),
            {},
        ),
    ]
    return urls


def request(client, method, url, data):
    if method == "put":
        return client.put(url, data, content_type="application/x-www-form-urlencoded")
    return getattr(client, method)(url, data or {})


def test_dutch_translator_can_reach_nothing_of_hebrew(client, team, hebrew_draft):
    footer("he")
    category("he")
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


def test_hebrew_translator_can_reach_nothing_of_dutch(client, team):
    post = translated_post("nl")
    footer("nl")
    category("nl")
    dutch = post.get_translation(locale("nl")).specific
    login(client, "translator-he")
    translation = translation_of(post, "nl")
    for method, url, data in foreign_urls(dutch, translation, snippet_language="nl"):
        assert_refused(request(client, method, url, data), url)
