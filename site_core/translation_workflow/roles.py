"""The people who run the site, as Wagtail groups, page permissions and review workflows.

- "Editors": the source language (English): write, arrange, publish; start translations and sync
  them (wagtail-localize's "submit translation" permission).
- "Translators – <language>": translate and edit that language's pages and snippets; cannot
  publish or create pages. Their work goes to review.
- "Reviewers – <language>": everything a translator can, plus approve, publish and unpublish in
  that language.
- A workflow "<language> review" on each translated language's home page: one task, approved by
  that language's reviewers (who alone are notified).
- A language with no active reviewer is never a dead end: the Editors stand in (they approve its
  task, are notified and may publish in it) until it has one (``apply_review_fallback``, run by
  ``setup_roles`` and whenever someone joins or leaves a group).

``setup_roles`` applies this; running it again repairs drift and adds new languages.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import get_language_info

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from site_core.translation_workflow.models import LanguageReviewTask

EDITORS = "Editors"
TRANSLATORS = "Translators – {language}"
REVIEWERS = "Reviewers – {language}"
WORKFLOW = "{language} review"
TASK = "Approval by {language} reviewers"

# Who reviews a language (``review_team``): its reviewers, else the editors, else administrators.
TEAM_REVIEWERS, TEAM_EDITORS, TEAM_ADMINISTRATORS = "reviewers", "editors", "administrators"

TRANSLATABLE_SNIPPETS = ("site_core.footer", "news.newscategory")

EDITOR_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
)
# Translators work on the pages that exist in English; creating pages is a reviewer's call.
TRANSLATOR_PAGE_PERMISSIONS = ("change_page",)
REVIEWER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")


def language_name(code: str) -> str:
    """The English name of a language, for group and workflow names (e.g. "Dutch")."""
    try:
        return get_language_info(code)["name"]
    except KeyError:
        return code


def translator_group_name(code):
    return TRANSLATORS.format(language=language_name(code))


def reviewer_group_name(code):
    return REVIEWERS.format(language=language_name(code))


def workflow_name(code):
    return WORKFLOW.format(language=language_name(code))


def locale_home(locale):
    """The root of a locale's tree (its home page), or None while it has none."""
    return Page.objects.filter(depth=2, locale=locale).order_by("path").first()


@dataclass
class Report:
    lines: list = field(default_factory=list)
    missing: list = field(default_factory=list)

    def add(self, line):
        self.lines.append(line)


def _permissions(*names):
    """Permission objects from "app_label.codename" names."""
    found = []
    for name in names:
        app_label, codename = name.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def _snippet_permissions(*actions):
    names = []
    for label in TRANSLATABLE_SNIPPETS:
        app_label, model = label.split(".")
        names += [f"{app_label}.{action}_{model}" for action in actions]
    return names


def _set_exactly(model, group, target_field, target, permissions):
    """The group holds exactly ``permissions`` on exactly ``target`` in ``model`` (idempotent).

    ``model`` is GroupPagePermission (target: a page) or GroupCollectionPermission (a collection).
    """
    permissions = list(permissions)
    model.objects.filter(group=group).exclude(
        **{target_field: target, "permission__in": permissions}
    ).delete()
    for permission in permissions:
        model.objects.get_or_create(group=group, permission=permission, **{target_field: target})


def _set_page_permissions(group, page, codenames):
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=codenames
    )
    _set_exactly(GroupPagePermission, group, "page", page, permissions)


def _set_collection_permissions(group, codenames):
    permissions = Permission.objects.filter(
        content_type__app_label__in=["wagtailimages", "wagtaildocs"], codename__in=codenames
    )
    _set_exactly(
        GroupCollectionPermission,
        group,
        "collection",
        Collection.get_first_root_node(),
        permissions,
    )


def _group(name, permissions, report):
    group, created = Group.objects.get_or_create(name=name)
    group.permissions.set(permissions)
    report.add(f"{'Created' if created else 'Checked'} group: {name}")
    return group


def _workflow(code, home, reviewers, report):
    name = workflow_name(code)
    workflow, created = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task_name = TASK.format(language=language_name(code))
    task = LanguageReviewTask.objects.filter(name=task_name).first()
    if task is None:
        task = LanguageReviewTask.objects.create(name=task_name)
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
    task.groups.set([reviewers])
    GroupApprovalTask.objects.filter(name=task_name).update(active=False)  # an older setup's
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    report.add(f"{'Created' if created else 'Checked'} workflow: {name} on {home.url_path}")
    return workflow


