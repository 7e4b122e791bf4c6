"""Translators' review flow and keeping translations in step with the English source.

- ``submit_for_review``: a translator's finished translation becomes a draft revision of the page
  and enters that language's review workflow (snippets: a draft, and the reviewers are e-mailed).
  Machine-translated segments must each be checked (opened and saved) first.
- ``review``: a reviewer of that language approves (publishes) or requests changes with a comment.
- ``start_translation``: a translator starts translating an English page into their language.
- ``sync_translations``: when an English page or snippet is published, every translation is
  re-extracted; translated segments are kept as they are, new or changed ones show as untranslated.
  Readers keep the approved text (with the source's dates, images and links); the translator's
  current strings become a draft awaiting review.
- ``translate_object`` / ``translate_page_subtree``: wagtail-localize's, for "Translate this page"
  (with its subtree and related snippets) and ``start_translation``; a translation that already
  exists is brought in step as the sync does, never rewritten in its live row.
"""

import contextlib
import copy
import logging
from contextvars import ContextVar

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.core.signals import request_started
from django.db import transaction
from django.dispatch import receiver
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import get_text_list, slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.utils.translation import override as translation_override
from django.views.decorators.http import require_POST

from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.actions.publish_revision import PublishRevisionAction
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.coreutils import find_available_slug
from wagtail.models import DraftStateMixin, Locale, Page, RevisionMixin
from wagtail.signals import published
from wagtail.users.models import UserProfile
from wagtail_localize.fields import (
    SynchronizedField,
    copy_synchronised_fields,
    get_translatable_fields,
)
from wagtail_localize.models import (
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.segments.extract import extract_segments

from site_core.translation_workflow.permissions import can_edit_locale, can_publish_locale
from site_core.translation_workflow.roles import TEAM_ADMINISTRATORS, TEAM_REVIEWERS, review_team

logger = logging.getLogger(__name__)


# --- progress of one translation --------------------------------------------------------------


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


def _edit_url(instance):
    return AdminURLFinder().get_edit_url(instance) or reverse("wagtailadmin_home")


def _target(translation):
    instance = translation.get_target_instance()
    return instance.specific if isinstance(instance, Page) else instance


def save_translation_draft(translation, user=None):
    """Save a translation's current strings as a new draft revision, awaiting review.

    wagtail-localize's ``save_target(publish=False)`` writes the draft into the object's row: a
    live page would show unreviewed text at once, a live snippet would be unpublished, and each
    change of slug would leave a public redirect from the draft's URL. Here an existing object
    gets only a new revision, as Wagtail's own editor does: its row (what readers see, its URL)
    changes when a reviewer publishes. Only a translation with no object yet is created by
    wagtail-localize (as a draft, which no reader sees).
    """
    try:
        target = _target(translation)
    except ObjectDoesNotExist:
        target = None
    if target is None or not isinstance(target, DraftStateMixin):
        translation.save_target(user=user, publish=False)
        return _target(translation)
    if isinstance(target, Page) and target.alias_of_id:
        # An alias shows the English page: it keeps it (now as its live revision) until review.
        ConvertAliasPageAction(target, user=user).execute(skip_permission_checks=True)
    source = translation.source
    draft = source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    if isinstance(draft, Page):  # as wagtail-localize does when it saves a translated page
        draft.slug = find_available_slug(
            draft.get_parent(), slugify(draft.slug), ignore_page_id=draft.pk
        )
    try:
        revision = draft.save_revision(user=user)
    except ValidationError as error:
        _mark_field_errors(translation, error)
        raise
    TranslationLog.objects.create(
        source=source, locale=translation.target_locale, revision=revision
    )
    return _target(translation)


def _mark_field_errors(translation, error):
    """Show a field's validation error on its string or override in the translation editor
    (what wagtail-localize does when its own save fails)."""
    for path, errors in getattr(error, "error_dict", {}).items():
        for model in (StringTranslation, SegmentOverride):
            for item in model.objects.filter(
                context__object_id=translation.source.object_id,
                context__path=path,
                locale_id=translation.target_locale_id,
            ):
                item.set_field_error(errors)


# --- views ------------------------------------------------------------------------------------


@require_POST
def submit_for_review(request, translation_id):
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    if not can_edit_locale(request.user, translation.target_locale_id):
        raise PermissionDenied
    instance = _target(translation)
    edit_url = _edit_url(instance)
    language = translation.target_locale.get_display_name()

    total, done, machine = segment_counts(translation)
    if machine:
        messages.error(
            request,
            ngettext(
                "%(count)s machine-translated segment has not been checked yet. Open it (it is "
                "marked “machine translated”), correct it if needed and save it, "
                "then submit again.",
                "%(count)s machine-translated segments have not been checked yet. Open each one "
                "marked “machine translated”, correct it if needed and save it, then submit again.",
                machine,
            )
            % {"count": machine},
        )
        return redirect(edit_url)
    if done < total:
        messages.error(
            request,
            ngettext(
                "%(count)s segment still needs a translation before this can be reviewed.",
                "%(count)s segments still need a translation before this can be reviewed.",
                total - done,
            )
            % {"count": total - done},
        )
        return redirect(edit_url)

    try:
        save_translation_draft(translation, request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("The translation could not be saved: %(errors)s Correct it and submit again.")
            % {"errors": " ".join(error.messages)},
        )
        return redirect(edit_url)
    instance = _target(translation)

    if isinstance(instance, Page):
        state = instance.current_workflow_state
        if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
            state.resume(request.user)
        elif state is None:
            workflow = instance.get_workflow()
            if workflow is None:
                messages.error(
                    request,
                    _(
                        "No review workflow covers this page. Ask an administrator to run "
                        "“manage.py setup_roles”."
                    ),
                )
                return redirect(edit_url)
            workflow.start(instance, request.user)
        _team, who = review_team(translation.target_locale.language_code)
        if who == TEAM_ADMINISTRATORS:
            # Wagtail's own notice goes to the task's groups only: administrators are told here.
            notify_reviewers(request, translation, instance)
        done = _("“%(title)s” was submitted for %(language)s review.") % {
            "title": instance.get_admin_display_title(),
            "language": language,
        }
    else:
        notify_reviewers(request, translation, instance)
        done = _("“%(title)s” was saved as a draft for the %(language)s reviewers.") % {
            "title": str(instance),
            "language": language,
        }
    messages.success(request, f"{done} {who_reviews(translation.target_locale, request.user)}")
    return redirect(edit_url)


def who_reviews(locale, submitter):
    """One sentence for the translator: who will review their work (the fallback, if any)."""
    team, who = review_team(locale.language_code)
    names = [user.get_full_name() or user.get_username() for user in team if user != submitter]
    if not names:
        return _("Nobody can review %(language)s yet: ask an administrator to add a reviewer.") % {
            "language": locale.get_display_name()
        }
    if who != TEAM_REVIEWERS:
        return _(
            "%(language)s has no reviewer yet, so it will be reviewed instead by: %(names)s."
        ) % {
            "language": locale.get_display_name(),
            "names": get_text_list(names, _("and")),
        }
    return _("It will be reviewed by: %(names)s.") % {"names": get_text_list(names, _("and"))}


def notify_reviewers(request, translation, instance):
    """E-mail the language's review team (reviewers, or the fallback when it has none)."""
    team, _fallback = review_team(translation.target_locale.language_code)
    link = settings.WAGTAILADMIN_BASE_URL + _edit_url(instance)
    mail_each_in_their_language(
        [user for user in team if user != request.user],
        lambda: _("Translation to review: %(title)s") % {"title": str(instance)},
        lambda: (
            _("%(user)s submitted a translation into %(language)s for review:\n%(link)s")
            % {
                "user": request.user.get_full_name() or request.user.get_username(),
                "language": translation.target_locale.get_display_name(),
                "link": link,
            }
        ),
    )


def mail_each_in_their_language(users, subject, body):
    """E-mail ``users`` in their admin language, as Wagtail's own notifications do: one message
    per language, ``subject()`` and ``body()`` written while it is active."""
    by_language = {}
    for user in users:
        if user.email:
            language = UserProfile.get_for_user(user).get_preferred_language()
            by_language.setdefault(language, set()).add(user.email)
    for language, recipients in sorted(by_language.items()):
        with translation_override(language):
            send_mail(subject(), body(), None, sorted(recipients))


@require_POST
def review(request, translation_id):
    """Approve (and publish) or request changes, for a page waiting for review."""
    translation = get_object_or_404(Translation, pk=translation_id)
    if not can_publish_locale(request.user, translation.target_locale_id):
        raise PermissionDenied
    page = _target(translation)
    if not isinstance(page, Page):
        raise PermissionDenied
    edit_url = _edit_url(page)
    task_state = page.current_workflow_task_state
    if task_state is None:
        messages.warning(request, _("This page is not waiting for review."))
        return redirect(edit_url)
    task = task_state.task.specific
    action = request.POST.get("action", "")
    allowed = {name for name, _label, _modal in task.get_actions(page, request.user)}
    if action not in allowed or action not in {"approve", "reject"}:
        raise PermissionDenied
    comment = request.POST.get("comment", "").strip()[:2000]
    if action == "reject" and not comment:
        messages.error(request, _("Say what needs to change: a comment is required."))
        return redirect(edit_url)
    task.on_action(task_state, request.user, action, comment=comment)
    if action == "approve":
        messages.success(
            request,
            _("Approved and published: “%(title)s”.") % {"title": page.get_admin_display_title()},
        )
    else:
        messages.success(request, _("Changes requested; the translator has been told."))
    return redirect(edit_url)


@require_POST
def start_translation(request, page_id, language_code):
    """Create the translation of an English page into one language the user works in."""
    locale = get_object_or_404(Locale, language_code=language_code)
    if not can_edit_locale(request.user, locale.pk):
        raise PermissionDenied
    page = get_object_or_404(Page, pk=page_id, locale__language_code=settings.LANGUAGE_CODE)
    page = page.specific
    existing = page.get_translation_or_none(locale)
    if existing is None or existing.alias_of_id is not None:
        with transaction.atomic():
            translate_object(page, [locale], user=request.user)
        existing = page.get_translation(locale)
        messages.success(
            request,
            _("Translation of “%(title)s” into %(language)s started.")
            % {"title": page.get_admin_display_title(), "language": locale.get_display_name()},
        )
    return redirect("wagtailadmin_pages:edit", existing.pk)


# --- keeping translations in step ------------------------------------------------------------

# Failures of the sync during this request, shown to the publisher by the admin hooks
# (``show_sync_failures``); reset when a request starts.
_sync_failures = ContextVar("translation_sync_failures", default=())


def _without_ids(value):
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key not in {"pk", "id"}}
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    return value


