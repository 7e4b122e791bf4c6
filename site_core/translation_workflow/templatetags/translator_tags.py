"""The review bar above wagtail-localize's translation editor."""

import json

from django import template

from wagtail.models import Page

from site_core.translation_workflow.permissions import can_edit_locale, can_publish_locale
from site_core.translation_workflow.progress import progress_summary
from site_core.translation_workflow.stop_sync import may_stop_sync

register = template.Library()


@register.inclusion_tag("translation_workflow/review_bar.html", takes_context=True)
def translation_review_bar(context, translation, instance):
    request = context["request"]
    user = request.user
    locale_id = translation.target_locale_id
    task_state = instance.current_workflow_task_state if isinstance(instance, Page) else None
    workflow_state = instance.current_workflow_state if isinstance(instance, Page) else None
    return {
        "request": request,
        "translation": translation,
        "instance": instance,
        "language": translation.target_locale.get_display_name(),
        "language_code": translation.target_locale.language_code,
        **progress_summary(translation),
        "can_submit": can_edit_locale(user, locale_id),
        "can_review": can_publish_locale(user, locale_id) and task_state is not None,
        "in_review": task_state is not None,
        "needs_changes": workflow_state is not None
        and workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES,
        "comment": task_state.get_comment() if task_state is not None else "",
        "last_rejection": _last_rejection_comment(workflow_state),
        "submitted_by": workflow_state.requested_by if workflow_state is not None else None,
        "snippet_waiting": not isinstance(instance, Page)
        and getattr(instance, "has_unpublished_changes", False),
        "can_publish": can_publish_locale(user, locale_id),
    }


def _last_rejection_comment(workflow_state):
    if workflow_state is None or workflow_state.status != workflow_state.STATUS_NEEDS_CHANGES:
        return ""
    rejected = workflow_state.task_states.filter(status="rejected").order_by("-finished_at").first()
    return rejected.get_comment() if rejected is not None else ""


@register.simple_tag(takes_context=True)
def editor_props(context, props, translation):
    """wagtail-localize's editor props without "Convert to alias page" for non-reviewers
    (an alias puts the English page live in this language)."""
    if can_publish_locale(context["request"].user, translation.target_locale_id):
        return props
    data = json.loads(props)
    data.get("links", {})["convertToAliasUrl"] = None
    return json.dumps(data)


@register.simple_tag(takes_context=True)
def may_stop_translation_sync(context, translation, instance):
    """Whether the user may stop this synced translation (its reviewers and the editors)."""
    return may_stop_sync(context["request"].user, translation, instance)