@transaction.atomic
def setup_roles(progress=None) -> Report:
    """Create or repair every group, permission and workflow; returns what was done."""
    report = Report()
    say = progress or (lambda line: None)
    admin_access = "wagtailadmin.access_admin"
    collections = ("add_image", "choose_image", "add_document", "choose_document")

    source = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    source_home = source and locale_home(source)
    if source_home is None:
        report.missing.append(settings.LANGUAGE_CODE)
        say(f"No {settings.LANGUAGE_CODE} home page yet: create the site (load_demo) first.")
        return report

    editors = _group(
        EDITORS,
        _permissions(
            admin_access,
            "wagtail_localize.submit_translation",
            *_snippet_permissions("add", "change", "delete", "publish"),
        ),
        report,
    )
    _set_collection_permissions(editors, (*collections, "change_image", "change_document"))
    say(report.lines[-1])

    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        locale = Locale.objects.filter(language_code=code).first()
        home = locale and locale_home(locale)
        if home is None:
            report.missing.append(code)
            say(
                f"{language_name(code)}: no home page in this language yet. Translate the home "
                "page (Pages → Translate this page), then run setup_roles again."
            )
            continue
        translators = _group(
            translator_group_name(code),
            _permissions(admin_access, *_snippet_permissions("change")),
            report,
        )
        _set_page_permissions(translators, home, TRANSLATOR_PAGE_PERMISSIONS)
        _set_collection_permissions(translators, ("choose_image", "choose_document"))
        reviewers = _group(
            reviewer_group_name(code),
            _permissions(admin_access, *_snippet_permissions("change", "publish")),
            report,
        )
        _set_page_permissions(reviewers, home, REVIEWER_PAGE_PERMISSIONS)
        _set_collection_permissions(reviewers, ("choose_image", "choose_document"))
        _workflow(code, home, reviewers, report)
        say(f"{language_name(code)}: translators, reviewers and review workflow ready")
    for code in apply_review_fallback():
        report.add(f"{language_name(code)} has no reviewer: the editors review it")
        say(report.lines[-1])
    require_two_factor(report)
    return report


# --- languages without a reviewer -------------------------------------------------------------


def _active_members(group_name):
    return get_user_model().objects.filter(groups__name=group_name, is_active=True).distinct()


def review_team(code):
    """Who reviews a language now: (users, one of the ``TEAM_*`` names).

    Its reviewers; when it has none, the editors; when there are none either, the administrators.
    """
    reviewers = _active_members(reviewer_group_name(code))
    if reviewers.exists():
        return list(reviewers), TEAM_REVIEWERS
    editors = _active_members(EDITORS)
    if editors.exists():
        return list(editors), TEAM_EDITORS
    return list(get_user_model().objects.filter(is_superuser=True, is_active=True)), (
        TEAM_ADMINISTRATORS
    )


@transaction.atomic
def apply_review_fallback():
    """Editors stand in for the reviewers of every language that has no active reviewer.

    They join its review task (so they are notified and may approve) and get the reviewers' page
    permissions in its tree (so they may open, approve and publish what they review); both are
    taken back once the language has a reviewer. Returns the languages covered by the editors.
    """
    editors = Group.objects.filter(name=EDITORS).first()
    source = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    source_home = source and locale_home(source)
    if editors is None or source_home is None:
        return []
    wanted = {source_home: EDITOR_PAGE_PERMISSIONS}
    covered = []
    for code, _name in settings.LANGUAGES:
        locale = Locale.objects.filter(language_code=code).first()
        home = locale and locale_home(locale)
        reviewers = Group.objects.filter(name=reviewer_group_name(code)).first()
        if code == settings.LANGUAGE_CODE or home is None or reviewers is None:
            continue
        groups = [reviewers]
        if not _active_members(reviewers.name).exists():
            groups.append(editors)
            wanted[home] = REVIEWER_PAGE_PERMISSIONS
            covered.append(code)
        task = LanguageReviewTask.objects.filter(
            name=TASK.format(language=language_name(code))
        ).first()
        if task is not None:
            task.groups.set(groups)
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
    return covered


@receiver(m2m_changed, sender=get_user_model().groups.through)
def _review_teams_changed(sender, action, **kwargs):
    """Someone joined or left a group: a language may have gained or lost its last reviewer."""
    if action in {"post_add", "post_remove", "post_clear"}:
        apply_review_fallback()


def _reviews_or_edits(user):
    names = [EDITORS] + [reviewer_group_name(code) for code, _name in settings.LANGUAGES]
    return user.groups.filter(name__in=names).exists()


@receiver(post_save, sender=get_user_model())
def _reviewer_activated_or_deactivated(sender, instance, created, update_fields=None, **kwargs):
    """An account switched on or off (the admin's user form changes no groups when it does):
    a language may have gained or lost its last active reviewer, or the editors their last one."""
    if created or (update_fields is not None and "is_active" not in update_fields):
        return  # a new account has no groups yet; signing in saves only ``last_login``
    if _reviews_or_edits(instance):
        apply_review_fallback()


@receiver(post_delete, sender=get_user_model())
def _reviewer_deleted(sender, instance, **kwargs):
    """A deleted account leaves its groups without a signal of their own."""
    apply_review_fallback()


def require_two_factor(report):
    """Editors and reviewers hold wagtail-2fa's "Enable 2FA" permission
    (site_core.security.two_factor):
    where two-factor sign-in is required (TWO_FACTOR_REQUIRED), they must use it. Administrators
    must as well (they hold every permission); translators may."""
    from site_core.security.two_factor import permission

    names = [EDITORS] + [
        reviewer_group_name(code)
        for code, _name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]
    for group in Group.objects.filter(name__in=names):
        group.permissions.add(permission())
    report.add("Two-factor sign-in: editors and reviewers")
