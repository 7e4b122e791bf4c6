"""The names of the roles' groups, review workflows and tasks per language, and who reviews one.

Names only, and the people in them: ``roles.setup_roles`` creates the groups and workflows,
``review_fallback`` lets the editors stand in for a language without a reviewer.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import get_language_info

from wagtail.models import Locale, Page

EDITORS = "Editors"
TRANSLATORS = "Translators – {language}"
REVIEWERS = "Reviewers – {language}"
WORKFLOW = "{language} review"
TASK = "Approval by {language} reviewers"

# Who reviews a language (``review_team``): its reviewers, else the editors, else administrators.
TEAM_REVIEWERS, TEAM_EDITORS, TEAM_ADMINISTRATORS = "reviewers", "editors", "administrators"

EDITOR_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
)
# Translators work on the pages that exist in English; creating pages is a reviewer's call.
TRANSLATOR_PAGE_PERMISSIONS = ("change_page",)
REVIEWER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")


def language_name(code: str) -> str:
    """The English name of a language, for group and workflow names (e.g. "Dutch")."""
    try:
        return get_language_info(code)["name"]
    except KeyError:
        return code


def translator_group_name(code):
    return TRANSLATORS.format(language=language_name(code))


def reviewer_group_name(code):
    return REVIEWERS.format(language=language_name(code))


def workflow_name(code):
    return WORKFLOW.format(language=language_name(code))


def task_name(code):
    """The name of the review task of a language's workflow."""
    return TASK.format(language=language_name(code))


def locale_home(locale):
    """The root of a locale's tree (its home page), or None while it has none."""
    return Page.objects.filter(depth=2, locale=locale).order_by("path").first()


def language_home(code):
    """The home page of a language, or None while it has no locale or no home page."""
    locale = Locale.objects.filter(language_code=code).first()
    return locale and locale_home(locale)


def active_members(group_name):
    return get_user_model().objects.filter(groups__name=group_name, is_active=True).distinct()


def review_team(code):
    """Who reviews a language now: (users, one of the ``TEAM_*`` names).

    Its reviewers; when it has none, the editors; when there are none either, the administrators.
    """
    reviewers = active_members(reviewer_group_name(code))
    if reviewers.exists():
        return list(reviewers), TEAM_REVIEWERS
    editors = active_members(EDITORS)
    if editors.exists():
        return list(editors), TEAM_EDITORS
    return list(get_user_model().objects.filter(is_superuser=True, is_active=True)), (
        TEAM_ADMINISTRATORS
    )


def reviews_or_edits(user):
    """True when ``user`` is an editor or a reviewer of any language."""
    names = [EDITORS] + [reviewer_group_name(code) for code, _name in settings.LANGUAGES]
    return user.groups.filter(name__in=names).exists()
