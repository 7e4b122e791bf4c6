"""Finding pages in the reader's language: search, and the links to it from every page."""

from urllib.parse import quote

from django.db import connection

from wagtail.models import PageViewRestriction

import pytest

from home.models import StandardPage
from site_core.search.views import clean_query
from tests.factories import StandardPageFactory, home, news_index
from tests.kernel.discovery_helpers import pages_whose_text_contains, search
from tests.news.helpers import live_posts
from tests.search.helpers import english_post_and_dutch_translation, post
from tests.utils import soup

pytestmark = [pytest.mark.django_db]


# --- search -----------------------------------------------------------------------------------


def test_chinese_two_character_word_is_found_inside_a_sentence(client):
    within = post("zh-hans", "一位母亲的故事", "多年来她因修炼法轮功而遭受迫害，至今仍被关押。")
    other = post("zh-hans", "一位父亲的故事", "他在海外讲述真相。")
    pages = pages_whose_text_contains("遭受迫害", "zh-hans")
    assert pages == [within.page_ptr]  # inside a sentence, with no spaces around it
    html, links = search(client, "zh-hans", "迫害")
    assert within.url in links and other.url not in links
    marks = [mark.get_text() for mark in html.select(".search-results mark")]
    assert marks and set(marks) == {"迫害"}


def test_chinese_search_finds_a_post_by_the_first_word_of_its_title(client):
    found = post("zh-hans", "法轮功学员在上海被捕")
    other = post("zh-hans", "一位父亲的故事")
    _html, links = search(client, "zh-hans", found.title[:2])
    assert found.url in links and other.url not in links


def test_hebrew_word_is_found_behind_a_prefix_letter(client):
    prefixed = post("he", "סרט תיעודי", "הסרט זכה בפרסים רבים ברחבי העולם.")
    with_prefix = pages_whose_text_contains("בפרסים", "he")
    assert with_prefix == [prefixed.page_ptr]
    _html, links = search(client, "he", "פרסים")
    assert {page.url for page in with_prefix} <= set(links)


def test_hebrew_query_typed_with_a_prefix_finds_the_bare_word(client):
    post("he", "סיפור מסין", "סיפור על רדיפה של מתרגלים.")
    bare = pages_whose_text_contains("רדיפה", "he")
    _html, links = search(client, "he", "לרדיפה")
    assert bare and {page.url for page in bare[:10]} & set(links)


def test_search_stays_in_the_readers_language(client):
    english, dutch = english_post_and_dutch_translation("Falun Gong practitioners hold a vigil")
    _html, links = search(client, "nl", "Falun")
    assert dutch.url in links and all(link.startswith("/nl/") for link in links)
    _html, links = search(client, "en", "Falun")
    assert english.url in links and all(link.startswith("/en/") for link in links)


def test_search_never_shows_drafts_or_private_pages(client):
    live = post("en", "A live post")
    live.title = "Zanzibarian unpublished draft marker"
    live.save_revision()  # a newer draft of a live page
    draft = StandardPage(title="Zanzibarian draft page", slug="zanzibarian-draft")
    home().add_child(instance=draft)
    draft.unpublish()
    private = StandardPageFactory(parent=home(), slug="key-statistics")
    private.title = "Zanzibarian private page"
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    html, links = search(client, "en", "Zanzibarian")
    assert links == []
    assert "Zanzibarian" not in str(html.select_one(".search-results") or "")
    assert search(client, "en", "live post")[1] == [live.url]  # the live version is found


def test_search_has_an_empty_state_pagination_and_highlights(client):
    live_posts(news_index(), 12, summary="News of the week.")
    html, links = search(client, "en", "")
    assert links == [] and html.select_one(".empty-state")
    html, first = search(client, "en", "the")
    assert len(first) == 10
    assert html.select_one(".pagination a[rel=next]")
    _html, second = search(client, "en", "the", page=2)
    # Thirteen pages say "the": the twelve posts and their section ("The latest news.").
    assert len(second) == 3 and not set(first) & set(second)
    _html, junk = search(client, "en", "the", page="abc")
    assert junk == first
    _html, far = search(client, "en", "the", page="9999")
    assert far == second  # the last page
    assert all(mark.get_text().lower() == "the" for mark in html.select("mark"))


