"""The demo's translations, made as a translator would make them in wagtail-localize.

Each one goes through wagtail-localize's own flow: the English object's TranslationSource
(extracted once, reused for every language), a StringTranslation for each of its segments, a
Translation whose ``save_target`` writes the translated object, and a published revision.
"""

import html
import re

from django.core.management.base import CommandError

from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from site_core.translation_workflow.chinese import fill_from_other_script
from tools.demo import content
from tools.demo.segments import save_string_translations


def normalise(text):
    """A source string as the registry knows it: entities decoded, white space collapsed."""
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


TRANSLATIONS = {normalise(key): item for key, item in content.REGISTRY.items()}


def translate_into(progress, instance, locales, languages):
    """Translate ``instance`` into each of ``languages``: from the text written in the demo, or
    (content.CONVERTED) converted from another language's translation."""
    for language in languages:
        if language in content.CONVERTED:
            source_locale = locales[content.CONVERTED[language]]
            translate_by_conversion(progress, instance, locales[language], source_locale)
        else:
            translate(progress, instance, locales[language])


def translate(progress, instance, locale, *, draft=False):
    """Translate like a translator would: fill the editor's segments, save, publish.

    ``draft``: a translation in progress — the segments the demo has are filled, the rest
    left for a translator, and nothing is published.
    """
    label = f"{instance} → {locale.get_display_name()}"
    existing = kept(instance, locale, draft)
    if existing is not None:
        progress(f"Translation kept: {label}")
        return existing
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    # The segments are filled before the Translation is created, so that creating it (which
    # saves the target once) already writes the translated text: one save_target, not two.
    missing = fill_segments(source, locale)
    if missing and not draft:
        raise CommandError(
            f"The demo has no {locale.language_code} text for: {missing}. "
            "Add it to tools/demo/content.py and run load_demo again."
        )
    translation = create_translation(instance, source, locale)
    if draft:
        progress(f"Translation started (draft): {label}")
        return translation.get_target_instance()
    target = publish_latest(translation)
    progress(f"Translated: {label}")
    return target


def translate_by_conversion(progress, instance, locale, source_locale):
    """Translate ``instance`` into ``locale`` by converting its ``source_locale`` translation
    (Simplified → Traditional Chinese): create the Translation, fill it, publish."""
    label = f"{instance} → {locale.get_display_name()}"
    existing = kept(instance, locale, draft=False)
    if existing is not None:
        progress(f"Translation kept: {label}")
        return existing
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation = create_translation(instance, source, locale)
    fill_from_other_script(translation, user=None)
    # The converter marks its rows as machine output for a translator to check; the demo
    # publishes them, so they count as checked (as a reviewer's approval would make them).
    StringTranslation.objects.filter(locale=locale, translation_of__segments__source=source).update(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL
    )
    done, total = translation.get_progress()
    if done != total:
        raise CommandError(
            f"{instance} has {total - done} segments with no {source_locale.language_code} "
            f"text to convert to {locale.language_code}: translate it into "
            f"{source_locale.language_code} first."
        )
    translation.save_target(publish=False)
    target = publish_latest(translation)
    progress(f"Translated (converted from {source_locale.get_display_name()}): {label}")
    return target


def kept(instance, locale, draft):
    """The existing translation load_demo keeps: a draft one, or a live one."""
    existing = instance.get_translation_or_none(locale)
    if existing is not None and (draft or getattr(existing, "live", True)):
        return existing
    return None


def create_translation(instance, source, locale):
    """Submit ``instance`` for translation into ``locale`` (wagtail-localize's TranslationCreator
    saves the target as a draft); the Translation."""
    creator = TranslationCreator(user=None, target_locales=[locale])
    creator.create_translations(instance, include_related_objects=False)
    return Translation.objects.get(source=source, target_locale=locale)


def fill_segments(source, locale):
    """Write the demo's text for each segment of ``source``; the source strings it lacks."""
    missing = []
    rows = []
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        item = TRANSLATIONS.get(normalise(segment.string.data))
        text = item.translations.get(locale.language_code) if item else None
        if text is None:
            missing.append(segment.string.data)
            continue
        rows.append(
            StringTranslation(
                translation_of=segment.string,
                locale=locale,
                context_id=segment.context_id,
                # Rich-text segments are HTML (inline tags kept); plain text is escaped.
                data=text if "<" in segment.string.data else html.escape(text, quote=False),
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            )
        )
    save_string_translations(rows, locale)
    return missing


def publish_latest(translation):
    """Publish the target's latest revision (the one save_target wrote); the target.

    Not save_target(publish=True): for pages it defers publishing to the end of the
    transaction, when the page's tree fields may be stale.
    """
    target = translation.get_target_instance()
    target.get_latest_revision().publish()
    return target
