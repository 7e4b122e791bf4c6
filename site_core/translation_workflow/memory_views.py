"""The translation editor's helpers that answer in JSON: how far a translation is (the review
bar's counters, brought up to date as the translator saves) and one segment's translation-memory
matches. For those who may edit the translation's language only (403 for anyone else)."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from wagtail_localize.models import StringSegment, Translation

from site_core.translation_workflow.changes import segment_change
from site_core.translation_workflow.permissions import can_edit_locale
from site_core.translation_workflow.progress import progress_summary


def _editable_translation(request, translation_id):
    """The translation, if the user may edit its language; else None (Wagtail's admin would
    turn a PermissionDenied into a redirect to the dashboard: an API answers 403)."""
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), pk=translation_id
    )
    if not can_edit_locale(request.user, translation.target_locale_id):
        return None
    return translation


def _refused():
    return JsonResponse({"error": "forbidden"}, status=403)


@require_GET
def translation_progress(request, translation_id):
    """The review bar's counters, and its progress sentence as the bar renders it."""
    translation = _editable_translation(request, translation_id)
    if translation is None:
        return _refused()
    summary = progress_summary(translation)
    html = render_to_string("translation_workflow/review_progress.html", summary, request)
    return JsonResponse(
        {key: summary[key] for key in ("total", "done", "machine", "previous")}
        | {"html": html.strip()}
    )


@require_GET
def segment_memory(request, translation_id, segment_id):
    """One segment of the translation: its English, the previous translation and the English
    it was made from (with their difference) when the English changed, and its matches."""
    translation = _editable_translation(request, translation_id)
    if translation is None:
        return _refused()
    segment = get_object_or_404(
        StringSegment.objects.select_related("string", "context"),
        pk=segment_id,
        source_id=translation.source_id,
    )
    return JsonResponse(segment_change(translation, segment, request.user).as_dict())
