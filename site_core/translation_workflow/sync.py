"""Keeping translations in step with the English source.

When an English page or snippet is published (``sync_on_publish``), every translation is
re-extracted; translated segments are kept as they are, new or changed ones show as untranslated.
Readers keep the approved text (with the source's dates, images and links); the translator's
current strings become a draft awaiting review. When no translated text changed (blocks
reordered, moved or removed), the translation is republished in the new structure at once
(``_sync_one``). A language that fails is reported (``sync_failures``).
"""

import copy
import logging
from collections import Counter

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.dispatch import receiver

from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.actions.publish_revision import PublishRevisionAction
from wagtail.models import DraftStateMixin, Locale, Page, RevisionMixin
from wagtail.signals import published
from wagtail_localize.fields import (
    SynchronizedField,
    copy_synchronised_fields,
    get_translatable_fields,
)
from wagtail_localize.models import (
    SegmentOverride,
    StringSegment,
    Translation,
    TranslationLog,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from site_core.translation_workflow.drafts import (
    save_translation_draft,
    target_instance,
    translated_draft,
)
from site_core.translation_workflow.memory import (
    holds_previous_translations,
    remember_previous_translations,
)
from site_core.translation_workflow.sync_failures import report_sync_failure

logger = logging.getLogger(__name__)


def _without_ids(value):
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key not in {"pk", "id"}}
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    return value


def _live_object(target):
    """What readers see of a translation: its live revision (the row itself for old objects)."""
    return target.live_revision.as_object() if target.live_revision_id else target


def _overridden_paths(original, locale):
    """The paths of the fields a translation overrides (its own image, say)."""
    return set(
        SegmentOverride.objects.filter(
            locale=locale, context__object_id=original.translation_key
        ).values_list("context__path", flat=True)
    )


def _copy_synchronised_fields(original, approved, locale):
    """Copy the source's ``SynchronizedField`` values (dates, images, links) into ``approved``.

    wagtail-localize's ``copy_synchronised_fields`` also copies the source's StreamFields and
    child rows, in English, for the strings to be ingested into afterwards: here, where the
    approved text must stay as it is, only true synchronised fields are taken from a scratch copy.
    A field the translation overrides (its own image, say) keeps its approved value.
    """
    overridden = _overridden_paths(original, locale)
    if isinstance(approved, RevisionMixin):
        scratch = approved.with_content_json(approved.serializable_data())
    else:
        scratch = copy.copy(approved)
    copy_synchronised_fields(original, scratch)
    for translatable in get_translatable_fields(type(original)):
        name = translatable.field_name
        if not isinstance(translatable, SynchronizedField) or name in overridden:
            continue
        if not translatable.is_synchronized(original):
            continue
        field = translatable.get_field(type(approved))
        if field.is_relation and (field.one_to_many or field.many_to_many):
            setattr(approved, field.name, list(getattr(scratch, field.name).all()))
        else:
            setattr(approved, field.attname, getattr(scratch, field.attname))


def _publish_as_sync(revision, user):
    """Publish a revision that holds only approved text and the source's synchronised fields.

    The source's publisher may not publish this language (an editor, in Dutch): the sync acts
    for them, and no reviewer is bypassed since no translated text changes. Publishing normally
    cancels a review in progress; the translator's submitted work must stay in review, so the
    action is told there is none (``_current_workflow_states`` is Wagtail's own prefetch slot).
    """
    obj = revision.content_object
    action_class = PublishPageRevisionAction if isinstance(obj, Page) else PublishRevisionAction
    action = action_class(revision, user=user)
    action.object._current_workflow_states = []
    action.execute(skip_permission_checks=True)


def _texts(instance):
    """The text of an object as wagtail-localize extracts it: how often each (path, text) occurs.

    Order and formatting (rich text templates), links and images are left out: they are the
    source's structure and synchronised values, not words a reviewer approves.
    """
    return Counter(
        (segment.path, segment.string.data)
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    )


def _every_segment_translated(translation):
    """True when every text segment of the source has a translation (without an error) that a
    person wrote or confirmed (none a previous translation kept to confirm: ``memory``)."""
    return not (
        StringSegment.objects.filter(source=translation.source)
        .annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .exists()
    ) and not holds_previous_translations(translation)


def _new_structure_of_approved_text(translation, target):
    """The translation in the source's new structure, when that needs no reviewer; else None.

    That is when the translator's current strings, laid out as the source now is, hold no text
    that is not already live: every text segment is translated, and each (path, translated text)
    of the result is one readers already see. Blocks moved, removed or reordered (list items
    too), rich text split or joined differently, links and images changed: all publish at once.
    A new block with new text, a changed paragraph, or a translator's saved but unsubmitted
    string: not this, the usual draft awaiting review.

    A translation in review, or sent back with changes requested, is left to its reviewer (its
    draft carries the new structure when it is approved). So is one whose pending draft holds
    text that is not live and was not made from the strings (edited in Wagtail's own editor,
    say): nobody reviewed that text, so the sync keeps to its usual path. A draft made from the
    strings (by wagtail-localize or an earlier sync, logged in ``TranslationLog``) holds nothing
    the strings do not: an English change undone makes the language up to date again.
    """
    if not target.live or getattr(target, "current_workflow_state", None) is not None:
        return None
    live_texts = _texts(_live_object(target))
    if (
        target.has_unpublished_changes
        and not TranslationLog.objects.filter(revision_id=target.latest_revision_id).exists()
        and _texts(target.get_latest_revision_as_object()) - live_texts
    ):
        return None
    if not _every_segment_translated(translation):
        return None
    draft = translated_draft(translation)
    if _texts(draft) - live_texts:
        return None
    return draft


