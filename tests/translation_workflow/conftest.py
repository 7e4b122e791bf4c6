"""Fixtures of the translation workflow's tests: the team, and a post translated into Dutch and
Hebrew (each test builds them on the empty site)."""

from django.urls import reverse

import pytest

from tests.translation_workflow import helpers
from tests.translation_workflow.helpers import MARKER, login, translated_post, translation_of
from tests.utils import locale


@pytest.fixture
def team():
    """The editor, the Dutch translator and reviewer and the Hebrew translator."""
    return helpers.team()


@pytest.fixture
def post():
    """A new English post, translated into Dutch and Hebrew and published in both."""
    return translated_post("nl", "he")


@pytest.fixture
def hebrew_draft():
    """A Hebrew post with an unpublished draft (its title carries a marker)."""
    hebrew = translated_post("he").get_translation(locale("he")).specific
    hebrew.title = MARKER
    hebrew.save_revision()
    return hebrew


@pytest.fixture
def submitted_dutch_post(client, team):
    """A Dutch post the Dutch translator has submitted for review: (dutch page, translation)."""
    post = translated_post("nl")
    translation = translation_of(post, "nl")
    login(client, "translator-nl")
    client.post(reverse("site_translation_submit", args=[translation.pk]))
    return post.get_translation(locale("nl")).specific, translation
