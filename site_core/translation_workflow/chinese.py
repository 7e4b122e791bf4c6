"""Simplified ↔ Traditional Chinese: a draft of one script's translation from the other's.

A Traditional Chinese (zh-hant) translator rarely needs to translate from English a page the
Simplified Chinese (zh-hans) team has already translated: OpenCC converts the script and the
regional phrasing (Taiwan or Hong Kong, ``settings.CHINESE_TRADITIONAL_VARIANT``) offline. The
converted segments are stored as machine translations, so they count as unchecked until the
translator has looked at each one, as wagtail-localize's own machine translation does; where the
other script has no translation yet, the configured machine translator translates the English.

``fill_from_other_script(translation, user=None)`` is the entry point (the editor's "Fill from"
button, ``chinese_views``; the demo loader).
"""

import functools
import re
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from wagtail.models import Locale
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
)

import opencc

from site_core.translation_workflow.machine import (
    MachineTranslationError,
    configured_translator,
    machine_translate_strings,
)
from site_core.translation_workflow.memory import PREVIOUS_TRANSLATION

SIMPLIFIED = "zh-hans"
TRADITIONAL = "zh-hant"
OTHER_SCRIPT = {SIMPLIFIED: TRADITIONAL, TRADITIONAL: SIMPLIFIED}

# (OpenCC configuration, the tool name stored with the converted strings) by direction and
# Traditional variant: Taiwan (with Taiwanese phrasing: 软件 → 軟體) or Hong Kong.
CONVERSIONS = {
    ("tw", SIMPLIFIED, TRADITIONAL): ("s2twp", "OpenCC (Taiwan)"),
    ("hk", SIMPLIFIED, TRADITIONAL): ("s2hk", "OpenCC (Hong Kong)"),
    ("tw", TRADITIONAL, SIMPLIFIED): ("tw2sp", "OpenCC (Simplified)"),
    ("hk", TRADITIONAL, SIMPLIFIED): ("hk2s", "OpenCC (Simplified)"),
}

# Tags (with their attributes: link addresses, ids) stay as they are; only the text between
# them is converted. A "<" that opens no tag is text.
TAG = re.compile(r"(<[a-zA-Z/!?][^<>]*>)")


def is_chinese(language_code):
    return language_code in OTHER_SCRIPT


def _conversion(source_language_code, target_language_code):
    variant = getattr(settings, "CHINESE_TRADITIONAL_VARIANT", "tw")
    key = (variant, source_language_code, target_language_code)
    if key not in CONVERSIONS:
        raise ValueError(
            f"No Chinese script conversion from {source_language_code!r} "
            f"to {target_language_code!r}."
        )
    return CONVERSIONS[key]


@functools.cache
def _converter(config):
    """An OpenCC converter (it loads its dictionaries once, when first asked for)."""
    return opencc.OpenCC(config)


def tool_name(source_language_code, target_language_code):
    """What the converted strings say made them ("OpenCC (Taiwan)")."""
    return _conversion(source_language_code, target_language_code)[1]


def convert(text, source_language_code, target_language_code):
    """``text`` (plain, or a rich-text segment's HTML) in the other Chinese script; tags and
    their attributes (link addresses included) are left untouched."""
    converter = _converter(_conversion(source_language_code, target_language_code)[0])
    parts = TAG.split(text or "")
    return "".join(
        part if index % 2 else converter.convert(part) for index, part in enumerate(parts)
    )


@dataclass
class FillCounts:
    """What ``fill_from_other_script`` did. Unpacks as (converted, machine_translated, kept)."""

    converted: int = 0
    machine_translated: int = 0
    kept: int = 0
    untranslated: int = 0  # no conversion, and machine translation unavailable or failed
    overrides: int = 0  # links, images... chosen for the other script, copied
    error: str = ""  # why machine translation failed, if it did

    def __iter__(self):
        return iter((self.converted, self.machine_translated, self.kept))


def _is_kept(row):
    """A segment the translator already did (or holding their previous translation)."""
    if row is None or row.has_error:
        return False
    return row.translation_type != StringTranslation.TRANSLATION_TYPE_MACHINE or (
        row.tool_name == PREVIOUS_TRANSLATION
    )


def _other_script_texts(segments, other_locale):
    """{(string id, context id): text} from the other script: the translation of the same
    string in the same place, else its latest translation anywhere."""
    if other_locale is None:
        return {}
    rows = StringTranslation.objects.filter(
        locale=other_locale,
        has_error=False,
        translation_of_id__in={segment.string_id for segment in segments},
    ).order_by("updated_at", "pk")
    exact, latest = {}, {}
    for row in rows:
        exact[(row.translation_of_id, row.context_id)] = row.data
        latest[row.translation_of_id] = row.data
    return {
        key: exact.get(key) or latest.get(key[0])
        for key in ((segment.string_id, segment.context_id) for segment in segments)
        if key in exact or key[0] in latest
    }


