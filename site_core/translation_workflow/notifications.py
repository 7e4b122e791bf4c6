"""Telling people about translations to review: who will review, and e-mails in each
recipient's admin language."""

from django.conf import settings
from django.core.mail import send_mail
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import override as translation_override

from wagtail.users.models import UserProfile

from site_core.translation_workflow.drafts import edit_url
from site_core.translation_workflow.groups import TEAM_REVIEWERS, review_team


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
    link = settings.WAGTAILADMIN_BASE_URL + edit_url(instance)
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
