"""A language with no active reviewer is never a dead end: the Editors stand in.

They approve its review task, are notified and may publish in its tree until it has a reviewer
again (``apply_review_fallback``, run by ``roles.setup_roles`` and whenever someone joins or leaves
a group, or an account is switched on, off or deleted).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from wagtail.models import GroupPagePermission

from site_core.translation_workflow.groups import (
    EDITOR_PAGE_PERMISSIONS,
    EDITORS,
    REVIEWER_PAGE_PERMISSIONS,
    active_members,
    language_home,
    reviewer_group_name,
    reviews_or_edits,
    task_name,
)
from site_core.translation_workflow.models import LanguageReviewTask


@transaction.atomic
def apply_review_fallback():
    """Editors stand in for the reviewers of every language that has no active reviewer.

    They join its review task (so they are notified and may approve) and get the reviewers' page
    permissions in its tree (so they may open, approve and publish what they review); both are
    taken back once the language has a reviewer. Returns the languages covered by the editors.
    """
    editors = Group.objects.filter(name=EDITORS).first()
    source_home = language_home(settings.LANGUAGE_CODE)
    if editors is None or source_home is None:
        return []
    wanted = {source_home: EDITOR_PAGE_PERMISSIONS}
    covered = []
    for code, _name in settings.LANGUAGES:
        home = language_home(code)
        reviewers = Group.objects.filter(name=reviewer_group_name(code)).first()
        if code == settings.LANGUAGE_CODE or home is None or reviewers is None:
            continue
        if _set_review_task_groups(code, reviewers, editors):
            wanted[home] = REVIEWER_PAGE_PERMISSIONS
            covered.append(code)
    _set_editor_page_permissions(editors, wanted)
    return covered


def _set_review_task_groups(code, reviewers, editors):
    """A language's review task goes to its reviewers, and to the editors while none of its
    reviewers is active; True when the editors stand in."""
    groups = [reviewers]
    stand_in = not active_members(reviewers.name).exists()
    if stand_in:
        groups.append(editors)
    task = LanguageReviewTask.objects.filter(name=task_name(code)).first()
    if task is not None:
        task.groups.set(groups)
    return stand_in


def _set_editor_page_permissions(editors, wanted):
    """The editors hold exactly the page permissions of ``wanted`` ({home page: codenames})."""
    keep = []
    for page, codenames in wanted.items():
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=codenames
        ):
            row, _created = GroupPagePermission.objects.get_or_create(
                group=editors, page=page, permission=permission
            )
            keep.append(row.pk)
    GroupPagePermission.objects.filter(group=editors).exclude(pk__in=keep).delete()


@receiver(m2m_changed, sender=get_user_model().groups.through)
def _review_teams_changed(sender, action, **kwargs):
    """Someone joined or left a group: a language may have gained or lost its last reviewer."""
    if action in {"post_add", "post_remove", "post_clear"}:
        apply_review_fallback()


@receiver(post_save, sender=get_user_model())
def _reviewer_activated_or_deactivated(sender, instance, created, update_fields=None, **kwargs):
    """An account switched on or off (the admin's user form changes no groups when it does):
    a language may have gained or lost its last active reviewer, or the editors their last one."""
    if created or (update_fields is not None and "is_active" not in update_fields):
        return  # a new account has no groups yet; signing in saves only ``last_login``
    if reviews_or_edits(instance):
        apply_review_fallback()


@receiver(post_delete, sender=get_user_model())
def _reviewer_deleted(sender, instance, **kwargs):
    """A deleted account leaves its groups without a signal of their own."""
    apply_review_fallback()