def _save(translation, segment, text, tool, user):
    StringTranslation.objects.update_or_create(
        translation_of_id=segment.string_id,
        locale_id=translation.target_locale_id,
        context_id=segment.context_id,
        defaults={
            "data": text,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
            "tool_name": tool,
            "last_translated_by": user,
            "has_error": False,
            "field_error": "",
        },
    )


def _existing_rows(translation, segments):
    rows = StringTranslation.objects.filter(
        locale_id=translation.target_locale_id,
        translation_of_id__in={segment.string_id for segment in segments},
    )
    return {(row.translation_of_id, row.context_id): row for row in rows}


def _convert_segments(translation, segments, other_locale, user, counts):
    """Converts what the other script has; returns the segments left for machine translation."""
    target = translation.target_locale.language_code
    tool = tool_name(other_locale.language_code if other_locale else OTHER_SCRIPT[target], target)
    existing = _existing_rows(translation, segments)
    others = _other_script_texts(segments, other_locale)
    left = []
    for segment in segments:
        key = (segment.string_id, segment.context_id)
        row = existing.get(key)
        if _is_kept(row):
            counts.kept += 1
        elif key in others:
            _save(
                translation, segment, convert(others[key], OTHER_SCRIPT[target], target), tool, user
            )
            counts.converted += 1
        elif row is not None and not row.has_error:
            counts.kept += 1  # an earlier machine translation: nothing better to put there
        else:
            left.append(segment)
    return left


def _machine_translate(translation, segments, user, counts):
    """Machine-translates the source text of ``segments`` (from English)."""
    if not segments:
        return
    translator = configured_translator()
    source_locale = translation.source.locale
    if translator is None or not translator.can_translate(source_locale, translation.target_locale):
        counts.untranslated += len(segments)
        return
    try:
        texts = machine_translate_strings(
            translator, source_locale, translation.target_locale, [s.string for s in segments]
        )
    except MachineTranslationError as error:
        counts.untranslated += len(segments)
        counts.error = str(error)
        return
    for segment in segments:
        text = texts.get(segment.string_id)
        if text is None:
            counts.untranslated += 1
            continue
        _save(translation, segment, text, translator.display_name, user)
        counts.machine_translated += 1


def _copy_overrides(translation, other_locale, user, counts):
    """The other script's overrides (a link to a Chinese site, an image with Chinese text)
    where this language has chosen none: copied as they are, never converted."""
    if other_locale is None:
        return
    contexts = OverridableSegment.objects.filter(source=translation.source).values("context_id")
    theirs = SegmentOverride.objects.filter(
        locale=other_locale, context_id__in=contexts, has_error=False
    )
    ours = set(
        SegmentOverride.objects.filter(
            locale_id=translation.target_locale_id, context_id__in=contexts
        ).values_list("context_id", flat=True)
    )
    for override in theirs:
        if override.context_id in ours:
            continue
        SegmentOverride.objects.create(
            locale_id=translation.target_locale_id,
            context_id=override.context_id,
            data_json=override.data_json,
            last_translated_by=user,
        )
        counts.overrides += 1


def fill_from_other_script(translation, user=None):
    """Fill a Chinese ``translation`` from the other script's translation of the same source.

    Each string segment the translator has not translated is converted from the other script
    (the same string in the same place, else its latest translation elsewhere), else machine
    translated from English; both are stored as unchecked machine translations by ``user``.
    Segments translated by hand (or holding a previous translation) are kept. Related objects
    (a category, a snippet) are translations of their own: fill them separately. Returns
    ``FillCounts`` (unpacks as converted, machine_translated, kept). Raises ValueError when
    the translation is not into Simplified or Traditional Chinese.
    """
    target = translation.target_locale.language_code
    if not is_chinese(target):
        raise ValueError(f"{target!r} is not Simplified or Traditional Chinese.")
    other_locale = Locale.objects.filter(language_code=OTHER_SCRIPT[target]).first()
    segments = list(
        StringSegment.objects.filter(source=translation.source)
        .select_related("string")
        .order_by("order")
    )
    counts = FillCounts()
    with transaction.atomic():
        left = _convert_segments(translation, segments, other_locale, user, counts)
        _copy_overrides(translation, other_locale, user, counts)
    # Outside the transaction: a slow translation service holds no database lock.
    _machine_translate(translation, left, user, counts)
    return counts