def _live_object(target):
    """What readers see of a translation: its live revision (the row itself for old objects)."""
    return target.live_revision.as_object() if target.live_revision_id else target


def _copy_synchronised_fields(original, approved, locale):
    """Copy the source's ``SynchronizedField`` values (dates, images, links) into ``approved``.

    wagtail-localize's ``copy_synchronised_fields`` also copies the source's StreamFields and
    child rows, in English, for the strings to be ingested into afterwards: here, where the
    approved text must stay as it is, only true synchronised fields are taken from a scratch copy.
    A field the translation overrides (its own image, say) keeps its approved value.
    """
    overridden = set(
        SegmentOverride.objects.filter(
            locale=locale, context__object_id=original.translation_key
        ).values_list("context__path", flat=True)
    )
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


def _has_unapproved_text(translation, target):
    """True when the translator's current strings differ from what is live (or nothing is)."""
    if not target.live or target.has_unpublished_changes:
        return True
    draft = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    if isinstance(draft, Page):  # as wagtail-localize does when it saves a translated page
        draft.slug = find_available_slug(
            draft.get_parent(), slugify(draft.slug), ignore_page_id=draft.pk
        )
    return extract_segments(draft) != extract_segments(_live_object(target))


def _sync_one(translation, original, user):
    """Bring one translation in step with ``original``; False when it has no target yet."""
    try:
        target = _target(translation)
    except ObjectDoesNotExist:
        return False
    if not isinstance(target, DraftStateMixin):  # no drafts, no review: just the shared fields
        _copy_synchronised_fields(original, target, translation.target_locale)
        target.save()
        return True
    if target.live:
        approved = _live_object(target)
        before = _without_ids(approved.serializable_data())
        _copy_synchronised_fields(original, approved, translation.target_locale)
        if _without_ids(approved.serializable_data()) != before:
            _publish_as_sync(approved.save_revision(user=user), user)
            target = _target(translation)
    if _has_unapproved_text(translation, target):
        save_translation_draft(translation, user)
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
    target = _target(translation)
    if isinstance(target, Page) and target.alias_of_id:
        save_translation_draft(translation, user)
    else:
        _sync_one(translation, translation.source.as_instance(), user)


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
        if getattr(settings, "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE", True):
            publish_new = getattr(instance, "live", True)
        else:
            publish_new = not isinstance(instance, DraftStateMixin)
        for locale in self.target_locales:
            if locale == source.locale:
                continue
            translation, _created = Translation.objects.update_or_create(
                source=source, target_locale=locale, defaults={"enabled": mode == "synced"}
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


def report_sync_failure(instance, locales):
    """Tell the people who can act: the publisher (admin message) and each language's reviewers
    (and the administrators), each in their admin language."""
    _sync_failures.set((*_sync_failures.get(), (str(instance), tuple(locales))))
    superusers = list(get_user_model().objects.filter(is_superuser=True, is_active=True))
    for locale in locales:
        translated = instance.get_translation_or_none(locale)
        link = settings.WAGTAILADMIN_BASE_URL + _edit_url(translated or instance)
        team, _fallback = review_team(locale.language_code)
        mail_each_in_their_language(
            {user.pk: user for user in [*team, *superusers]}.values(),
            lambda: _("Translation not updated: %(title)s") % {"title": str(instance)},
            lambda locale=locale, link=link: (
                _(
                    "“%(title)s” was published in English, but its %(language)s translation could "
                    "not be brought in step with it (dates, images, links). Readers still see the "
                    "previous version. Open the translation, check it and publish it again; the "
                    "server log has the details.\n%(link)s"
                )
                % {"title": str(instance), "language": locale.get_display_name(), "link": link}
            ),
        )


def show_sync_failures(request, *args):
    """Admin hook: tell the publisher which translations the sync could not update."""
    failures = _sync_failures.get()
    _sync_failures.set(())
    for title, locales in failures:
        messages.error(
            request,
            _(
                "The translations of “%(title)s” into %(languages)s could not be updated. "
                "Their reviewers have been e-mailed; readers still see the previous version."
            )
            % {
                "title": title,
                "languages": get_text_list(
                    [locale.get_display_name() for locale in locales], _("and")
                ),
            },
        )


@receiver(request_started)
def _forget_sync_failures(**kwargs):
    _sync_failures.set(())


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
