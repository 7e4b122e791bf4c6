"""Roles: one translators' and one reviewers' group per language, and the demo team in them."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand

from wagtail.models import (
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
)

import pytest

from site_core.translation_workflow.groups import (
    reviewer_group_name,
    translator_group_name,
)
from tests.translation_workflow.helpers import (
    LANGUAGES,
)
from tools.demo.progress import Progress
from tools.demo.users import DEMO_USERS, create_demo_users

pytestmark = pytest.mark.django_db


def test_setup_roles_makes_one_translator_and_reviewer_group_per_language_and_is_idempotent(team):
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
        # Only Dutch has a reviewer in the team: the editors stand in for the other languages.
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
    # The demo's accounts, made as load_demo makes them (on the empty site, which has the groups).
    create_demo_users(Progress(BaseCommand(stdout=StringIO()), len(DEMO_USERS), verbosity=0))
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
