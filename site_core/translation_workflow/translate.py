"""Starting translations ("Translate this page", with its subtree and related snippets):
wagtail-localize's, except that a translation that already exists is brought in step as the sync
does, never rewritten in its live row."""

import contextlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from site_core.translation_workflow.sync import refresh_translation


def _publishes_new_translations(instance):
    """Whether a new translation of ``instance`` is created live (wagtail-localize's rule)."""
    if getattr(settings, "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE", True):
        return getattr(instance, "live", True)
    return not isinstance(instance, DraftStateMixin)


class ReviewedTranslationCreator(TranslationCreator):
    """wagtail-localize's ``TranslationCreator`` (behind "Translate this page", its "Include
    subtree" and the related snippets it pulls in), except for translations that exist already.

    wagtail-localize calls ``save_target(publish=False)`` on those too: the translator's
    current strings, submitted or not, were written into the live row of each existing
    translated page, and each existing translated snippet was unpublished. Here they go through
    ``refresh_translation``; only a translation with no object yet is created by
    wagtail-localize (as a draft, ``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False``).
    """

    def create_translations(self, instance, include_related_objects=True):
        # wagtail-localize 1.14.5's create_translations, but for its last step.
        if isinstance(instance, Page):
            instance = instance.specific
        if instance.translation_key in self.seen_objects:
            return
        self.seen_objects.add(instance.translation_key)
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        if include_related_objects:
            # first, so that the translation can point to its related objects' translations
            for segment in source.relatedobjectsegment_set.all():
                related = segment.object.get_instance(instance.locale)
                self.create_translations(related, include_related_objects=False)
        mode = getattr(
            instance,
            "localize_default_translation_mode",
            getattr(settings, "WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE", "synced"),
        )
        publish_new = _publishes_new_translations(instance)
        for locale in self.target_locales:
            if locale != source.locale:
                self._translate(source, instance, locale, mode == "synced", publish_new)

    def _translate(self, source, instance, locale, enabled, publish_new):
        """Create the translation into one locale, or bring an existing one in step."""
        translation, _created = Translation.objects.update_or_create(
            source=source, target_locale=locale, defaults={"enabled": enabled}
        )
        self.mappings[source].append(translation)
        # (a validation error is marked on its string in the editor, as wagtail-localize does)
        with contextlib.suppress(ValidationError):
            if instance.has_translation(locale):
                refresh_translation(translation, self.user)
            else:
                translation.save_target(user=self.user, publish=publish_new)


@transaction.atomic
def translate_object(instance, locales, components=None, user=None):
    """wagtail-localize's ``translate_object``, through ``ReviewedTranslationCreator``."""
    creator = ReviewedTranslationCreator(user, locales)
    creator.create_translations(instance)
    if components is not None:
        components.save(creator, sources_and_translations=creator.mappings)


@transaction.atomic
def translate_page_subtree(page_id, locales, components, user):
    """wagtail-localize's ``translate_page_subtree`` (every page below one, whose own translation
    exists), through ``ReviewedTranslationCreator``. Takes an id: it may run in a job queue."""
    creator = ReviewedTranslationCreator(user, locales)
    for page in Page.objects.get(pk=page_id).get_descendants().order_by("path"):
        creator.create_translations(page)
    if components is not None:
        components.save(creator, sources_and_translations=creator.mappings)
