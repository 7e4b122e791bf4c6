"""The translation editor's "Fill from 简体中文 (converted with OpenCC)" (and its Traditional
counterpart), and wagtail-localize's "Translate with …" with the service's failures shown to
the translator instead of an error page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation

from site_core.translation_workflow.chinese import OTHER_SCRIPT, fill_from_other_script, is_chinese
from site_core.translation_workflow.machine import MachineTranslationError
from site_core.translation_workflow.permissions import can_edit_locale


def _translation_to_edit(request, translation_id):
    """The translation and its page or snippet, or None when ``request.user`` may not edit
    its language or that object (answered with a plain 403, as the translator scope's
    middleware answers for wagtail-localize's own views, not with Wagtail's redirect)."""
    translation = get_object_or_404(
        Translation.objects.select_related("target_locale", "source"),
        pk=translation_id,
        enabled=True,
    )
    if not can_edit_locale(request.user, translation.target_locale_id):
        return None
    instance = translation.get_target_instance()
    if not edit_translation.user_can_edit_instance(request.user, instance):
        return None
    return translation, instance


def _refused(request):
    return permission_denied(request, PermissionDenied())


def _back(request, instance):
    next_url = get_valid_next_url_from_request(request)
    return redirect(next_url or AdminURLFinder(request.user).get_edit_url(instance))


def _report(request, counts, language):
    messages.success(
        request,
        _(
            "Filled from %(language)s: %(converted)d converted with OpenCC, %(machine)d "
            "machine-translated from English, %(kept)d kept as they were. Check each filled "
            "segment before you submit the translation for review."
        )
        % {
            "language": language,
            "converted": counts.converted,
            "machine": counts.machine_translated,
            "kept": counts.kept,
        },
    )
    if counts.untranslated:
        reason = counts.error or _("No machine translation is set up.")
        messages.warning(
            request,
            _("Still untranslated: %(count)d. %(reason)s")
            % {"count": counts.untranslated, "reason": reason},
        )


@require_POST
def fill_from_other_script_view(request, translation_id):
    """Fills the segments not yet translated (``chinese.fill_from_other_script``); back to the
    editor with what was done."""
    found = _translation_to_edit(request, translation_id)
    if found is None:
        return _refused(request)
    translation, instance = found
    code = translation.target_locale.language_code
    if not is_chinese(code):
        raise Http404
    counts = fill_from_other_script(translation, request.user)
    other = Locale.objects.filter(language_code=OTHER_SCRIPT[code]).first()
    _report(request, counts, other.get_display_name() if other else OTHER_SCRIPT[code])
    return _back(request, instance)


@require_POST
def machine_translate(request, translation_id):
    """wagtail-localize's ``machine_translate``; a failing service is a message, not a 500."""
    found = _translation_to_edit(request, translation_id)
    if found is None:
        return _refused(request)
    translation, instance = found
    try:
        return edit_translation.machine_translate(request, translation_id=translation.pk)
    except MachineTranslationError as error:
        messages.error(
            request,
            _(
                "Machine translation failed: %(reason)s Nothing was changed: try again later, "
                "or translate these segments yourself."
            )
            % {"reason": error},
        )
        return _back(request, instance)