def _has_unapproved_text(translation, target):
    """True when the translator's current strings differ from what is live (or nothing is)."""
    if not target.live or target.has_unpublished_changes:
        return True
    draft = translated_draft(translation)
    return extract_segments(draft) != extract_segments(_live_object(target))


def _sync_fields_and_save_draft(translation, original, target, user):
    """Readers keep the approved text, with the source's synchronised fields published on top;
    the translator's current strings, if they differ, become the draft awaiting review."""
    if target.live:
        approved = _live_object(target)
        before = _without_ids(approved.serializable_data())
        _copy_synchronised_fields(original, approved, translation.target_locale)
        if _without_ids(approved.serializable_data()) != before:
            _publish_as_sync(approved.save_revision(user=user), user)
            target = target_instance(translation)
    if _has_unapproved_text(translation, target):
        save_translation_draft(translation, user)


def _sync_one(translation, original, user):
    """Bring one translation in step with ``original``; False when it has no target yet.

    When no translated text changes (blocks reordered, moved or removed, a link or image
    changed: ``_new_structure_of_approved_text``), the translation is republished at once in the
    source's new structure, its approved text unchanged: readers see the new order in every
    language, and the overview shows it up to date (republished after the source's sync). That
    is so even when the English was republished unchanged: the overview compares publication
    times, so each language gets a revision ("synced") per publication of its source.

    When some text did change (a new block, an edited paragraph), nothing of the new structure
    reaches readers before a reviewer approves: the live translation keeps its approved text in
    its old structure and gets only the synchronised fields, and the translator's current
    strings, in the new structure, become the draft awaiting review. A half-synced page (the new
    order, without the new block, beside the old text of a changed paragraph) would be a version
    nobody wrote or reviewed; the reviewer publishes the new order and the new text together.
    """
    try:
        target = target_instance(translation)
    except ObjectDoesNotExist:
        return False
    if not isinstance(target, DraftStateMixin):  # no drafts, no review: just the shared fields
        _copy_synchronised_fields(original, target, translation.target_locale)
        target.save()
        return True
    restructured = _new_structure_of_approved_text(translation, target)
    if restructured is not None:
        _publish_as_sync(restructured.save_revision(user=user), user)
    else:
        _sync_fields_and_save_draft(translation, original, target, user)
    # Who may read the page is the source's (a private English page is private in every language).
    translation.source.update_target_view_restrictions(translation.target_locale)
    return True


def sync_translations(instance, user=None):
    """Re-extract an English source and bring every translation in step, without losing work
    and without publishing any text a reviewer has not approved.

    Translations are stored per string and per place (block id), so every segment whose text is
    unchanged keeps its translation byte for byte; changed or new segments show as untranslated.
    Readers keep the approved (live) text of each translation, with the source's synchronised
    fields (dates, images, links) copied in and published. The translator's current strings,
    submitted or not, become the draft on top of it, awaiting review. A language that fails is
    logged, its reviewers (or the fallback) are e-mailed, and the publisher is told in the admin.
    """
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is None:
        return []
    with remember_previous_translations(source):  # changed segments keep their old translation
        source.update_from_db()
    original = source.as_instance()
    refreshed, failed = [], []
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        try:
            with transaction.atomic():
                if _sync_one(translation, original, user):
                    refreshed.append(translation.target_locale.language_code)
        except Exception:  # one language failing must not stop the others
            logger.exception("Could not refresh %s in %s", instance, translation.target_locale)
            failed.append(translation.target_locale)
    if failed:
        report_sync_failure(instance, failed)
    return refreshed


def refresh_translation(translation, user=None):
    """Bring a translation whose page or snippet exists in step with its source as last
    extracted, as ``sync_translations`` does for each language: readers keep the approved text,
    the translator's current strings become a draft. An alias keeps showing the English page
    until a reviewer publishes its translation."""
    target = target_instance(translation)
    if isinstance(target, Page) and target.alias_of_id:
        save_translation_draft(translation, user)
    else:
        _sync_one(translation, translation.source.as_instance(), user)


@receiver(published)
def sync_on_publish(sender, instance, revision=None, **kwargs):
    """Publishing the English version of anything translated refreshes its translations."""
    locale = getattr(instance, "locale", None)
    if locale is None or locale.language_code != settings.LANGUAGE_CODE:
        return
    # (Republishing a translation cannot recurse: its locale is not the source's.)
    user = getattr(revision, "user", None)
    instance = instance.specific if isinstance(instance, Page) else instance
    try:
        sync_translations(instance, user)
    except Exception:  # a failed sync must never block publishing the source
        logger.exception("Syncing translations of %s failed", instance)
        locales = Locale.objects.exclude(pk=locale.pk).filter(
            pk__in=Translation.objects.filter(
                source__object_id=instance.translation_key, enabled=True
            ).values("target_locale")
        )
        report_sync_failure(instance, list(locales))
