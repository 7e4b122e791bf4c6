"""Publishing the English source keeps translations in step without publishing unreviewed text,
works for every role that may publish English, and tells people when it fails."""

import datetime

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils.translation import override

from wagtail.contrib.redirects.models import Redirect
from wagtail.users.models import UserProfile

import pytest

from news.models import NewsCategory
from tests.translation_workflow.helpers import (
    UNSUBMITTED,
    break_dutch_sync,
    category,
    live,
    login,
    publish_through_the_admin,
    translation_of,
    type_without_submitting,
)
from tests.utils import locale

pytestmark = pytest.mark.django_db


def test_republishing_english_keeps_a_translators_unsubmitted_page_text_in_the_draft(
    client, team, post
):
    # Defect guarded: the sync rebuilt the live Dutch page from the current strings and published
    # it, so text a translator had saved but not submitted went public with no reviewer.
    dutch_title = live(post, "nl").title
    type_without_submitting(
        client, "translator-nl", translation_of(post, "nl"), "title", UNSUBMITTED
    )

    post.date = post.date - datetime.timedelta(days=3)  # a synchronised field
    post.save_revision().publish()

    dutch = live(post, "nl")
    assert dutch.live and dutch.title == dutch_title
    assert abs(dutch.date - post.date) < datetime.timedelta(seconds=1)  # the date did reach it
    assert dutch.has_unpublished_changes
    assert dutch.get_latest_revision_as_object().title == UNSUBMITTED  # the translator's draft
    assert UNSUBMITTED not in client.get(dutch.url).content.decode()
    # Hebrew, with nothing pending, got the date and has no draft waiting
    hebrew = live(post, "he")
    assert abs(hebrew.date - post.date) < datetime.timedelta(seconds=1)
    assert not hebrew.has_unpublished_changes


def test_republishing_an_english_category_keeps_unsubmitted_snippet_text_in_the_draft(client, team):
    # Defect guarded: the same for snippets (news categories, footer): the sync published them.
    english = category("nl")
    dutch = NewsCategory.objects.get(translation_key=english.translation_key, locale=locale("nl"))
    dutch_name = dutch.name
    type_without_submitting(
        client, "translator-nl", translation_of(english, "nl"), "name", UNSUBMITTED
    )

    login(client, "editor")
    response = client.post(
        reverse("wagtailsnippets_news_newscategory:edit", args=[english.pk]),
        {"name": english.name, "slug": f"{english.slug}-renamed", "action-publish": "publish"},
    )
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.slug.endswith("-renamed")

    dutch.refresh_from_db()
    assert dutch.live and dutch.name == dutch_name
    assert dutch.slug == english.slug  # the synchronised field reached the live category
    assert dutch.has_unpublished_changes
    assert dutch.latest_revision.as_object().name == UNSUBMITTED


def test_a_translation_in_review_stays_in_review_and_still_gets_synchronised_fields(
    client, team, post
):
    # Publishing a revision normally cancels the review in progress: the sync must not.
    translation = translation_of(post, "nl")
    type_without_submitting(client, "translator-nl", translation, "title", "Ingediende titel")
    login(client, "translator-nl")
    client.post(reverse("site_translation_submit", args=[translation.pk]))
    assert live(post, "nl").workflow_in_progress

    post.date = post.date - datetime.timedelta(days=1)
    post.save_revision().publish()

    dutch = live(post, "nl")
    assert dutch.workflow_in_progress
    assert abs(dutch.date - post.date) < datetime.timedelta(seconds=1)
    assert dutch.title != "Ingediende titel"
    login(client, "reviewer-nl")
    client.post(reverse("site_translation_review", args=[translation.pk]), {"action": "approve"})
    dutch = live(post, "nl")
    assert dutch.title == "Ingediende titel" and not dutch.has_unpublished_changes
    assert abs(dutch.date - post.date) < datetime.timedelta(seconds=1)


