"""People: an editor, a translator or reviewer of one language, an administrator. Each joins the
group ``setup_roles`` made (tests/factories/site.py builds the roles once per run)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from site_core.translation_workflow.groups import (
    EDITORS,
    reviewer_group_name,
    translator_group_name,
)

PASSWORD = "test-password-0123"


def user(username, *groups, **fields):
    """A user (password ``PASSWORD``) in the named groups."""
    fields.setdefault("email", f"{username}@example.org")
    person = get_user_model().objects.create_user(username, password=PASSWORD, **fields)
    for name in groups:
        person.groups.add(Group.objects.get(name=name))
    return person


def editor(username="editor"):
    return user(username, EDITORS)


def translator(code, username=None):
    return user(username or f"translator-{code}", translator_group_name(code))


def reviewer(code, username=None):
    return user(username or f"reviewer-{code}", reviewer_group_name(code))


def administrator(username="admin"):
    return get_user_model().objects.create_superuser(username, f"{username}@example.org", PASSWORD)
