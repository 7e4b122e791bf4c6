"""The "Fill from the other Chinese script" button above the translation editor
(``site_core.translation_workflow.chinese``)."""

from django import template
from django.urls import reverse

from wagtail.models import Locale

from site_core.translation_workflow.chinese import OTHER_SCRIPT, is_chinese
from site_core.translation_workflow.permissions import can_edit_locale

register = template.Library()


@register.inclusion_tag("translation_workflow/chinese_fill.html", takes_context=True)
def chinese_fill_button(context, translation):
    """For a Chinese translation, to those who may edit its language (nothing otherwise)."""
    request = context["request"]
    code = translation.target_locale.language_code
    if not is_chinese(code) or not can_edit_locale(request.user, translation.target_locale_id):
        return {}
    other = Locale.objects.filter(language_code=OTHER_SCRIPT[code]).first()
    return {
        "fill_url": reverse("site_translation_fill_chinese", args=[translation.pk]),
        "next": request.get_full_path(),
        "other_lang": OTHER_SCRIPT[code],
        "other_language": other.get_display_name() if other else OTHER_SCRIPT[code],
        "csrf_token": context.get("csrf_token"),
    }
