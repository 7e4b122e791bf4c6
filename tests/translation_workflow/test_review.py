"""Review: a translator submits, the language's reviewer approves or requests changes (with a
comment), and readers see only approved text."""

from django.core import mail
from django.urls import reverse

from wagtail.models import (
    Page,
    WorkflowState,
)
from wagtail_localize.models import (
    StringSegment,
)

import pytest

from site_core.models import Footer
from tests.translation_workflow.helpers import (
    assert_refused,
    footer,
    grid_cells,
    login,
    translated_post,
    translation_of,
)
from tests.utils import locale

pytestmark = pytest.mark.django_db


def test_translator_submits_dutch_reviewer_approves_and_reader_sees_it(client, team):
    post = translated_post("nl")
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


def test_snippet_translations_wait_for_the_reviewer(client, team):
    english = footer("nl")
    translation = translation_of(english, "nl")
    dutch = Footer.objects.get(translation_key=english.translation_key, locale=locale("nl"))
    segment = StringSegment.objects.filter(source=translation.source).first()
    login(client, "translator-nl")
    client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        "value=Nieuwe+voettekst",
        content_type="application/x-www-form-urlencoded",
    )
    mail.outbox.clear()
    client.post(reverse("site_translation_submit", args=[translation.pk]))
    dutch.refresh_from_db()
    assert dutch.has_unpublished_changes and "Nieuwe voettekst" not in dutch.contact_text
    assert [m.to for m in mail.outbox] == [["reviewer-nl@example.org"]]
    login(client, "reviewer-nl")
    client.post(
        reverse("wagtailsnippets_site_core_footer:edit", args=[dutch.pk]), {"action": "publish"}
    )
    dutch.refresh_from_db()
    assert "Nieuwe voettekst" in dutch.contact_text


def test_requesting_changes_from_the_dashboard_needs_a_comment_too(client, submitted_dutch_post):
    dutch, _translation = submitted_dutch_post
    post = dutch.get_translation(locale("en"))
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
