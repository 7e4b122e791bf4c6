"""Optional automatic drafts (``TRANSLATION_AUTO_DRAFTS``): a new English page's first publish
starts a draft translation in every language whose section exists; off by default."""

from django.conf import settings

from wagtail.models import Page

import pytest

from news.models import NewsPage
from tests.factories import news_index
from tests.translation_workflow.helpers import new_english_page, publish_english

pytestmark = pytest.mark.django_db


def translations_of(page):
    return {
        row.locale.language_code: row
        for row in NewsPage.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    }


def test_off_by_default(team):
    assert settings.TRANSLATION_AUTO_DRAFTS is False
    news_index("nl")
    post = new_english_page()
    assert translations_of(post) == {}


def test_first_publish_starts_drafts_in_every_language(settings, team):
    news_index("nl")
    news_index("he")  # no other language has its news section: no place for a translation
    settings.TRANSLATION_AUTO_DRAFTS = True
    post = new_english_page()
    drafts = translations_of(post)
    assert set(drafts) == {"nl", "he"}
    for draft in drafts.values():
        assert not draft.live, "an automatic translation must never reach readers"
        assert Page.objects.get(pk=draft.pk).get_parent().locale_id == draft.locale_id
    # republishing the English page starts nothing more (a deleted draft stays deleted)
    drafts["he"].delete()
    post.summary = "Another summary."
    publish_english(post)
    assert set(translations_of(post)) == {"nl"}


def test_a_new_section_gets_drafts_under_every_home_page(settings, team):
    settings.TRANSLATION_AUTO_DRAFTS = True
    english = news_index()
    drafts = {page.locale.language_code: page for page in english.get_translations()}
    assert len(drafts) == len(settings.LANGUAGES) - 1
    assert not any(page.live for page in drafts.values())
