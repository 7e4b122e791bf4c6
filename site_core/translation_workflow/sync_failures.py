"""A translation the sync could not bring in step: the publisher is told in the admin, each
language's reviewers (and the administrators) by e-mail."""

from contextvars import ContextVar

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.signals import request_started
from django.dispatch import receiver
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from site_core.translation_workflow.drafts import edit_url
from site_core.translation_workflow.groups import review_team
from site_core.translation_workflow.notifications import mail_each_in_their_language

# Failures of the sync during this request, shown to the publisher by the admin hooks
# (``show_sync_failures``); reset when a request starts.
_sync_failures = ContextVar("translation_sync_failures", default=())


def report_sync_failure(instance, locales):
    """Tell the people who can act: the publisher (admin message) and each language's reviewers
    (and the administrators), each in their admin language."""
    _sync_failures.set((*_sync_failures.get(), (str(instance), tuple(locales))))
    superusers = list(get_user_model().objects.filter(is_superuser=True, is_active=True))
    for locale in locales:
        translated = instance.get_translation_or_none(locale)
        link = settings.WAGTAILADMIN_BASE_URL + edit_url(translated or instance)
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
