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
  task, are notified and may publish in it) until it has one
  (``review_fallback.apply_review_fallback``, run by ``setup_roles`` and whenever someone joins or
  leaves a group).

The translatable snippets the roles work on are those registered as snippets
(``get_snippet_models``) that are translatable: an app adding or removing one needs no change here.

``setup_roles`` applies this; running it again repairs drift and adds new languages. The group
names come from ``groups`` (re-exported here for the commands that create the demo team).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    Collection,
    DraftStateMixin,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    TranslatableMixin,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.snippets.models import get_snippet_models

from site_core.security.two_factor import permission as two_factor_permission
from site_core.translation_workflow.groups import (
    EDITORS,
    REVIEWER_PAGE_PERMISSIONS,
    TRANSLATOR_PAGE_PERMISSIONS,
    language_home,
    language_name,
    reviewer_group_name,
    task_name,
    translator_group_name,
    workflow_name,
)
from site_core.translation_workflow.models import LanguageReviewTask
from site_core.translation_workflow.review_fallback import apply_review_fallback

__all__ = ["EDITORS", "Report", "reviewer_group_name", "setup_roles", "translator_group_name"]

ADMIN_ACCESS = "wagtailadmin.access_admin"
CHOOSE_MEDIA = ("choose_image", "choose_document")
ADD_MEDIA = ("add_image", "choose_image", "add_document", "choose_document")
EDIT_MEDIA = (*ADD_MEDIA, "change_image", "change_document")


@dataclass
class Report:
    lines: list = field(default_factory=list)
    missing: list = field(default_factory=list)

    def add(self, line):
        self.lines.append(line)


def translatable_snippet_models():
    """The registered snippet models that are translated (e.g. the footer, news categories)."""
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def _permissions(*names):
    """Permission objects from "app_label.codename" names."""
    found = []
    for name in names:
        app_label, codename = name.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def _snippet_permissions(*actions):
    """ "app_label.<action>_<model>" for every translatable snippet ("publish" for those with
    drafts only)."""
    names = []
    for model in translatable_snippet_models():
        app_label, model_name = model._meta.app_label, model._meta.model_name
        names += [
            f"{app_label}.{action}_{model_name}"
            for action in actions
            if action != "publish" or issubclass(model, DraftStateMixin)
        ]
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


def _review_task(code, reviewers):
    """The active review task of a language, approved by its reviewers."""
    name = task_name(code)
    task = LanguageReviewTask.objects.filter(name=name).first()
    if task is None:
        task = LanguageReviewTask.objects.create(name=name)
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
    task.groups.set([reviewers])
    GroupApprovalTask.objects.filter(name=name).update(active=False)  # an older setup's
    return task


def _workflow(code, home, reviewers, report):
    name = workflow_name(code)
    workflow, created = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task = _review_task(code, reviewers)
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    report.add(f"{'Created' if created else 'Checked'} workflow: {name} on {home.url_path}")
    return workflow


def _setup_editors(report):
    editors = _group(
        EDITORS,
        _permissions(
            ADMIN_ACCESS,
            "wagtail_localize.submit_translation",
            *_snippet_permissions("add", "change", "delete", "publish"),
            # Settings → Untranslated items in listings (site_core.languages).
            *(f"languages.{action}_listingfallback" for action in ("add", "change", "delete")),
        ),
        report,
    )
    _set_collection_permissions(editors, EDIT_MEDIA)


def _setup_language(code, home, report):
    """One translated language's translators, reviewers and review workflow on its home page."""
    translators = _group(
        translator_group_name(code),
        _permissions(ADMIN_ACCESS, *_snippet_permissions("change")),
        report,
    )
    _set_page_permissions(translators, home, TRANSLATOR_PAGE_PERMISSIONS)
    _set_collection_permissions(translators, CHOOSE_MEDIA)
    reviewers = _group(
        reviewer_group_name(code),
        _permissions(ADMIN_ACCESS, *_snippet_permissions("change", "publish")),
        report,
    )
    _set_page_permissions(reviewers, home, REVIEWER_PAGE_PERMISSIONS)
    _set_collection_permissions(reviewers, CHOOSE_MEDIA)
    _workflow(code, home, reviewers, report)


@transaction.atomic
def setup_roles(progress=None) -> Report:
    """Create or repair every group, permission and workflow; returns what was done."""
    report = Report()
    say = progress or (lambda line: None)
    if language_home(settings.LANGUAGE_CODE) is None:
        report.missing.append(settings.LANGUAGE_CODE)
        say(f"No {settings.LANGUAGE_CODE} home page yet: create the site (load_demo) first.")
        return report
    _setup_editors(report)
    say(report.lines[-1])
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        home = language_home(code)
        if home is None:
            report.missing.append(code)
            say(
                f"{language_name(code)}: no home page in this language yet. Translate the home "
                "page (Pages → Translate this page), then run setup_roles again."
            )
            continue
        _setup_language(code, home, report)
        say(f"{language_name(code)}: translators, reviewers and review workflow ready")
    for code in apply_review_fallback():
        report.add(f"{language_name(code)} has no reviewer: the editors review it")
        say(report.lines[-1])
    require_two_factor(report)
    return report


def require_two_factor(report):
    """Editors and reviewers hold wagtail-2fa's "Enable 2FA" permission
    (site_core.security.two_factor):
    where two-factor sign-in is required (TWO_FACTOR_REQUIRED), they must use it. Administrators
    must as well (they hold every permission); translators may."""
    names = [EDITORS] + [
        reviewer_group_name(code)
        for code, _name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]
    for group in Group.objects.filter(name__in=names):
        group.permissions.add(two_factor_permission())
    report.add("Two-factor sign-in: editors and reviewers")
