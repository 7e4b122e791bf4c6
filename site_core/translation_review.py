"""Translators' review flow and keeping translations in step with the English source.

- ``submit_for_review``: a translator's finished translation becomes a draft revision of the page
  and enters that language's review workflow (snippets: a draft, and the reviewers are e-mailed).
  Machine-translated segments must each be checked (opened and saved) first.
- ``review``: a reviewer of that language approves (publishes) or requests changes with a comment.
- ``start_translation``: a translator starts translating an English page into their language.
- ``sync_translations``: when an English page or snippet is published, every translation is
  re-extracted; translated segments are kept as they are, new or changed ones show as untranslated.
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.dispatch import receiver
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail.signals import published
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object

from site_core.permissions import can_edit_locale, can_publish_locale
from site_core.roles import reviewer_group_name

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
    """Save a translation as a new draft revision without touching what readers see.

    wagtail-localize's ``save_target(publish=False)`` writes the draft into the object's row, so
    a live page would show unreviewed text at once and a live snippet would be unpublished. Here
    the row is put back to its live revision; the new revision stays the latest, awaiting review.
    """
    try:
        before = _target(translation)
    except ObjectDoesNotExist:
        before = None
    was_live = before is not None and getattr(before, "live", False)
    live_revision_id = getattr(before, "live_revision_id", None) if was_live else None

    translation.save_target(user=user, publish=False)

    if live_revision_id is None:
        return _target(translation)
    current = _target(translation)
    restored = current.live_revision.as_object() if current.live_revision_id else None
    if restored is None:
        return current
    restored.live = True
    restored.has_unpublished_changes = True
    restored.latest_revision = current.latest_revision
    if isinstance(restored, Page):
        restored.draft_title = current.draft_title
        restored.save(clean=False)
    else:
        restored.save()
    return _target(translation)


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
        messages.success(
            request,
            _("“%(title)s” was submitted for %(language)s review.")
            % {"title": instance.get_admin_display_title(), "language": language},
        )
    else:
        notify_reviewers(request, translation, instance)
        messages.success(
            request,
            _("“%(title)s” was saved as a draft for the %(language)s reviewers.")
            % {"title": str(instance), "language": language},
        )
    return redirect(edit_url)


def notify_reviewers(request, translation, instance):
    """E-mail the reviewers of the translation's language (snippets have no workflow)."""
    group = reviewer_group_name(translation.target_locale.language_code)
    recipients = list(
        get_user_model()
        .objects.filter(groups__name=group, is_active=True)
        .exclude(email="")
        .exclude(pk=request.user.pk)
        .values_list("email", flat=True)
    )
    if not recipients:
        return
    link = settings.WAGTAILADMIN_BASE_URL + _edit_url(instance)
    send_mail(
        _("Translation to review: %(title)s") % {"title": str(instance)},
        _("%(user)s submitted a translation into %(language)s for review:\n%(link)s")
        % {
            "user": request.user.get_full_name() or request.user.get_username(),
            "language": translation.target_locale.get_display_name(),
            "link": link,
        },
        None,
        recipients,
    )


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


def _segment_signature(source):
    return list(
        StringSegment.objects.filter(source=source)
        .order_by("order")
        .values_list("context__path", "string__data")
    )


def sync_translations(instance, user=None):
    """Re-extract an English source and refresh every translation without losing any work.

    Translations are stored per string and per place (block id), so every segment whose text is
    unchanged keeps its translation byte for byte; changed or new segments show as untranslated.
    When only synchronised fields changed (dates, images, links), live translations that were up
    to date are republished so those fields match everywhere.
    """
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is None:
        return []
    before = _segment_signature(source)
    source.update_from_db()
    text_changed = _segment_signature(source) != before
    refreshed = []
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        try:
            target = _target(translation)
        except ObjectDoesNotExist:
            continue
        was_current = (
            getattr(target, "live", True)
            and not getattr(target, "has_unpublished_changes", False)
            and not (isinstance(target, Page) and target.workflow_in_progress)
        )
        try:
            save_translation_draft(translation, user)
        except ValidationError:
            logger.warning("Could not refresh %s in %s", instance, translation.target_locale)
            continue
        if not text_changed and was_current and isinstance(target, DraftStateMixin):
            _target(translation).get_latest_revision().publish(user=user)
        refreshed.append(translation.target_locale.language_code)
    return refreshed


@receiver(published)
def sync_on_publish(sender, instance, revision=None, **kwargs):
    """Publishing the English version of anything translated refreshes its translations."""
    locale = getattr(instance, "locale", None)
    if locale is None or locale.language_code != settings.LANGUAGE_CODE:
        return
    # (Republishing a translation cannot recurse: its locale is not the source's.)
    user = getattr(revision, "user", None)
    try:
        sync_translations(instance.specific if isinstance(instance, Page) else instance, user)
    except Exception:  # a failed sync must never block publishing the source
        logger.exception("Syncing translations of %s failed", instance)
