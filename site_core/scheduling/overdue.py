"""What should have gone live (or been unpublished) by now but has not: the scheduler is late,
usually because no background worker runs. Each person sees what they may edit or publish: a
translator only their language's pages and snippets.

Overdue means more than two scheduler intervals late (``overdue_cutoff``): a go-live time that
passed a few seconds ago is the worker's next run, not a problem.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone

from wagtail.models import DraftStateMixin, Revision, TranslatableMixin
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import get_snippet_models

from site_core.translation_workflow.permissions import ALL, editable_locale_ids

PUBLISH = "publish"
UNPUBLISH = "unpublish"


@dataclass(frozen=True)
class OverdueItem:
    title: str
    locale: str
    action: str  # PUBLISH (go-live time passed) or UNPUBLISH (expiry time passed)
    due: datetime
    edit_url: str


def overdue_cutoff(now=None):
    return (now or timezone.now()) - timedelta(seconds=2 * settings.SCHEDULED_PUBLISHING_INTERVAL)


def go_live_due(model, cutoff):
    """The earliest approved go-live time before ``cutoff`` of each object of ``model`` (a
    subquery for ``annotate``: revisions name their object by a text id)."""
    parents = model._meta.get_parent_list()  # as RevisionMixin.get_base_content_type
    base = ContentType.objects.get_for_model(parents[-1] if parents else model, False)
    revisions = Revision.objects.filter(
        base_content_type=base,
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
        approved_go_live_at__lt=cutoff,
    ).order_by("approved_go_live_at")
    return Subquery(revisions.values("approved_go_live_at")[:1])


def _overdue(queryset, cutoff):
    """(object, action, due) for the objects of ``queryset`` late to go live or to expire."""
    late = queryset.annotate(go_live_due=go_live_due(queryset.model, cutoff))
    rows = [(obj, PUBLISH, obj.go_live_due) for obj in late.filter(go_live_due__isnull=False)]
    expired = queryset.filter(live=True, expire_at__lt=cutoff)
    return rows + [(obj, UNPUBLISH, obj.expire_at) for obj in expired]


def _locale_name(obj):
    locale = getattr(obj, "locale", None)
    return locale.get_display_name() if locale else ""


def overdue_pages(user, cutoff):
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    return [
        OverdueItem(
            page.get_admin_display_title(),
            _locale_name(page),
            action,
            due,
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
        )
        for page, action, due in _overdue(pages.select_related("locale"), cutoff)
    ]


def _snippets_in_scope(model, user, locales):
    """The objects of snippet ``model`` that ``user`` may change (in their languages)."""
    meta = model._meta
    if not user.has_perm(f"{meta.app_label}.change_{meta.model_name}"):
        return model.objects.none()
    objects = model.objects.all()
    if issubclass(model, TranslatableMixin):
        objects = objects.select_related("locale")
        if locales != ALL:
            objects = objects.filter(locale_id__in=locales)
    return objects


def overdue_snippets(user, cutoff):
    locales = editable_locale_ids(user)
    items = []
    for model in get_snippet_models():
        if not issubclass(model, DraftStateMixin):
            continue
        edit = model.snippet_viewset.get_url_name("edit")
        for obj, action, due in _overdue(_snippets_in_scope(model, user, locales), cutoff):
            url = reverse(edit, args=[quote(obj.pk)])
            items.append(OverdueItem(str(obj), _locale_name(obj), action, due, url))
    return items


def overdue_for(user, now=None):
    """Everything ``user`` may edit that is overdue, the longest overdue first."""
    cutoff = overdue_cutoff(now)
    items = overdue_pages(user, cutoff) + overdue_snippets(user, cutoff)
    return sorted(items, key=lambda item: item.due)


def passed_times(obj, now=None):
    """(action, time) for each scheduled time of ``obj`` that has passed without effect: its
    approved go-live time while not yet published, its expiry time while still live."""
    now = now or timezone.now()
    passed = []
    scheduled = obj.scheduled_revision
    if scheduled is not None and scheduled.approved_go_live_at < now:
        passed.append((PUBLISH, scheduled.approved_go_live_at))
    if obj.live and obj.expire_at and obj.expire_at < now:
        passed.append((UNPUBLISH, obj.expire_at))
    return passed