def test_an_editor_publishing_english_in_the_admin_updates_dutch_and_hebrew(client, team, post):
    # Defect guarded: the sync ran as the editor, who may not publish Dutch or Hebrew pages: it
    # failed with a permission error that was only logged, and the translations kept old dates.
    login(client, "editor")
    response = publish_through_the_admin(client, post, "2026-10-01 09:30")
    assert "could not be updated" not in response.content.decode()
    for code in ("nl", "he"):
        translated = live(post, code)
        assert translated.live and translated.date == post.date, code
        # the approved text is kept (the admin's rich text editor adds block keys to the English
        # paragraph: a new structure, which the translation's draft takes up for review)
        assert translated.title.startswith(f"[{code}] ")
        assert f"[{code}] Hundreds of people came." in str(translated.body[0].value)


def test_a_failed_sync_is_shown_to_the_publisher_and_e_mailed_to_the_reviewers(
    client, team, post, monkeypatch
):
    # Defect guarded: a failed sync was only logged; nobody who could act knew.
    break_dutch_sync(monkeypatch)
    login(client, "editor")
    mail.outbox.clear()
    response = publish_through_the_admin(client, post, "2026-10-02 09:30")
    assert "could not be updated" in response.content.decode()
    assert "Nederlands" in response.content.decode() or "Dutch" in response.content.decode()
    notices = [m for m in mail.outbox if "not updated" in m.subject]
    assert [m.to for m in notices] == [["reviewer-nl@example.org"]]
    assert live(post, "nl").date != post.date  # the failed language kept its old version
    assert live(post, "he").date == post.date  # the others were still updated


def test_sync_failure_e_mails_are_written_in_each_recipients_admin_language(
    client, team, post, monkeypatch
):
    profile = UserProfile.get_for_user(get_user_model().objects.get(username="reviewer-nl"))
    profile.preferred_language = "nl"
    profile.save()
    break_dutch_sync(monkeypatch)
    login(client, "editor")
    mail.outbox.clear()
    with override("en"):
        publish_through_the_admin(client, post, "2026-10-03 09:30")
    [notice] = [m for m in mail.outbox if m.to == ["reviewer-nl@example.org"]]
    assert notice.subject.startswith("Vertaling niet bijgewerkt")


def test_a_draft_translation_with_a_new_slug_leaves_no_redirect_and_keeps_the_live_url(
    client, team, post, django_capture_on_commit_callbacks
):
    # Defect guarded: saving a draft wrote it into the page's row and put the live revision
    # back; each slug change made Wagtail create a redirect, so /nl/<draft slug>/ answered 301
    # to the live page (and a redirect from the live path to itself piled up).
    dutch = live(post, "nl")
    live_url, live_path = dutch.url, dutch.url_path
    translation = translation_of(post, "nl")
    redirects = Redirect.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        type_without_submitting(client, "translator-nl", translation, "slug", "onbeoordeelde-slug")
        post.date = post.date - datetime.timedelta(days=2)
        post.save_revision().publish()  # the sync saves the Dutch draft
        login(client, "translator-nl")
        client.post(reverse("site_translation_submit", args=[translation.pk]))
    dutch = live(post, "nl")
    assert dutch.workflow_in_progress  # submitted, with the new slug in its draft
    assert dutch.get_latest_revision_as_object().slug == "onbeoordeelde-slug"
    assert dutch.url_path == live_path
    assert Redirect.objects.count() == redirects
    assert client.get(live_url).status_code == 200
    draft_url = live_url.replace(f"/{dutch.slug}/", "/onbeoordeelde-slug/")
    assert client.get(draft_url).status_code == 404

    # once approved, the page moves, and Wagtail redirects its old address as usual
    login(client, "reviewer-nl")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("site_translation_review", args=[translation.pk]), {"action": "approve"}
        )
    assert client.get(draft_url).status_code == 200
    assert client.get(live_url).status_code == 301
