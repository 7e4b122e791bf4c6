"""The demo's accounts: an administrator and a small team (editor, translators, reviewer)."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from site_core.translation_workflow.roles import (
    EDITORS,
    reviewer_group_name,
    translator_group_name,
)

ADMIN_USERNAME = "admin"

# The demo team: (username, full name, language, role group). One password for all of them.
DEMO_USERS = [
    ("editor", "Emma Editor", None, EDITORS),
    ("translator-nl", "Daan Translator", "nl", "translators"),
    ("reviewer-nl", "Sanne Reviewer", "nl", "reviewers"),
    ("translator-he", "Noa Translator", "he", "translators"),
]


def group_name(role, language):
    """The group a demo user joins: their language's translators or reviewers, else ``role``."""
    if role == "translators":
        return translator_group_name(language)
    if role == "reviewers":
        return reviewer_group_name(language)
    return role


def create_demo_users(progress):
    """A Dutch translator and reviewer, a Hebrew translator and an editor."""
    user_model = get_user_model()
    password = settings.DEMO_USERS_PASSWORD or secrets.token_urlsafe(12)
    created = []
    for username, full_name, language, role in DEMO_USERS:
        if user_model.objects.filter(username=username).exists():
            progress(f"Demo user kept: {username}")
            continue
        first_name, _space, last_name = full_name.partition(" ")
        user = user_model.objects.create_user(
            username,
            f"{username}@example.org",
            password,
            first_name=first_name,
            last_name=last_name,
        )
        group = group_name(role, language)
        user.groups.add(Group.objects.get(name=group))
        created.append(f"{username} ({group})")
        progress(f"Demo user created: {username} in {group}")
    if created:
        announce_team_password(progress, created, password)


def announce_team_password(progress, created, password):
    """Say where the new demo users' password is, or show a generated one once."""
    if settings.DEMO_USERS_PASSWORD:
        if progress.verbosity >= 1:
            progress.say("Their password is the one in DEMO_USERS_PASSWORD.")
        return
    progress.warn(
        "Password of the demo users " + ", ".join(created) + " (shown only this "
        f"once, write it down): {password}\n"
        "To choose another: .venv/bin/python manage.py changepassword <username>"
    )


def create_admin(progress):
    """The ``admin`` superuser, with DEMO_ADMIN_PASSWORD or a generated password shown once."""
    user_model = get_user_model()
    if user_model.objects.filter(username=ADMIN_USERNAME).exists():
        progress(f"Admin account kept: {ADMIN_USERNAME}")
        return
    password = settings.DEMO_ADMIN_PASSWORD or secrets.token_urlsafe(12)
    user_model.objects.create_superuser(ADMIN_USERNAME, "admin@example.org", password)
    progress(f"Admin account created: {ADMIN_USERNAME}")
    if settings.DEMO_ADMIN_PASSWORD:
        progress.say("Its password is the one in DEMO_ADMIN_PASSWORD.")
    else:
        progress.warn(
            f"Admin password (shown only this once, write it down): {password}\n"
            "To choose another: .venv/bin/python manage.py changepassword admin"
        )
