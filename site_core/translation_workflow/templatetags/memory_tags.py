"""The panel above the translation editor: what changed in the English, and the translation
memory's matches (``site_core.translation_workflow.changes``)."""

from django import template
from django.utils.translation import get_language_info

from site_core.translation_workflow.changes import segment_changes
from site_core.translation_workflow.permissions import can_edit_locale

register = template.Library()


@register.inclusion_tag("translation_workflow/memory_panel.html", takes_context=True)
def translation_changes(context, translation):
    """For those who may edit the translation's language (nothing for anyone else)."""
    request = context["request"]
    if not can_edit_locale(request.user, translation.target_locale_id):
        return {"changes": []}
    code = translation.target_locale.language_code
    return {
        "changes": segment_changes(translation, request.user),
        "target_lang": code,
        "target_dir": "rtl" if get_language_info(code)["bidi"] else "ltr",
        "language": translation.target_locale.get_display_name(),
        "source_lang": translation.source.locale.language_code,
    }
