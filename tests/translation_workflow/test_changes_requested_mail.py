"""The translator's e-mail when a reviewer requests changes says "changes requested", as the
reviewer's screen does (Wagtail's said "rejected"), in the translator's admin language."""

from django.core import mail
from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest

from tests.translation_workflow.helpers import login

pytestmark = pytest.mark.django_db

COMMENT = "Gebruik 'beoefenaars'."


def request_changes(client, translation):
    login(client, "reviewer-nl")
    mail.outbox.clear()
    client.post(
        reverse("site_translation_review", args=[translation.pk]),
        {"action": "reject", "comment": COMMENT},
    )
    (message,) = [m for m in mail.outbox if m.to == ["translator-nl@example.org"]]
    return message


def test_the_mail_asks_for_changes_in_the_screens_words(client, submitted_dutch_post):
    dutch, translation = submitted_dutch_post
    message = request_changes(client, translation)
    assert message.subject == f'Changes requested: "{dutch.title}"'
    assert "Sanne Reviewer requested changes to" in message.body
    assert f'What to change: "{COMMENT}"' in message.body
    assert f"/admin/pages/{dutch.pk}/edit/" in message.body
    assert "reject" not in (message.subject + message.body).lower()


def test_the_mail_is_in_the_translators_language(client, submitted_dutch_post, team):
    dutch, translation = submitted_dutch_post
    profile = UserProfile.get_for_user(team.translator_nl)
    profile.preferred_language = "nl"
    profile.save()
    message = request_changes(client, translation)
    assert message.subject == f'Wijzigingen gevraagd: "{dutch.title}"'
    assert "Sanne Reviewer vraagt om wijzigingen in" in message.body
    assert "afgewezen" not in message.body
