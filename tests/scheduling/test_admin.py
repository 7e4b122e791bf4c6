"""Overdue schedules in the admin: the dashboard lists what should be live (or unpublished) by
now, to those who may edit it (a translator only their language's), in a number of queries that
does not grow with the list; the editor of a page or snippet says when its time has passed."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from tests.factories import NewsCategoryFactory, editor, locale, translator
from tests.scheduling.helpers import expiring_post, schedule_post
from tests.utils import soup

pytestmark = pytest.mark.django_db


def overdue_panel(client):
    """Rows (title, language, due) of the dashboard's overdue panel, or None without one."""
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    panel = soup(response).select_one("#overdue-schedules-section")
    if panel is None:
        return None
    assert "background worker may not be running" in panel.get_text(" ", strip=True)
    return [
        tuple(cell.get_text(" ", strip=True) for cell in row.select("td"))
        for row in panel.select("tbody tr")
    ]


def test_dashboard_lists_overdue_posts_and_not_future_or_freshly_due_ones(client):
    schedule_post(timedelta(hours=-2), title="Overdue post")
    schedule_post(timedelta(seconds=-10), title="Just due post")  # the worker's next run
    schedule_post(timedelta(hours=2), title="Future post")
    expiring_post(timedelta(hours=1), title="Expired post")
    client.force_login(editor())
    rows = overdue_panel(client)
    assert [(title, language) for title, language, _due in rows] == [
        ("Overdue post", "English"),
        ("Expired post", "English"),
    ]
    assert rows[0][2].startswith("to go live at")
    assert rows[1][2].startswith("to expire at")


def test_dashboard_shows_no_panel_when_nothing_is_overdue(client):
    schedule_post(timedelta(hours=2), title="Future post")
    client.force_login(editor())
    assert overdue_panel(client) is None


def test_a_translator_sees_only_their_languages_overdue_pages_and_snippets(client):
    schedule_post(timedelta(hours=-2), title="Overdue English post")
    schedule_post(timedelta(hours=-2), "nl", title="Overdue Dutch post")
    schedule_post(timedelta(hours=-2), "he", title="Overdue Hebrew post")
    category = NewsCategoryFactory(live=True, name="Dutch category", locale=locale("nl"))
    type(category).objects.filter(pk=category.pk).update(
        expire_at=timezone.now() - timedelta(hours=1)
    )
    client.force_login(translator("nl"))
    titles = [title for title, _language, _due in overdue_panel(client)]
    assert titles == ["Overdue Dutch post", "Dutch category"]


def queries_for_dashboard(client, count):
    """The dashboard's queries once ``count`` pages are overdue."""
    listed = len(overdue_panel(client) or [])
    for number in range(listed, count):
        schedule_post(timedelta(hours=-2, minutes=number), title=f"Overdue {number}")
    with CaptureQueriesContext(connection) as queries:
        assert len(overdue_panel(client)) == count
    return len(queries)


def test_the_dashboard_panel_needs_the_same_queries_for_two_or_six_overdue_pages(client):
    client.force_login(editor())
    assert queries_for_dashboard(client, 2) == queries_for_dashboard(client, 6)


def test_the_page_editor_says_the_go_live_time_has_passed(client):
    overdue = schedule_post(timedelta(seconds=-10))
    future = schedule_post(timedelta(hours=2))
    client.force_login(editor())
    page = client.get(reverse("wagtailadmin_pages:edit", args=[overdue.pk]))
    assert "which has passed, and not published yet" in page.content.decode()
    assert "make run, make serve, manage.py run_worker" in page.content.decode()
    page = client.get(reverse("wagtailadmin_pages:edit", args=[future.pk]))
    assert "which has passed" not in page.content.decode()


def test_the_snippet_editor_says_the_expiry_time_has_passed(client):
    category = NewsCategoryFactory(live=True, name="Expired category")
    type(category).objects.filter(pk=category.pk).update(
        expire_at=timezone.now() - timedelta(minutes=1)
    )
    client.force_login(editor())
    url = reverse(category.snippet_viewset.get_url_name("edit"), args=[category.pk])
    assert "Scheduled to expire at" in client.get(url).content.decode()
