"""load_demo: idempotent, every page reachable, translations made through wagtail-localize."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

import pytest

from home.models import StandardPage
from site_core.models import Footer
from tools.demo import content, events, news, tags

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def tree_snapshot():
    return list(
        Page.objects.order_by("path").values_list(
            "path", "slug", "title", "locale__language_code", "live", "translation_key"
        )
    )


def test_running_load_demo_again_keeps_the_same_tree():
    before = tree_snapshot()
    footers = Footer.objects.count()
    output = StringIO()
    call_command("load_demo", "--no-admin", stdout=output)
    assert tree_snapshot() == before
    assert Footer.objects.count() == footers
    assert "Translation kept" in output.getvalue()
    assert "Demo site ready." in output.getvalue()


def test_load_demo_shows_progress():
    output = StringIO()
    call_command("load_demo", "--no-admin", stdout=output)
    lines = [line for line in output.getvalue().splitlines() if line.startswith("[")]
    total = lines[0].split("/")[1].split("]")[0]
    assert lines[0].lstrip("[ ").startswith("1/")
    assert len(lines) == int(total)
    assert lines[-1].startswith(f"[{total}/{total}]")


def test_every_configured_language_has_a_locale_and_a_live_home_page():
    site = Site.objects.get(is_default_site=True)
    homes = Page.objects.live().filter(translation_key=site.root_page.translation_key)
    assert sorted(homes.values_list("locale__language_code", flat=True)) == sorted(
        Locale.objects.values_list("language_code", flat=True)
    )
    assert homes.count() == 8


def test_demo_translations_are_complete_synced_translations():
    translations = Translation.objects.select_related("target_locale")
    expected_pages = len(content.HOME_LANGUAGES) + sum(
        len(languages) for _spec, languages in content.CHILD_PAGES
    )
    expected_pages += len(news.INDEX_LANGUAGES) + len(news.POSTS) * len(news.NEWS_LANGUAGES)
    expected_snippets = len(content.HOME_LANGUAGES) + len(news.CATEGORIES) * len(
        news.INDEX_LANGUAGES
    )
    expected_pages += 2 * len(events.INDEX_LANGUAGES) + (
        len(events.FILMS) + len(events.EVENTS)
    ) * len(events.EVENT_LANGUAGES)
    expected_snippets += len(tags.TAG_NAMES) * len(tags.COLUMNS)  # every demo tag's name
    # less the posts and events still waiting for some languages (tools/demo: waiting_for)
    expected_pages -= sum(len(s.get("waiting_for", ())) for s in [*news.POSTS, *events.EVENTS])
    drafts = len(content.DRAFT_TRANSLATIONS)
    assert translations.count() == expected_pages + expected_snippets + drafts
    for translation in translations:
        assert translation.enabled
        total, done = translation.get_progress()
        target = translation.get_target_instance()
        if getattr(target, "live", True):
            assert done == total > 0, translation
        else:  # the demo's translation in progress: started, not finished
            assert 0 < done < total, translation
    assert not StringTranslation.objects.filter(has_error=True).exists()


def test_translations_are_drafts_until_translated():
    """WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False: a new translation is not live.
    (Every demo page is translated into German, so the test adds an English page of its own.)"""
    home = Page.objects.get(depth=2, locale__language_code="en")
    page = home.add_child(instance=StandardPage(title="Press", slug="press"))
    page.save_revision().publish()
    TranslationCreator(
        user=None, target_locales=[Locale.objects.get(language_code="de")]
    ).create_translations(page, include_related_objects=False)
    german = page.get_translation(Locale.objects.get(language_code="de"))
    assert not german.live


def test_demo_never_uses_the_offline_reversing_translator_text():
    # The Dutch hero heading is the one we wrote, not a machine translation.
    dutch_home = Page.objects.get(depth=2, locale__language_code="nl").specific
    assert dutch_home.hero_heading == "Licht op de vervolging van Falun Gong"


def test_admin_account_uses_the_password_from_the_environment(settings):
    settings.DEMO_ADMIN_PASSWORD = "a-long-demo-password-42"
    output = StringIO()
    call_command("load_demo", stdout=output)
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password("a-long-demo-password-42")
    assert "a-long-demo-password-42" not in output.getvalue()


def test_generated_admin_password_is_printed_once_and_works(settings):
    settings.DEMO_ADMIN_PASSWORD = ""
    first = StringIO()
    call_command("load_demo", stdout=first)
    line = next(line for line in first.getvalue().splitlines() if "Admin password" in line)
    password = line.rsplit(": ", 1)[1].strip()
    assert get_user_model().objects.get(username="admin").check_password(password)
    second = StringIO()
    call_command("load_demo", stdout=second)
    assert "Admin password" not in second.getvalue()
