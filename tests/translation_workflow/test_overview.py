"""The translation overview: every state, filters, what is missing, constant queries."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import (
    Page,
)

import pytest

from news.models import NewsPage
from site_core.translation_workflow.overview import PER_PAGE
from tests.factories import editor, news_index
from tests.translation_workflow.helpers import (
    DATE,
    LANGUAGES,
    grid_cells,
    login,
    new_english_page,
    publish_english,
    translated_post,
    translation_of,
)
from tests.utils import locale, soup

pytestmark = pytest.mark.django_db


def test_overview_shows_every_state(client, team):
    reviewed = translated_post("nl")
    changed = translated_post("nl", title="Appeal to the court", slug="appeal-to-the-court")
    post = new_english_page()
    # in progress: started in Dutch; not started in German; in review: a Dutch post submitted
    login(client, "translator-nl")
    client.post(reverse("site_translation_start", args=[post.pk, "nl"]))
    client.post(reverse("site_translation_submit", args=[translation_of(reviewed, "nl").pk]))
    # out of date: the English source of another post changed after its Dutch publication
    changed.summary = "A new summary of this report."
    publish_english(changed)

    login(client, "editor")
    cells = grid_cells(client)
    assert cells[(post.title, "nl")]["data-state"] == "in-progress"
    assert "0% translated" in cells[(post.title, "nl")].get_text()
    assert cells[(post.title, "de")]["data-state"] == "not-started"
    assert cells[(reviewed.title, "nl")]["data-state"] == "in-review"
    assert cells[(changed.title, "nl")]["data-state"] == "out-of-date"
    home = Page.objects.get(depth=2, locale__language_code="en")
    assert cells[(home.title, "he")]["data-state"] == "up-to-date"
    # links open the right editor, for those who may use it
    editor_cell = cells[(post.title, "nl")]
    assert editor_cell.select_one("a:not(.translation-overview__assign)") is None  # in English
    assert editor_cell.select_one("a.translation-overview__assign")  # editors assign
    login(client, "translator-nl")
    link = grid_cells(client)[(post.title, "nl")].select_one("a")["href"]
    assert link == reverse("wagtailadmin_pages:edit", args=[post.get_translation(locale("nl")).pk])


def test_overview_filters_by_language_and_section_and_shows_only_my_languages(client, team):
    translated_post("he")
    login(client, "translator-he")
    cells = grid_cells(client)
    assert {language for _title, language in cells} == {"he"}
    login(client, "editor")
    cells = grid_cells(client, "?language=he")
    assert {language for _title, language in cells} == {"he"}
    news = news_index()
    cells = grid_cells(client, f"?section={news.pk}")
    titles = {title for title, _language in cells}
    assert news.title in titles
    assert titles <= {
        news.title,
        *NewsPage.objects.filter(locale__language_code="en").values_list("title", flat=True),
    }
    assert len({language for _title, language in cells}) == len(LANGUAGES)


def test_overview_tells_at_a_glance_what_is_missing_in_hebrew(client):
    news_index("he")
    new_english_page()
    client.force_login(editor())
    response = client.get(reverse("site_translation_overview") + "?language=he")
    summary = soup(response).select_one('.translation-overview__summary li[data-language="he"]')
    text = summary.get_text(" ", strip=True)
    total = Page.objects.filter(
        locale__language_code="en", depth__gt=1, alias_of__isnull=True
    ).count()
    published = Page.objects.filter(
        locale__language_code="he", depth__gt=1, live=True, alias_of__isnull=True
    ).count()
    assert f"{published} of {total} pages published, {total - published} missing" in text


def test_overview_queries_do_not_grow_with_the_tree(client):
    translated_post("nl")
    new_english_page()
    client.force_login(editor())
    url = reverse("site_translation_overview")
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    index = news_index()
    for number in range(PER_PAGE):  # more than a page of the grid
        page = NewsPage(
            title=f"Extra {number}",
            slug=f"extra-{number}",
            summary="An extra post.",
            date=DATE,
        )
        index.add_child(instance=page)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert len(large) == len(small), [q["sql"][:120] for q in large.captured_queries]
    assert len(soup(response).select("table.translation-overview tbody tr")) == PER_PAGE


def test_overview_is_refused_to_people_without_a_language():
    user = get_user_model().objects.create_user("nobody", "n@example.org", "x" * 16)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(user)
    assert client.get(reverse("site_translation_overview")).status_code in (302, 403)
