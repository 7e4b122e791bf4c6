"""wagtail-localize's "Stop synced translation", confirmed first and only for those who may.

wagtail-localize's button posted at once: one click and a translation no longer followed its
English page, with no word on what that means. Here (on the same path, ahead of its URL,
``localize_guards.urls``) a GET shows what stopping does and a POST stops the sync only with the
confirmation that page carries: a signed token naming the translation and the user, valid for
an hour. A POST without it (the editor's old button, a forged request) changes nothing and leads
to the confirmation page.

Who may: the language's reviewers and the editors (where they work in that language: the scope
middleware keeps everyone to their languages); translators may not.
"""

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

from site_core.translation_workflow.drafts import edit_url, target_instance
from site_core.translation_workflow.permissions import can_publish_locale

SALT = "site_core.translation_workflow.stop_sync"
MAX_AGE = 60 * 60
COORDINATE = "wagtail_localize.submit_translation"


def may_stop_sync(user, translation, instance=None):
    """Reviewers of the translation's language and editors, on a translation they may edit."""
    if not (can_publish_locale(user, translation.target_locale_id) or user.has_perm(COORDINATE)):
        return False
    instance = instance if instance is not None else target_instance(translation)
    return user_can_edit_instance(user, instance)


def confirmation_token(user, translation):
    return signing.dumps([translation.pk, user.pk], salt=SALT)


def is_confirmed(request, translation):
    try:
        value = signing.loads(request.POST.get("confirm", ""), salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return False
    return value == [translation.pk, request.user.pk]


def _confirmation_url(translation, next_url):
    url = reverse("wagtail_localize:stop_translation", args=[translation.pk])
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def _title(instance):
    return instance.get_admin_display_title() if isinstance(instance, Page) else str(instance)


def _stop(request, translation, instance):
    translation.enabled = False
    translation.save(update_fields=["enabled"])
    messages.success(
        request,
        _(
            "“%(title)s” in %(language)s no longer follows the %(source)s page. Start the "
            "synced translation again from its editor when it should."
        )
        % {
            "title": _title(instance),
            "language": translation.target_locale.get_display_name(),
            "source": translation.source.locale.get_display_name(),
        },
    )
    return redirect(edit_url(instance))


def _confirmation_page(request, translation, instance, next_url):
    context = {
        "translation": translation,
        "title": _title(instance),
        "language": translation.target_locale.get_display_name(),
        "source_language": translation.source.locale.get_display_name(),
        "confirm": confirmation_token(request.user, translation),
        "next": next_url,
    }
    return TemplateResponse(request, "translation_workflow/confirm_stop_sync.html", context)


def stop_translation(request, translation_id):
    """GET: what stopping means, and the confirmation; POST (confirmed): stop the sync."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    translation = get_object_or_404(Translation, pk=translation_id)
    instance = target_instance(translation)
    if not may_stop_sync(request.user, translation, instance):
        raise PermissionDenied
    if not translation.enabled:
        messages.info(request, _("This translation is not synced any more."))
        return redirect(edit_url(instance))
    next_url = get_valid_next_url_from_request(request) or edit_url(instance)
    if request.method == "GET":
        return _confirmation_page(request, translation, instance, next_url)
    if not is_confirmed(request, translation):
        return redirect(_confirmation_url(translation, next_url))
    return _stop(request, translation, instance)
