"""Wagtail 8's autosave on new pages, made safe to retry, and its abandoned drafts.

Autosave creates the page at its first save, as a draft, before the editor has saved anything:
the create view answers with the edit view's address, and the browser posts there from then on.
When that answer is lost (a network error: Wagtail's autosave retries up to five times) or the
editor presses "Save draft" before it arrived, the form posts to the create view again and Wagtail
refuses it: the slug is already taken, by the draft that first save created.
``reuse_own_new_draft`` (the ``before_create_page`` hook) sends such a post to the edit view of
that draft instead, when it is unmistakably the same person's fresh draft: same parent, type,
slug and owner, never published, last saved by them within ``REUSE_WITHIN``.

A page created this way and never saved again stays a draft that no reader sees; the translation
overview leaves never-published English pages out of its totals, and
``manage.py clean_abandoned_drafts`` deletes those older than a given age (``abandoned_drafts``).
"""

import datetime
import json

from django.db.models import Exists, OuterRef
from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.views.pages.edit import EditView
from wagtail.models import Page, WorkflowState

REUSE_WITHIN = datetime.timedelta(hours=1)


def _wants_json(request):
    return not request.accepts("text/html")


def own_fresh_draft(request, parent_page, page_class):
    """The draft this user's earlier autosave created for the page being posted, or None."""
    posted = request.POST
    slug = posted.get("slug", "").strip()
    if not slug:
        return None
    candidate = (
        parent_page.get_children()
        .filter(slug=slug, owner=request.user, live=False, first_published_at__isnull=True)
        .filter(latest_revision_created_at__gte=timezone.now() - REUSE_WITHIN)
        .select_related("latest_revision")
        .first()
    )
    if candidate is None or candidate.specific_class is not page_class:
        return None
    revision = candidate.latest_revision
    if revision is None or revision.user_id != request.user.pk:
        return None
    return candidate


def reuse_own_new_draft(request, parent_page, page_class):
    """``before_create_page``: a repeated create of the same new page edits the draft the first
    one made (the same answer as the create view's: where to edit it from now on)."""
    if request.method != "POST":
        return None
    draft = own_fresh_draft(request, parent_page, page_class)
    if draft is None:
        return None
    response = EditView.as_view()(request, page_id=draft.pk)
    if not _wants_json(request) or not isinstance(response, JsonResponse):
        return response
    data = json.loads(response.content)
    if data.get("success"):
        # As the create view answers: the browser moves to the edit view and loads its form.
        edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
        data.pop("html", None)
        data.update(url=edit_url, hydrate_url=f"{edit_url}?_w_hydrate_create_view=1")
    return JsonResponse(data, status=response.status_code)


def abandoned_drafts(older_than):
    """Pages never published and not saved for ``older_than`` (a timedelta): no translation,
    child page, alias or workflow depends on them."""
    cutoff = timezone.now() - older_than
    translations = Page.objects.filter(translation_key=OuterRef("translation_key")).exclude(
        pk=OuterRef("pk")
    )
    return (
        Page.objects.filter(
            depth__gt=2,
            live=False,
            first_published_at__isnull=True,
            last_published_at__isnull=True,
            alias_of__isnull=True,
            locked=False,
            numchild=0,
        )
        .filter(latest_revision_created_at__lt=cutoff)
        .exclude(Exists(translations))
        .exclude(Exists(Page.objects.filter(alias_of=OuterRef("pk"))))
        .exclude(pk__in=in_workflow_page_ids())
        .order_by("path")
    )


def in_workflow_page_ids():
    """Pages with a workflow in progress or asking for changes (their ids, as integers)."""
    return [
        int(object_id)
        for object_id in WorkflowState.objects.filter(
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES]
        ).values_list("object_id", flat=True)
        if (object_id.isascii() and object_id.isdigit())
    ]
