"""How far one translation is: its segments, translated and machine-translated."""

from wagtail_localize.models import StringSegment, StringTranslation


def segment_counts(translation):
    """(total, translated, machine-translated and not yet checked) for one translation."""
    segments = set(
        StringSegment.objects.filter(source_id=translation.source_id).values_list(
            "string_id", "context_id"
        )
    )
    translated = [
        kind
        for string_id, context_id, kind in StringTranslation.objects.filter(
            translation_of_id__in={string_id for string_id, _context in segments},
            locale_id=translation.target_locale_id,
            has_error=False,
        ).values_list("translation_of_id", "context_id", "translation_type")
        if (string_id, context_id) in segments
    ]
    machine = translated.count(StringTranslation.TRANSLATION_TYPE_MACHINE)
    return len(segments), len(translated), machine
