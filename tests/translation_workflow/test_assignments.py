"""Assigning translations from the overview: who may assign, who may be assigned, due dates and
the overdue flag, and "mine" as the translators' default view.

Decided: editors (and administrators) assign; translators and reviewers do not. Anyone who may
translate the language may be assigned it: its translators, and its reviewers too (they may edit
that language's pages); a Dutch translator cannot be assigned Hebrew."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from site_core.translation_workflow.models import TranslationAssignment
from tests.translation_workflow.helpers import grid_cells, login, new_english_page, translated_post
from tests.utils import locale, soup

pytestmark = pytest.mark.django_db


def assign_url(page, code):
    return reverse("site_translation_assign", args=[page.pk, code])


def assign(client, page, code, person, due=""):
    return client.post(assign_url(page, code), {"assignee": person.pk, "due_date": due})


def test_an_editor_assigns_a_page_to_a_dutch_translator_with_a_due_date(client, team):
    post = new_english_page()
    login(client, "editor")
    response = assign(client, post, "nl", team.translator_nl, "2026-12-24")
    assert response.status_code == 302
    assignment = TranslationAssignment.objects.get()
    assert (assignment.assignee, assignment.locale, assignment.assigned_by) == (
        team.translator_nl,
        locale("nl"),
        team.editor,
    )
    assert assignment.due_date == datetime.date(2026, 12, 24)
    text = grid_cells(client, "?language=nl")[(post.title, "nl")].get_text(" ", strip=True)
    assert "Assigned to Daan Translator" in text
    # Reassigning replaces it: one assignee per page and language.
    assign(client, post, "nl", team.reviewer_nl)
    assert TranslationAssignment.objects.get().assignee == team.reviewer_nl


def test_translators_and_reviewers_cannot_assign(client, team):
    post = new_english_page()
    for username in ("translator-nl", "reviewer-nl"):
        login(client, username)
        # Wagtail's admin answers a refused page with a redirect to the dashboard.
        assert client.get(assign_url(post, "nl")).status_code in (302, 403)
        assert assign(client, post, "nl", team.translator_nl).status_code in (302, 403)
    assert not TranslationAssignment.objects.exists()
    assert not grid_cells(client).get((post.title, "nl")).select("a.translation-overview__assign")


def test_a_dutch_translator_cannot_be_assigned_hebrew(client, team):
    post = new_english_page()
    login(client, "editor")
    response = assign(client, post, "he", team.translator_nl)
    assert response.status_code == 400
    assert "Choose someone who translates this language" in response.content.decode()
    assert not TranslationAssignment.objects.exists()
    options = soup(client.get(assign_url(post, "he"))).select("select[name=assignee] option")
    assert "Noa Translator" in [option.get_text() for option in options]
    assert "Daan Translator" not in [option.get_text() for option in options]


@pytest.mark.parametrize("due", ["2026-13-45", "tomorrow", "1066-10-14", "9" * 300])
def test_an_invalid_due_date_is_refused_with_a_message(client, team, due):
    post = new_english_page()
    login(client, "editor")
    response = assign(client, post, "nl", team.translator_nl, due)
    assert response.status_code == 400
    assert soup(response).select_one(".error-message")
    assert not TranslationAssignment.objects.exists()


def test_junk_in_the_assignment_addresses_is_a_404_or_a_form_error(client, team):
    post = new_english_page()
    login(client, "editor")
    assert client.get(reverse("site_translation_assign", args=[post.pk, "xx"])).status_code == 404
    assert client.get(reverse("site_translation_assign", args=[999999, "nl"])).status_code == 404
    assert client.post(assign_url(post, "nl"), {"assignee": "abc"}).status_code == 400
    # Only back to this site: a hostile "next" goes to the overview.
    response = client.post(
        assign_url(post, "nl"), {"assignee": team.translator_nl.pk, "next": "https://evil.test/"}
    )
    assert response["Location"] == reverse("site_translation_overview")


def test_unassigning_takes_a_post(client, team):
    post = new_english_page()
    login(client, "editor")
    assign(client, post, "nl", team.translator_nl)
    url = reverse("site_translation_unassign", args=[post.pk, "nl"])
    assert client.get(url).status_code == 405
    assert TranslationAssignment.objects.exists()
    assert client.post(url).status_code == 302
    assert not TranslationAssignment.objects.exists()


def test_an_overdue_assignment_says_so_in_words_until_it_is_done(client, team):
    waiting = new_english_page()
    done = translated_post("nl")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    login(client, "editor")
    assign(client, waiting, "nl", team.translator_nl, yesterday.isoformat())
    assign(client, done, "nl", team.translator_nl, yesterday.isoformat())
    cells = grid_cells(client, "?language=nl")
    assert "Overdue" in cells[(waiting.title, "nl")].get_text()
    assert "Overdue" not in cells[(done.title, "nl")].get_text()  # published and up to date
    # The priority order puts it first.
    rows = soup(client.get(reverse("site_translation_overview") + "?sort=priority")).select(
        "table.translation-overview tbody th"
    )
    assert rows[0].get_text(" ", strip=True).startswith(waiting.title)


def test_translators_start_on_their_own_assignments_and_can_see_every_page(client, team):
    mine = new_english_page()
    other = translated_post("nl")
    login(client, "translator-nl")
    assert (other.title, "nl") in grid_cells(client)  # nothing assigned yet: every page
    login(client, "editor")
    assign(client, mine, "nl", team.translator_nl)
    login(client, "translator-nl")
    response = client.get(reverse("site_translation_overview"))
    page = soup(response)
    titles = [th.get_text(" ", strip=True) for th in page.select("tbody th")]
    assert titles == [mine.title]
    assert "Showing the pages assigned to you." in page.get_text()
    every = page.select_one(".translation-overview__mine a")["href"]
    assert "assignee=all" in every
    assert (other.title, "nl") in grid_cells(client, every)
    # Editors see everyone's work by default.
    login(client, "editor")
    assert (other.title, "nl") in grid_cells(client)
