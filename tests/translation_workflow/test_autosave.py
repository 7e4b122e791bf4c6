"""Wagtail 8's autosave of a new page (issue 16): the draft it creates before anyone saves, a
retry that used to clash on the slug, the overview's totals and the abandoned drafts' cleanup."""

import datetime
import io
from pathlib import Path

from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from news.models import NewsPage
from tests.factories import editor, news_index, translate
from tests.translation_workflow.helpers import new_english_page
from tests.utils import soup

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def post_form(title="Hunger strike in Geneva", slug="hunger-strike-in-geneva", **fields):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "2026-11-20 10:00",
            "author": "",
            "summary": fields.get("summary", "A first line."),
            "hero_image_alt": "",
            "body": streamfield([("paragraph", rich_text("<p>Day one.</p>"))]),
            "tags": "",
            "related_posts": inline_formset([]),
        }
    )


def create_url(index):
    return reverse("wagtailadmin_pages:add", args=["news", "newspage", index.pk])


def drafts(title="Hunger strike in Geneva"):
    return NewsPage.objects.filter(title=title)


def test_autosave_creates_the_new_page_as_a_draft_before_the_editor_saves(client):
    index = news_index()
    client.force_login(editor())
    response = client.post(create_url(index), post_form(), **JSON)
    data = response.json()
    assert data["success"] is True
    page = drafts().get()
    assert not page.live and page.first_published_at is None
    assert data["url"] == reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_a_retried_autosave_edits_the_draft_it_created_instead_of_clashing_on_the_slug(client):
    # The first answer was lost: the browser posts the new page to the create view again.
    index = news_index()
    client.force_login(editor())
    client.post(create_url(index), post_form(), **JSON)
    retry = client.post(create_url(index), post_form(summary="A second line."), **JSON)
    data = retry.json()
    assert data["success"] is True, data  # before the fix: "validation_error" (slug in use)
    page = drafts().get()
    assert data["url"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert "hydrate_url" in data
    assert page.get_latest_revision_as_object().summary == "A second line."


def test_save_draft_pressed_before_the_autosave_answer_arrived_keeps_one_page(client):
    index = news_index()
    client.force_login(editor())
    client.post(create_url(index), post_form(), **JSON)
    response = client.post(create_url(index), post_form(summary="Saved by hand."))
    page = drafts().get()
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def test_someone_elses_page_with_that_slug_still_refuses_the_slug(client):
    index = news_index()
    client.force_login(editor())
    client.post(create_url(index), post_form(), **JSON)
    client.force_login(editor("another-editor"))
    data = client.post(create_url(index), post_form(), **JSON).json()
    assert data["success"] is False and data["error_code"] == "validation_error"
    assert drafts().count() == 1


def test_a_published_page_with_that_slug_is_never_overwritten(client):
    index = news_index()
    published = new_english_page(title="Hunger strike in Geneva")
    client.force_login(editor())
    data = client.post(create_url(index), post_form(slug=published.slug), **JSON).json()
    assert data["success"] is False
    assert Page.objects.filter(slug=published.slug).count() == 1


def summary_of(client, code):
    response = client.get(reverse("site_translation_overview") + f"?language={code}")
    item = soup(response).select_one(f'.translation-overview__summary li[data-language="{code}"]')
    return item.get_text(" ", strip=True)


def test_the_overview_totals_leave_out_drafts_never_published(client):
    index = news_index()
    news_index("nl")
    new_english_page()
    client.force_login(editor())
    before = summary_of(client, "nl")
    client.post(create_url(index), post_form(), **JSON)  # an autosave, then the editor left
    assert summary_of(client, "nl") == before
    live = Page.objects.filter(locale__language_code="en", depth__gt=1, live=True).count()
    assert f"of {live} pages published" in before


def age(page, days):
    Page.objects.filter(pk=page.pk).update(
        latest_revision_created_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_clean_abandoned_drafts_deletes_old_never_published_pages_only(client):
    index = news_index()
    client.force_login(editor())
    client.post(create_url(index), post_form(), **JSON)
    client.post(create_url(index), post_form("Recent draft", "recent-draft"), **JSON)
    client.post(create_url(index), post_form("Translated draft", "translated-draft"), **JSON)
    old, recent, translated = (
        drafts(),
        drafts("Recent draft").get(),
        drafts("Translated draft").get(),
    )
    old = old.get()
    news_index("nl")
    translate(translated, "nl", publish=False)
    live = new_english_page()
    for page in (old, translated, live):
        age(page, 40)
    age(recent, 2)

    out = io.StringIO()
    call_command("clean_abandoned_drafts", "--older-than", "30d", "--dry-run", stdout=out)
    assert "[1/1] Would delete “Hunger strike in Geneva”" in out.getvalue()
    assert Page.objects.filter(pk=old.pk).exists()

    out = io.StringIO()
    call_command("clean_abandoned_drafts", "--older-than", "30d", stdout=out)
    assert "1 abandoned draft(s) deleted." in out.getvalue()
    assert not Page.objects.filter(pk=old.pk).exists()
    assert Page.objects.filter(pk__in=[recent.pk, translated.pk, live.pk]).count() == 3


def test_clean_abandoned_drafts_refuses_a_nonsense_age():
    with pytest.raises(CommandError, match="30d"):
        call_command("clean_abandoned_drafts", "--older-than", "soon", stdout=io.StringIO())


# --- "✓ Saved" beside "could not be saved" --------------------------------------------------

SCRIPT = Path(__file__).resolve().parents[2] / (
    "site_core/translation_workflow/static/js/autosave-status.js"
)


def test_a_failed_publish_is_shown_again_with_changes_that_autosave_then_saves(client):
    """The cause: publishing without a required field fails ("could not be saved"), and the page
    comes back marked as changed, which starts an autosave at once; that autosave succeeds (a
    draft may leave required fields empty), so the indicator says "Saved" under the banner."""
    post = new_english_page()
    client.force_login(editor())
    url = reverse("wagtailadmin_pages:edit", args=[post.pk])
    form = post_form(post.title, post.slug, summary="")
    failed = client.post(url, form | {"action-publish": "action-publish"})
    page = soup(failed)
    assert "could not be saved" in page.select_one(".messages").get_text()
    assert page.select_one("form[data-w-unsaved-force-value]")["data-w-unsaved-force-value"] == (
        "true"
    )
    assert client.post(url, form, **JSON).json()["success"] is True
    # The fix: the editor loads the script that replaces the out-of-date banner.
    script = page.select_one("script[data-saved-note]")
    assert script["src"].endswith("js/autosave-status.js")
    assert "saved as a draft" in script["data-saved-note"]
