"""The translators' and reviewers' admin views.

- ``submit_for_review``: a translator's finished translation becomes a draft revision of the page
  and enters that language's review workflow (snippets: a draft, and the reviewers are e-mailed).
  Machine-translated segments must each be checked (opened and saved) first.
- ``review``: a reviewer of that language approves (publishes) or requests changes with a comment.
- ``start_translation``: a translator starts translating an English page into their language.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from site_core.translation_workflow.drafts import (
    edit_url,
    save_translation_draft,
    target_instance,
)
from site_core.translation_workflow.groups import TEAM_ADMINISTRATORS, review_team
from site_core.translation_workflow.notifications import notify_reviewers, who_reviews
from site_core.translation_workflow.permissions import can_edit_locale, can_publish_locale
from site_core.translation_workflow.progress import progress_summary
from site_core.translation_workflow.translate import translate_object


def _not_ready_for_review(translation):
    """Why a translation cannot be submitted yet (a message), or None when it can."""
    progress = progress_summary(translation)
    total, done, machine = progress["total"], progress["done"], progress["machine"]
    fields = get_text_list(progress["machine_fields"], _("and"))
    if machine and machine == progress["previous"]:
        return ngettext(
            "%(count)s segment keeps its previous translation because the English changed: "
            "%(fields)s. Compare it with the new English, correct it if needed and save it, "
            "then submit again.",
            "%(count)s segments keep their previous translation because the English changed: "
            "%(fields)s. Compare each with the new English, correct it if needed and save it, "
            "then submit again.",
            machine,
        ) % {"count": machine, "fields": fields}
    if machine:
        return ngettext(
            "%(count)s machine-translated segment has not been checked yet: %(fields)s. Open "
            "it (it is marked “machine translated”), correct it if needed and save it, "
            "then submit again.",
            "%(count)s machine-translated segments have not been checked yet: %(fields)s. Open "
            "each one marked “machine translated”, correct it if needed and save it, then "
            "submit again.",
            machine,
        ) % {"count": machine, "fields": fields}
    if done < total:
        return ngettext(
            "%(count)s segment still needs a translation before this can be reviewed.",
            "%(count)s segments still need a translation before this can be reviewed.",
            total - done,
        ) % {"count": total - done}
    return None


def _save_for_review(translation, user):
    """Save the translation as a draft; a message when it does not validate, else None."""
    try:
        save_translation_draft(translation, user)
    except ValidationError as error:
        return _("The translation could not be saved: %(errors)s Correct it and submit again.") % {
            "errors": " ".join(error.messages)
        }
    return None


def _start_or_resume_review(page, user):
    """Resume a review that asked for changes, or start the page's review workflow; a message
    when no workflow covers the page, else None."""
    state = page.current_workflow_state
    if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
        state.resume(user)
    elif state is None:
        workflow = page.get_workflow()
        if workflow is None:
            return _(
                "No review workflow covers this page. Ask an administrator to run "
                "“manage.py setup_roles”."
            )
        workflow.start(page, user)
    return None


def _submitted(request, translation, instance):
    """Tell the reviewers (Wagtail's workflow does it for pages with a review team of their own)
    and return what the translator is told."""
    language = translation.target_locale.get_display_name()
    if isinstance(instance, Page):
        _team, who = review_team(translation.target_locale.language_code)
        if who == TEAM_ADMINISTRATORS:
            # Wagtail's own notice goes to the task's groups only: administrators are told here.
            notify_reviewers(request, translation, instance)
        return _("“%(title)s” was submitted for %(language)s review.") % {
            "title": instance.get_admin_display_title(),
            "language": language,
        }
    notify_reviewers(request, translation, instance)
    return _("“%(title)s” was saved as a draft for the %(language)s reviewers.") % {
        "title": str(instance),
        "language": language,
    }


@require_POST
def submit_for_review(request, translation_id):
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    if not can_edit_locale(request.user, translation.target_locale_id):
        raise PermissionDenied
    url = edit_url(target_instance(translation))
    error = _not_ready_for_review(translation) or _save_for_review(translation, request.user)
    instance = None if error else target_instance(translation)
    if isinstance(instance, Page):
        error = _start_or_resume_review(instance, request.user)
    if error:
        messages.error(request, error)
        return redirect(url)
    done = _submitted(request, translation, instance)
    messages.success(request, f"{done} {who_reviews(translation.target_locale, request.user)}")
    return redirect(url)


@require_POST
def review(request, translation_id):
    """Approve (and publish) or request changes, for a page waiting for review."""
    translation = get_object_or_404(Translation, pk=translation_id)
    if not can_publish_locale(request.user, translation.target_locale_id):
        raise PermissionDenied
    page = target_instance(translation)
    if not isinstance(page, Page):
        raise PermissionDenied
    url = edit_url(page)
    task_state = page.current_workflow_task_state
    if task_state is None:
        messages.warning(request, _("This page is not waiting for review."))
        return redirect(url)
    task = task_state.task.specific
    action = request.POST.get("action", "")
    allowed = {name for name, _label, _modal in task.get_actions(page, request.user)}
    if action not in allowed or action not in {"approve", "reject"}:
        raise PermissionDenied
    comment = request.POST.get("comment", "").strip()[:2000]
    if action == "reject" and not comment:
        messages.error(request, _("Say what needs to change: a comment is required."))
        return redirect(url)
    task.on_action(task_state, request.user, action, comment=comment)
    if action == "approve":
        messages.success(
            request,
            _("Approved and published: “%(title)s”.") % {"title": page.get_admin_display_title()},
        )
    else:
        messages.success(request, _("Changes requested; the translator has been told."))
    return redirect(url)


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
