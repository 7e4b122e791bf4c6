"""The demo's translations, made as a translator would make them in wagtail-localize."""

import html
import re

from django.core.management.base import CommandError

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from tools.demo import content


def normalise(text):
    """A source string as the registry knows it: entities decoded, white space collapsed."""
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


TRANSLATIONS = {normalise(key): item for key, item in content.REGISTRY.items()}


def translate(progress, instance, locale, *, draft=False):
    """Translate like a translator would: submit, fill the editor's segments, publish.

    ``draft``: a translation in progress — the segments the demo has are filled, the rest
    left for a translator, and nothing is published.
    """
    label = f"{instance} → {locale.get_display_name()}"
    existing = instance.get_translation_or_none(locale)
    if existing is not None and (draft or getattr(existing, "live", True)):
        progress(f"Translation kept: {label}")
        return existing

    creator = TranslationCreator(user=None, target_locales=[locale])
    creator.create_translations(instance, include_related_objects=False)
    source = TranslationSource.objects.get_for_instance(instance)
    translation = Translation.objects.get(source=source, target_locale=locale)
    missing = fill_segments(source, locale)
    if missing and not draft:
        raise CommandError(
            f"The demo has no {locale.language_code} text for: {missing}. "
            "Add it to tools/demo/content.py and run load_demo again."
        )
    if draft:
        translation.save_target(publish=False)
        progress(f"Translation started (draft): {label}")
        return translation.get_target_instance()
    target = publish(translation, instance)
    progress(f"Translated: {label}")
    return target


def fill_segments(source, locale):
    """Write the demo's text for each segment of ``source``; the source strings it lacks."""
    missing = []
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        item = TRANSLATIONS.get(normalise(segment.string.data))
        text = item.translations.get(locale.language_code) if item else None
        if text is None:
            missing.append(segment.string.data)
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                # Rich-text segments are HTML (inline tags kept); plain text is escaped.
                "data": text if "<" in segment.string.data else html.escape(text, quote=False),
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    return missing


def publish(translation, instance):
    """Save the finished translation live; the translated page or snippet."""
    if isinstance(instance, Page):
        # save_target(publish=True) defers publishing to the end of the transaction, when
        # the page's tree fields may be stale; publish the new revision here instead.
        translation.save_target(publish=False)
        target = translation.get_target_instance()
        target.get_latest_revision().publish()
        return target
    translation.save_target(publish=True)
    return translation.get_target_instance()
