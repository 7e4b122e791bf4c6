"""Traditional Chinese for the demo, converted from its Simplified Chinese translation.

A stand-in until issue 17's converter is merged: it has the signature of
``site_core.translation_workflow.chinese.fill_from_other_script`` and does the same for the
demo (each segment's zh-hant text is OpenCC's conversion of its zh-hans text, same String and
context), so the demo works end to end on this branch.
"""

from functools import cache

from wagtail_localize.models import StringSegment, StringTranslation

import opencc

from tools.demo.segments import save_string_translations

# Simplified → Traditional (Taiwan standard, with Taiwanese phrasing: 软件 → 軟體).
CONVERTERS = {("zh-hans", "zh-hant"): "s2twp"}


@cache
def converter(config):
    return opencc.OpenCC(config)


# replaced by chinese.fill_from_other_script at merge
def fill_from_other_script(translation, user=None):
    """Fill ``translation``'s segments (zh-hant) from the zh-hans translation of each; the
    number of segments filled."""
    target = translation.target_locale
    source_code = next(src for src, dst in CONVERTERS if dst == target.language_code)
    convert = converter(CONVERTERS[(source_code, target.language_code)]).convert
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    written = {
        (row.translation_of_id, row.context_id): row.data
        for row in StringTranslation.objects.filter(
            locale__language_code=source_code,
            translation_of__in=segments.values("string"),
        )
    }
    rows = [
        StringTranslation(
            translation_of=segment.string,
            context_id=segment.context_id,
            locale=target,
            data=convert(written[(segment.string_id, segment.context_id)]),
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            last_translated_by=user,
        )
        for segment in segments
        if (segment.string_id, segment.context_id) in written
    ]
    save_string_translations(rows, target)
    return len(rows)
