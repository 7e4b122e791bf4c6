"""The translation overview: every state, filters, search, sorting, junk input, what is missing,
constant queries."""

import datetime
from urllib.parse import urlencode

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


def rows_of(client, query=""):
    response = client.get(reverse("site_translation_overview") + query)
    assert response.status_code == 200
    return [
        th.get_text(" ", strip=True).replace(" draft", "")
        for th in soup(response).select("table.translation-overview tbody th")
    ]


def test_overview_filters_by_state(client, team):
    changed = translated_post("nl", title="Appeal to the court", slug="appeal-to-the-court")
    fresh = new_english_page()
    changed.summary = "A new summary of this report."
    publish_english(changed)
    login(client, "editor")
    assert rows_of(client, "?language=nl&state=out-of-date") == [changed.title]
    not_started = rows_of(client, "?language=nl&state=not-started")
    assert fresh.title in not_started and changed.title not in not_started
    # The state filter and the assignee filter together: "out of date, mine" (nothing of mine).
    assert rows_of(client, "?language=nl&state=out-of-date&assignee=me") == []


@pytest.mark.parametrize(
    "title",
    ["法轮功学员在日内瓦请愿", "עצרת סולידריות בתל אביב", "Appeal: 100% of signatures_ok"],
)
def test_overview_searches_titles_in_any_script(client, title):
    new_english_page(title=title)
    translated_post()
    client.force_login(editor())
    word = title.split()[0][:4] if " " in title else title[2:5]
    assert rows_of(client, "?" + urlencode({"q": word})) == [title]


@pytest.mark.parametrize(
    "query",
    ["%", "_", "\\", "'; DROP TABLE wagtailcore_page; --", "<script>alert(1)</script>"],
)
def test_overview_search_takes_hostile_strings_literally(client, query):
    new_english_page()
    client.force_login(editor())
    assert rows_of(client, "?" + urlencode({"q": query})) == []


def test_overview_search_drops_nul_characters_postgresql_would_refuse(client):
    page = new_english_page()
    client.force_login(editor())
    assert rows_of(client, "?" + urlencode({"q": "\x00Solidarity"})) == [page.title]


def test_overview_caps_a_huge_search_and_keeps_it_in_the_box(client):
    new_english_page()
    client.force_login(editor())
    response = client.get(reverse("site_translation_overview") + "?q=" + "a" * 100_000)
    assert response.status_code == 200
    assert len(soup(response).select_one("input[name=q]")["value"]) == 200


def test_overview_sorts_by_age_of_the_english_publication(client):
    older = new_english_page(title="Older report")
    newer = translated_post(title="Newer report", slug="newer-report")
    Page.objects.filter(pk=older.pk).update(last_published_at=DATE - datetime.timedelta(days=9))
    Page.objects.filter(pk=newer.pk).update(last_published_at=DATE + datetime.timedelta(days=9))
    client.force_login(editor())
    newest = rows_of(client, "?sort=newest")
    assert newest.index(newer.title) < newest.index(older.title)
    oldest = rows_of(client, "?sort=oldest")
    assert oldest.index(older.title) < oldest.index(newer.title)


@pytest.mark.parametrize(
    "query",
    [
        "?state=bogus",
        "?language=xx",
        "?section=abc",
        "?section=99999999999999999999999",
        "?p=-1",
        "?p=abc",
        "?p=99999",
        "?sort=random",
        "?assignee=abc",
        "?assignee=999999",
        "?assignee=99999999999999999999",
        "?assignee=%C2%B2",
        "?p=%C2%B2",
        "?state=" + "x" * 5000,
        "?language=" + "x" * 5000,
    ],
)
def test_overview_ignores_junk_in_the_query_string_and_says_so(client, query):
    new_english_page()
    client.force_login(editor())
    response = client.get(reverse("site_translation_overview") + query)
    assert response.status_code == 200
    assert soup(response).select("table.translation-overview tbody th")
    if not query.startswith("?p="):
        assert soup(response).select_one(".translation-overview__notice")


def test_overview_filters_survive_pagination(client):
    index = news_index()
    for number in range(PER_PAGE + 1):
        index.add_child(
            instance=NewsPage(
                title=f"Extra {number}", slug=f"extra-{number}", date=DATE, summary="An extra post."
            )
        )
    client.force_login(editor())
    page = soup(client.get(reverse("site_translation_overview") + "?state=not-started&q=Extra"))
    following = page.select_one(".translation-overview__pages a")["href"]
    assert "state=not-started" in following and "q=Extra" in following and "p=2" in following
    assert len(rows_of(client, following)) == 1  # 51 matches: one on the second page


def test_overview_form_is_a_labelled_search_form(client):
    client.force_login(editor())
    page = soup(client.get(reverse("site_translation_overview")))
    form = page.select_one("form[role=search]")
    for control in form.select("select, input"):
        assert control.find_parent("label"), control
    assert page.select_one("table.translation-overview caption")


@pytest.mark.parametrize("query", ["?state=out-of-date", "?sort=priority", "?q=Extra"])
def test_overview_filtered_by_state_keeps_constant_queries(client, query):
    translated_post("nl")
    index = news_index()
    for number in range(5):
        index.add_child(
            instance=NewsPage(
                title=f"Extra {number}", slug=f"e-{number}", date=DATE, summary="An extra post."
            )
        )
    client.force_login(editor())
    url = reverse("site_translation_overview") + query
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for number in range(5, 50):
        index.add_child(
            instance=NewsPage(
                title=f"Extra {number}", slug=f"e-{number}", date=DATE, summary="An extra post."
            )
        )
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small), [q["sql"][:120] for q in large.captured_queries]