@pytest.mark.parametrize(
    "query",
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "!!! ??? ...",
        "%' OR 1=1 --",
        "x" * 10_000,
        "\u202e\u200f",
        "迫害" * 300,
    ],
)
def test_hostile_queries_get_a_normal_escaped_page(client, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert(1)" not in body and "<img src=x" not in body
    assert len(soup(response).select_one("#search-query")["value"]) <= 200


def test_query_cleaning():
    assert clean_query("  two   words ") == "two words"
    assert clean_query("?!.,") == ""
    assert len(clean_query("a" * 1000)) == 200


def test_each_language_is_searched_with_its_own_rules(client):
    vigil = post("en", "A vigil in Oslo")
    persecution = post("nl", "De vervolging gaat door")
    if connection.vendor == "postgresql":
        # Each language's stemmer: "vigils" finds "vigil", "vervolgingen" finds "vervolging".
        assert vigil.url in search(client, "en", "vigils")[1]
        assert persecution.url in search(client, "nl", "vervolgingen")[1]
    else:
        # SQLite matches inside words: the stem finds the longer forms.
        assert vigil.url in search(client, "en", "vigil")[1]
        assert persecution.url in search(client, "nl", "vervolg")[1]


def test_error_pages_link_home_and_to_search_in_the_readers_language(client):
    html = soup(client.get("/he/no-such-page/"))
    links = [a["href"] for a in html.select("main a")]
    assert "/he/" in links and "/he/search/" in links
    assert html.html["dir"] == "rtl"


def test_every_public_page_has_a_search_link(client):
    for url in ["/en/", "/zh-hans/", f"/he/search/?q={quote('רדיפה')}"]:
        link = soup(client.get(url)).select_one("a.search-link")
        assert link["href"] == "/" + url.split("/")[1] + "/search/"


def test_500_page_links_to_search_in_the_readers_language():
    from django.test import RequestFactory
    from django.utils import translation

    from site_core.views import server_error

    with translation.override("de"):
        body = server_error(RequestFactory().get("/de/")).content.decode()
    assert 'href="/de/search/"' in body and 'href="/de/"' in body


def test_search_queries_do_not_grow_with_the_number_of_results(
    client, django_assert_max_num_queries
):
    from django.db import connection as db
    from django.test.utils import CaptureQueriesContext

    post("en", "A vigil in Oslo", "Held in the park.")
    live_posts(news_index(), 11, summary="News of the week.")
    search(client, "en", "parade")  # warm the fragment cache (menu, footer, languages)
    with CaptureQueriesContext(db) as few:
        search(client, "en", "vigil")
    with CaptureQueriesContext(db) as many:
        search(client, "en", "the")
    assert len(search(client, "en", "vigil")[1]) == 1
    assert len(search(client, "en", "the")[1]) == 10
    assert len(many) == len(few), [q["sql"][:100] for q in many.captured_queries]


def test_a_repeated_search_is_worked_out_afresh(client):
    # What somebody searched for must not be told by a quicker answer to the next reader who
    # searches the same thing (issue 14): results are never remembered.
    from django.db import connection as db
    from django.test.utils import CaptureQueriesContext

    from wagtail.search.backends import get_search_backend

    post("en", "A vigil in Oslo")
    post("en", "A vigil in Bergen")
    page = post("en", "News from Norway")
    search(client, "en", "vigil")
    with CaptureQueriesContext(db) as again:
        _html, results = search(client, "en", "vigil")
    assert results
    assert any("LIKE" in q["sql"] or "@@" in q["sql"] for q in again.captured_queries)

    # Publishing a page that matches starts a new generation: the next search finds it.
    assert page.url not in results
    page.title = "Zanzibarian vigil in Oslo"
    page.save_revision().publish()
    get_search_backend().add(page)
    _html, fresh = search(client, "en", "vigil")
    assert page.get_url() in fresh
    assert len(fresh) == len(results) + 1
