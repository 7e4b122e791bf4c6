"""Fixtures of the translation workflow's tests (on the demo site)."""

import datetime

from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

import pytest

from news.models import NewsPage
from tests.translation_workflow.helpers import (
    MARKER,
    POST,
    english_post,
    login,
    translate_and_publish,
    translation_of,
)
from tests.utils import locale


@pytest.fixture
def post():
    """A new English post, translated into Dutch and Hebrew and published in both."""
    index = Page.objects.get(depth=3, locale__language_code="en", slug="news").specific
    page = NewsPage(
        title=POST["title"],
        slug=POST["slug"],
        summary=POST["summary"],
        author=POST["author"],
        body=[("paragraph", POST["paragraph"])],
        date=timezone.make_aware(datetime.datetime(2026, 11, 20, 10, 0)),
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    for code in ("nl", "he"):
        translate_and_publish(page, code)
    return page


@pytest.fixture
def hebrew_draft():
    """A Hebrew post with an unpublished draft (title and body carry a marker)."""
    post = english_post()
    hebrew = post.get_translation(locale("he")).specific
    hebrew.title = MARKER
    hebrew.save_revision()
    return hebrew


@pytest.fixture
def submitted_dutch_post(client):
    """A Dutch post the Dutch translator has submitted for review: (dutch page, translation)."""
    post = english_post()
    translation = translation_of(post, "nl")
    login(client, "translator-nl")
    client.post(reverse("site_translation_submit", args=[translation.pk]))
    return post.get_translation(locale("nl")).specific, translation
