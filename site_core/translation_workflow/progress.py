"""How far one translation is: its segments, translated and machine-translated (or holding a
previous translation to confirm), and where in the editor the unchecked ones are (a field and
its tab)."""

from django.utils.translation import gettext as _

from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.views.edit_translation import (
    FieldHasNoEditPanelError,
    TabHelper,
    get_segment_location_info,
)

from site_core.translation_workflow.memory import PREVIOUS_TRANSLATION


def _translated_kinds(translation):
    """(translation type, tool name) of each translated segment (errors count as untranslated),
    and the number of segments."""
    segments = set(
        StringSegment.objects.filter(source_id=translation.source_id).values_list(
            "string_id", "context_id"
        )
    )
    kinds = [
        (kind, tool)
        for string_id, context_id, kind, tool in StringTranslation.objects.filter(
            translation_of_id__in={string_id for string_id, _context in segments},
            locale_id=translation.target_locale_id,
            has_error=False,
        ).values_list("translation_of_id", "context_id", "translation_type", "tool_name")
        if (string_id, context_id) in segments
    ]
    return len(segments), kinds


def segment_counts(translation):
    """(total, translated, machine-translated and not yet checked) for one translation.

    Previous translations prefilled when the English changed (``memory``) are marked as machine
    translations: they count as unchecked too."""
    total, kinds = _translated_kinds(translation)
    machine = sum(kind == StringTranslation.TRANSLATION_TYPE_MACHINE for kind, _tool in kinds)
    return total, len(kinds), machine


def progress_summary(translation):
    """What the review bar says of a translation: segments in all, translated, unchecked
    (``machine``: machine translations and previous translations alike), of which previous
    translations to confirm (``previous``), and the fields (with tabs) still to check."""
    total, kinds = _translated_kinds(translation)
    machine = sum(kind == StringTranslation.TRANSLATION_TYPE_MACHINE for kind, _tool in kinds)
    previous = kinds.count((StringTranslation.TRANSLATION_TYPE_MACHINE, PREVIOUS_TRANSLATION))
    return {
        "total": total,
        "done": len(kinds),
        "machine": machine,
        "machine_only": machine - previous,
        "previous": previous,
        "machine_fields": machine_translated_fields(translation) if machine else [],
    }


def _machine_segments(translation):
    """The source's segments whose translation is machine-made and not yet checked, in order."""
    machine = set(
        StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
            has_error=False,
            translation_of__segments__source_id=translation.source_id,
        ).values_list("translation_of_id", "context_id")
    )
    segments = (
        StringSegment.objects.filter(source_id=translation.source_id)
        .select_related("context")
        .order_by("order")
    )
    return [segment for segment in segments if (segment.string_id, segment.context_id) in machine]


def field_name(instance, tabs, segment):
    """Where a segment is in the translation editor: "Slug (Promote tab)", "Body: Paragraph
    (Content tab)"; its bare path when no panel shows it."""
    path = segment.context.path
    try:
        location = get_segment_location_info(
            instance, tabs, path, segment.context.get_field_path(instance)
        )
        tab = tabs.get_field_tab(path.split(".")[0])
    except (FieldHasNoEditPanelError, KeyError, LookupError):
        return path
    field = location["field"]
    if location["subField"]:
        field = _("%(field)s: %(part)s") % {"field": field, "part": location["subField"]}
    return _("%(field)s (%(tab)s tab)") % {"field": field, "tab": tab}


def machine_translated_fields(translation):
    """The fields (with their tabs) whose machine translation nobody has checked yet, each once,
    in the editor's order."""
    instance = translation.source.get_source_instance()
    tabs = TabHelper(instance)
    names = []
    for segment in _machine_segments(translation):
        name = field_name(instance, tabs, segment)
        if name not in names:
            names.append(name)
    return names
