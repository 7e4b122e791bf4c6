"""Publishing the English source keeps translations in step without publishing unreviewed text,
works for every role that may publish English, tells people when it fails, and a language with no
reviewer still has someone to review it — through the real admin views."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import GroupPagePermission, Page, WorkflowPage
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object

import pytest

from news.models import NewsCategory, NewsPage
from site_core import translation_review
from site_core.models import Footer
from site_core.roles import EDITORS, reviewer_group_name, setup_roles
from tests.utils import locale

pytestmark = pytest.mark.django_db

UNSUBMITTED = "UNSUBMITTED-TRANSLATOR-TEXT-41c9"


def login(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


def translation_of(instance, code):
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale__language_code=code
    )


def type_without_submitting(client, username, translation, path, text):
    """What a translator does in wagtail-localize's editor: save one string, submit nothing."""
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    login(client, username)
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        f"value={text}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    client.logout()


POST = {
    "title": "Vigil for the detained",
    "slug": "vigil-for-the-detained",
    "summary": "Candles were lit in front of the consulate.",
    "author": "A reporter",
    "paragraph": "<p>Hundreds of people came.</p>",
}


@pytest.fixture
def post():
    """A new English post, translated into Dutch and Hebrew and published in both."""
    index = Page.objects.get(depth=3, locale__language_code="en", slug="news").specific
    page = NewsPage(
        title=POST["title"],
        slug=POST["slug"],
        summary=POST["summary"],
        author=POST["author"],
        body=[("paragraph", POST["paragraph"])],
        date=timezone.make_aware(datetime.datetime(2026, 11, 20, 10, 0)),
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    for code in ("nl", "he"):
        translate_object(page, [locale(code)])
        translation = translation_of(page, code)
        for segment in StringSegment.objects.filter(source=translation.source).select_related(
            "string", "context"
        ):
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=translation.target_locale,
                context=segment.context,
                defaults={"data": f"{code.upper()} {segment.string.data}"},
            )
        translation.save_target(publish=False)
        translation.get_target_instance().get_latest_revision().publish()
    return page


def publish_through_the_admin(client, page, date):
    """The English post's edit form, posted with "Publish" (the text itself unchanged)."""
    body = streamfield([("paragraph", rich_text(POST["paragraph"]))])
    body["0"]["id"] = page.body[0].id  # as the editor's browser sends it: the same block
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        nested_form_data(
            {
                "title": POST["title"],
                "slug": POST["slug"],
                "date": date,
                "author": POST["author"],
                "summary": POST["summary"],
                "hero_image_alt": "",
                "body": body,
                "tags": "",
                "related_posts": inline_formset([]),
            }
        )
        | {"action-publish": "action-publish"},
        follow=True,
    )
    assert response.status_code == 200
    page.refresh_from_db()
    assert page.date.strftime("%Y-%m-%d %H:%M") == date, "the English post was not published"
    return response


def live(page, code):
    return NewsPage.objects.get(translation_key=page.translation_key, locale__language_code=code)


# --- unreviewed text never goes live -----------------------------------------------------------


def test_republishing_english_keeps_a_translators_unsubmitted_page_text_in_the_draft(client, post):
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


def test_republishing_an_english_category_keeps_unsubmitted_snippet_text_in_the_draft(client):
    # Defect guarded: the same for snippets (news categories, footer): the sync published them.
    english = NewsCategory.objects.filter(locale__language_code="en").order_by("pk").first()
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


def test_a_translation_in_review_stays_in_review_and_still_gets_synchronised_fields(client, post):
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


# --- the sync works for editors, and failures are seen ----------------------------------------


def test_an_editor_publishing_english_in_the_admin_updates_dutch_and_hebrew(client, post):
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
        assert translated.title.startswith(code.upper())
        assert f"{code.upper()} Hundreds of people came." in str(translated.body[0].value)


