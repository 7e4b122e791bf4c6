"""No wagtail-localize route publishes unreviewed text: "Sync translated pages", the editor's
"Publish", "Convert to alias", "Translate this page" with its subtree and related snippets."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from wagtail.models import (
    Page,
    PageLogEntry,
)
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
)

import pytest

from home.models import StandardPage
from news.models import NewsCategory
from site_core.models import Footer
from site_core.translation_workflow.memory import PREVIOUS_TRANSLATION
from site_core.translation_workflow.translate import ReviewedTranslationCreator
from tests.translation_workflow import helpers
from tests.translation_workflow.helpers import (
    UNSUBMITTED,
    category,
    live,
    login,
    translate_and_publish,
    translation_of,
    type_without_submitting,
)
from tests.utils import locale

pytestmark = pytest.mark.django_db


def test_sync_translated_pages_publishes_no_unsubmitted_text_and_no_machine_translation(
    client, team, post, django_capture_on_commit_callbacks
):
    # Defect guarded: wagtail-localize's own "Sync translated pages" view, with "Publish
    # immediately", published every language's current strings: a translator's unsubmitted
    # Dutch went live, logged as published by the editor, who may not publish Dutch. With "Use
    # machine translation" (for someone who may edit every language) it published unchecked
    # machine translations as well.
    translation = translation_of(post, "nl")
    dutch_title = live(post, "nl").title
    type_without_submitting(client, "translator-nl", translation, "title", UNSUBMITTED)
    post.summary = "A summary no language has translated yet."
    post.save_revision().publish()
    source = translation.source
    started = timezone.now()
    url = reverse("wagtail_localize:update_translations", args=[source.pk])

    login(client, "editor")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"publish_translations": "on"}, follow=True)
    dutch = live(post, "nl")
    assert dutch.live and dutch.title == dutch_title
    assert UNSUBMITTED not in client.get(dutch.url).content.decode()
    assert dutch.get_latest_revision_as_object().title == UNSUBMITTED  # kept, for review
    assert "brought up to date" in response.content.decode()

    client.force_login(
        get_user_model().objects.create_superuser("root", "root@example.org", "x" * 20)
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"publish_translations": "on", "use_machine_translation": "on"})
    assert live(post, "nl").title == dutch_title
    assert live(post, "he").summary.startswith("[he] ")  # the approved summary is still live
    assert not (
        StringTranslation.objects.filter(
            translation_of__in=StringSegment.objects.filter(source=source).values("string"),
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        )
        .exclude(tool_name=PREVIOUS_TRANSLATION)  # kept where the English changed, to confirm
        .exists()
    )
    assert not PageLogEntry.objects.filter(
        page__translation_key=post.translation_key,
        page__locale__language_code__in=["nl", "he"],
        action="wagtail.publish",
        timestamp__gte=started,
    ).exists()
    form = client.get(url).content.decode()  # and the view no longer offers either option
    assert 'name="publish_translations"' not in form
    assert 'name="use_machine_translation"' not in form


def test_no_other_wagtail_localize_route_lets_a_non_reviewer_publish_dutch(
    client, team, post, django_capture_on_commit_callbacks
):
    # The other routes that publish or convert a translation (the translation editor's
    # "Publish" for pages and snippets, "Convert to alias") are open only to its reviewers.
    dutch = live(post, "nl")
    english_footer = helpers.footer("nl")
    footer = Footer.objects.get(translation_key=english_footer.translation_key, locale=locale("nl"))
    footer_segment = StringSegment.objects.filter(
        source=translation_of(footer, "nl").source, context__path__startswith="contact_text"
    ).first()
    type_without_submitting(
        client, "translator-nl", translation_of(post, "nl"), "title", UNSUBMITTED
    )
    login(client, "translator-nl")
    response = client.put(
        reverse(
            "wagtail_localize:edit_string_translation",
            args=[translation_of(footer, "nl").pk, footer_segment.pk],
        ),
        f"value={UNSUBMITTED}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    started = timezone.now()
    page_edit = reverse("wagtailadmin_pages:edit", args=[dutch.pk])
    footer_edit = reverse("wagtailsnippets_site_core_footer:edit", args=[footer.pk])
    attempts = [
        ("translator-nl", page_edit, {"action": "publish"}),
        ("translator-nl", footer_edit, {"action": "publish"}),
        ("translator-nl", reverse("wagtail_localize:convert_to_alias", args=[dutch.pk]), {}),
        ("editor", page_edit, {"action": "publish"}),
        ("editor", footer_edit, {"action": "publish"}),
    ]
    for username, url, data in attempts:
        login(client, username)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, data)
        # refused: 403, or Wagtail's redirect to the dashboard with "permission denied"
        assert response.status_code in {302, 403}, (username, url)
        dutch = live(post, "nl")
        assert dutch.title != UNSUBMITTED and dutch.alias_of_id is None, (username, url)
        assert UNSUBMITTED not in Footer.objects.get(pk=footer.pk).contact_text, (username, url)
    assert not PageLogEntry.objects.filter(
        page=dutch, action="wagtail.publish", timestamp__gte=started
    ).exists()


def test_translating_a_section_with_its_subtree_leaves_existing_live_translations_alone(
    client, team
):
    # Defect guarded: wagtail-localize's "Translate this page" with "Include subtree" re-saved
    # every existing translation below with save_target(publish=False), which writes the
    # translator's current strings into the live row: their unsubmitted Dutch went public.
    english_home = Page.objects.get(depth=2, locale__language_code="en")
    section = StandardPage(title="Campaigns", slug="campaigns-subtree")
    english_home.add_child(instance=section)
    section.save_revision().publish()
    child = StandardPage(title="Free the detained", slug="free-the-detained")
    section.add_child(instance=child)
    child.save_revision().publish()
    # The Dutch section is an alias (it shows the English page), so it can be translated; its
    # child has a reviewed, live Dutch translation.
    section.copy_for_translation(locale("nl"), alias=True)
    dutch_child = translate_and_publish(child, "nl")
    approved_title = dutch_child.title
    type_without_submitting(
        client, "translator-nl", translation_of(child, "nl"), "title", UNSUBMITTED
    )

    login(client, "editor")
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[section.pk]),
        {"locales": [locale("nl").pk], "include_subtree": "on"},
    )
    assert response.status_code == 302
    assert Translation.objects.get(
        source__object_id=section.translation_key, target_locale=locale("nl")
    ).enabled  # the section was translated

    dutch_child = StandardPage.objects.get(pk=dutch_child.pk)
    assert dutch_child.live and dutch_child.title == approved_title
    page = client.get(dutch_child.url).content.decode()
    assert approved_title in page and UNSUBMITTED not in page
    assert dutch_child.get_latest_revision_as_object().title == UNSUBMITTED  # kept, for review
    dutch_section = section.get_translation(locale("nl")).specific
    assert dutch_section.live and dutch_section.title == "Campaigns"  # English until reviewed


def test_pulling_in_a_related_snippet_for_translation_keeps_its_translation_live(client, team):
    # Defect guarded: "Translate this page" also submits the translatable snippets a page points
    # to; wagtail-localize re-saved an existing translation of one with save_target(publish=
    # False): it was unpublished, its row rewritten with the translator's unsubmitted strings.
    # (This site's pages link no snippet yet: the creator is driven as the view drives it.)
    english = category("nl")
    dutch = NewsCategory.objects.get(translation_key=english.translation_key, locale=locale("nl"))
    approved_name = dutch.name
    assert dutch.live
    type_without_submitting(
        client, "translator-nl", translation_of(english, "nl"), "name", UNSUBMITTED
    )

    creator = ReviewedTranslationCreator(team.editor, [locale("nl")])
    creator.create_translations(english, include_related_objects=False)

    dutch.refresh_from_db()
    assert dutch.live and dutch.name == approved_name
    assert dutch.latest_revision.as_object().name == UNSUBMITTED  # kept, for review
