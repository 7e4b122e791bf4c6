"""A language without an active reviewer still has someone to review it: the editors stand in."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import (
    GroupPagePermission,
    Page,
    WorkflowPage,
)
from wagtail_localize.models import (
    StringSegment,
)

import pytest

from site_core.translation_workflow.groups import EDITORS, reviewer_group_name
from site_core.translation_workflow.roles import setup_roles
from tests.translation_workflow.helpers import (
    footer,
    live,
    login,
    translated_post,
    translation_of,
    type_without_submitting,
)

pytestmark = pytest.mark.django_db


def test_hebrew_submissions_go_to_the_editors_who_can_approve_them(client, team):
    # Defect guarded: Hebrew has a translator and no reviewer: a submission went to nobody.
    post = translated_post("he")
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


def test_hebrew_snippet_submissions_go_to_the_editors_too(client, team):
    translation = translation_of(footer("he"), "he")
    segment = StringSegment.objects.filter(source=translation.source).first()
    type_without_submitting(client, "translator-he", translation, segment.context.path, "טקסט")
    login(client, "translator-he")
    mail.outbox.clear()
    response = client.post(reverse("site_translation_submit", args=[translation.pk]), follow=True)
    assert "Emma Editor" in response.content.decode()
    assert [m.to for m in mail.outbox] == [["editor@example.org"]]


def test_the_fallback_survives_setup_roles_and_ends_when_hebrew_gets_a_reviewer(team):
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


def deactivate_in_the_admin(client, user):
    """The admin's user form, saved with "active" unticked (the groups stay as they are)."""
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "x" * 20)
    client.force_login(admin)
    url = reverse("wagtailusers_users:edit", args=[user.pk])
    form = client.get(url).context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if name in form.fields and value is not None and name not in {"is_active", "password"}
    }
    data["groups"] = [group.pk for group in user.groups.all()]
    data |= {"password1": "", "password2": ""}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    user.refresh_from_db()
    assert not user.is_active and user.groups.exists()


def dutch_review_is_covered_by_the_editors():
    task = WorkflowPage.objects.get(page__depth=2, page__locale__language_code="nl")
    groups = set(task.workflow.tasks.get().specific.groups.values_list("name", flat=True))
    editors_may_publish = GroupPagePermission.objects.filter(
        group__name=EDITORS,
        page__depth=2,
        page__locale__language_code="nl",
        permission__codename="publish_page",
    ).exists()
    return EDITORS in groups, editors_may_publish


def test_deactivating_the_last_dutch_reviewer_hands_dutch_review_to_the_editors(client, team):
    # Defect guarded: the admin's user form changes no groups when it deactivates someone, so
    # the fallback did not react: the translator was told "reviewed by Emma Editor", but the
    # Dutch task still had only its (now empty) reviewers group and editors could not publish.
    assert dutch_review_is_covered_by_the_editors() == (False, False)
    deactivate_in_the_admin(client, get_user_model().objects.get(username="reviewer-nl"))
    assert dutch_review_is_covered_by_the_editors() == (True, True)

    reviewer = get_user_model().objects.get(username="reviewer-nl")
    reviewer.is_active = True
    reviewer.save()
    assert dutch_review_is_covered_by_the_editors() == (False, False)


def test_deleting_the_last_dutch_reviewer_hands_dutch_review_to_the_editors(client, team):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "x" * 20)
    client.force_login(admin)
    reviewer = get_user_model().objects.get(username="reviewer-nl")
    response = client.post(reverse("wagtailusers_users:delete", args=[reviewer.pk]))
    assert response.status_code == 302
    assert not get_user_model().objects.filter(username="reviewer-nl").exists()
    assert dutch_review_is_covered_by_the_editors() == (True, True)