def test_a_failed_sync_is_shown_to_the_publisher_and_e_mailed_to_the_reviewers(
    client, post, monkeypatch
):
    # Defect guarded: a failed sync was only logged; nobody who could act knew.
    copy = translation_review.copy_synchronised_fields

    def broken(original, target):
        if target.locale.language_code == "nl":
            raise RuntimeError("simulated failure")
        copy(original, target)

    monkeypatch.setattr(translation_review, "copy_synchronised_fields", broken, raising=False)
    login(client, "editor")
    mail.outbox.clear()
    response = publish_through_the_admin(client, post, "2026-10-02 09:30")
    assert "could not be updated" in response.content.decode()
    assert "Nederlands" in response.content.decode() or "Dutch" in response.content.decode()
    notices = [m for m in mail.outbox if "not updated" in m.subject]
    assert [m.to for m in notices] == [["reviewer-nl@example.org"]]
    assert live(post, "nl").date != post.date  # the failed language kept its old version
    assert live(post, "he").date == post.date  # the others were still updated


# --- a language without a reviewer ------------------------------------------------------------


def test_hebrew_submissions_go_to_the_editors_who_can_approve_them(client):
    # Defect guarded: Hebrew has a translator and no reviewer: a submission went to nobody.
    post = NewsPage.objects.filter(locale__language_code="en").order_by("path").first()
    translation = translation_of(post, "he")
    type_without_submitting(client, "translator-he", translation, "title", "כותרת חדשה")
    login(client, "translator-he")
    mail.outbox.clear()
    response = client.post(reverse("site_translation_submit", args=[translation.pk]), follow=True)
    assert "Emma Editor" in response.content.decode()  # the translator is told who reviews
    assert {address for m in mail.outbox for address in m.to} == {"editor@example.org"}

    login(client, "editor")
    hebrew = live(post, "he")
    assert client.get(reverse("wagtailadmin_pages:edit", args=[hebrew.pk])).status_code == 200
    client.post(reverse("site_translation_review", args=[translation.pk]), {"action": "approve"})
    hebrew = live(post, "he")
    assert hebrew.live and hebrew.title == "כותרת חדשה" and not hebrew.workflow_in_progress


def test_hebrew_snippet_submissions_go_to_the_editors_too(client):
    footer = Footer.objects.get(locale__language_code="he")
    translation = translation_of(footer, "he")
    segment = StringSegment.objects.filter(source=translation.source).first()
    type_without_submitting(client, "translator-he", translation, segment.context.path, "טקסט")
    login(client, "translator-he")
    mail.outbox.clear()
    response = client.post(reverse("site_translation_submit", args=[translation.pk]), follow=True)
    assert "Emma Editor" in response.content.decode()
    assert [m.to for m in mail.outbox] == [["editor@example.org"]]


def test_the_fallback_survives_setup_roles_and_ends_when_hebrew_gets_a_reviewer():
    call_command("setup_roles", verbosity=0)
    setup_roles()
    editors = Group.objects.get(name=EDITORS)
    hebrew_home = Page.objects.get(depth=2, locale__language_code="he")
    dutch_home = Page.objects.get(depth=2, locale__language_code="nl")

    def editor_rights(home):
        return set(
            GroupPagePermission.objects.filter(group=editors, page=home).values_list(
                "permission__codename", flat=True
            )
        )

    def task_groups(home):
        task = WorkflowPage.objects.get(page=home).workflow.tasks.get().specific
        return set(task.groups.values_list("name", flat=True))

    assert "publish_page" in editor_rights(hebrew_home)
    assert task_groups(hebrew_home) == {reviewer_group_name("he"), EDITORS}
    assert editor_rights(dutch_home) == set()  # Dutch has its own reviewer
    assert task_groups(dutch_home) == {reviewer_group_name("nl")}

    reviewer = get_user_model().objects.create_user("reviewer-he", "r-he@example.org", "x" * 16)
    reviewer.groups.add(Group.objects.get(name=reviewer_group_name("he")))
    assert editor_rights(hebrew_home) == set()
    assert task_groups(hebrew_home) == {reviewer_group_name("he")}
    reviewer.groups.clear()
    assert "publish_page" in editor_rights(hebrew_home)
