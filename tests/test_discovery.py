"""Readers' language experience: first visit, the switcher, untranslated pages, search."""

import xml.etree.ElementTree as ET
from urllib.parse import quote

from django.conf import settings
from django.db import connection

from wagtail.models import Page, PageViewRestriction

import pytest

from home.models import StandardPage
from news.models import NewsPage
from site_core.search.views import clean_query, page_entries
from tests.utils import bcp47, live_pages, locale, soup, switch_target

pytestmark = pytest.mark.django_db


# --- first visit ------------------------------------------------------------------------------

ACCEPT_LANGUAGE = [
    ("zh-TW", "zh-hant"),
    ("zh-HK", "zh-hant"),
    ("zh-Hant", "zh-hant"),
    ("zh-Hant-TW", "zh-hant"),
    ("zh-CN", "zh-hans"),
    ("zh-SG", "zh-hans"),
    ("zh", "zh-hans"),
    ("zh-Hans-CN,zh;q=0.9", "zh-hans"),
    ("he-IL", "he"),
    ("iw", "en"),  # an obsolete code for Hebrew that browsers no longer send
    ("nl-BE", "nl"),
    ("de-CH,de;q=0.9,en;q=0.8", "de"),
    ("fr-CA", "fr"),
    ("es-419", "es"),
    ("pt-BR", "en"),
    ("pt-BR,pt;q=0.9,fr;q=0.5", "fr"),
    ("en-US,en;q=0.9", "en"),
    ("*", "en"),
    ("", "en"),
    ("garbage;;q=x,,", "en"),
    ("x" * 500, "en"),
]


@pytest.mark.parametrize(("header", "language"), ACCEPT_LANGUAGE)
def test_first_visit_goes_to_the_best_language(client, header, language):
    response = client.get("/", headers={"accept-language": header} if header else {})
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/"
    assert {"Accept-Language", "Cookie"} <= {v.strip() for v in response["Vary"].split(",")}
    assert client.get(response["Location"]).status_code == 200  # no loop


def test_remembered_choice_beats_the_browser_language(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "he"
    assert client.get("/", headers={"accept-language": "zh-TW"})["Location"] == "/he/"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "klingon"
    assert client.get("/", headers={"accept-language": "nl"})["Location"] == "/nl/"


def test_choosing_a_language_remembers_it_and_goes_on(client):
    response = client.get("/language/zh-hant/?next=/zh-hant/news/")
    assert response.status_code == 302 and response["Location"] == "/zh-hant/news/"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "zh-hant" and cookie["samesite"] == "Lax"
    assert client.get("/")["Location"] == "/zh-hant/"


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "javascript:alert(1)", "", "nl/", "\\\\evil"],
)
def test_choosing_a_language_never_leaves_the_site(client, target):
    response = client.get(f"/language/nl/?next={quote(target)}")
    assert response["Location"] == "/nl/"


def test_choosing_an_unknown_language_is_a_404(client):
    assert client.get("/language/xx/").status_code == 404
    assert client.get("/language/%3Cscript%3E/").status_code == 404


# --- switcher and untranslated pages ----------------------------------------------------------


def english_only_page():
    return StandardPage.objects.get(locale__language_code="en", slug="how-you-can-help")


def test_switcher_on_an_untranslated_page_leads_to_the_nearest_page_with_a_notice(client):
    page = english_only_page()
    switcher = soup(client.get(page.url)).select(".language-switcher li")
    for item in switcher:
        link = item.select_one("a")
        if link.get("aria-current"):
            continue
        target = switch_target(link["href"])
        code = next(c for c, _n in settings.LANGUAGES if bcp47(c) == link["lang"])
        assert target == f"/{code}/?untranslated={page.pk}"
        assert "not translated yet" in item.get_text()
        landing = soup(client.get(target))
        notice = landing.select_one(".untranslated-notice")
        assert notice is not None, code
        assert notice.select_one('span[lang="en"]').get_text() == page.title
        assert notice.select_one("a")["href"] == page.url
        assert landing.html["lang"] == bcp47(code)


def test_notice_is_in_the_readers_language(client):
    page = english_only_page()
    dutch = soup(client.get(f"/nl/?untranslated={page.pk}")).select_one(".untranslated-notice")
    assert "is nog niet beschikbaar in het Nederlands" in dutch.get_text()
    hebrew = soup(client.get(f"/he/?untranslated={page.pk}")).select_one(".untranslated-notice")
    assert "עדיין אינו זמין בעברית" in hebrew.get_text()


def test_a_partly_translated_page_keeps_the_reader_in_the_deepest_translated_section(client):
    """A post translated into Dutch but not German: German readers land on the German news."""
    post = NewsPage.objects.filter(locale__language_code="en").first()
    links = {
        link["lang"]: switch_target(link["href"])
        for link in soup(client.get(post.url)).select(".language-switcher a")
    }
    assert links["nl"] == post.get_translation(locale("nl")).url
    german_news = post.get_parent().get_translation(locale("de"))
    assert links["de"] == f"{german_news.url}?untranslated={post.pk}"


@pytest.mark.parametrize("value", ["abc", "-1", "99999999", "1" * 40, "<script>", ""])
def test_a_junk_or_stale_untranslated_parameter_shows_nothing(client, value):
    response = client.get(f"/nl/?untranslated={quote(value)}")
    assert response.status_code == 200
    assert soup(response).select_one(".untranslated-notice") is None


def test_no_notice_when_the_page_is_translated_after_all(client):
    about = StandardPage.objects.get(locale__language_code="en", slug="about")
    response = client.get(f"/nl/?untranslated={about.pk}")
    assert soup(response).select_one(".untranslated-notice") is None


def test_no_notice_names_a_draft_or_private_page(client):
    draft = english_only_page()
    draft.unpublish()
    assert (
        soup(client.get(f"/nl/?untranslated={draft.pk}")).select_one(".untranslated-notice") is None
    )


def test_hreflang_is_reciprocal_across_the_demo_site(client):
    heads = {}
    for page in live_pages():
        html = soup(client.get(page.url))
        canonical = html.select_one('link[rel="canonical"]')["href"]
        assert canonical == page.get_full_url()
        heads[canonical] = {
            link["hreflang"]: link["href"]
            for link in html.find_all("link", rel="alternate", hreflang=True)
        }
    for url, alternates in heads.items():
        for hreflang, other in alternates.items():
            assert other in heads, (url, other)
            if hreflang == "x-default":
                continue
            assert url in heads[other].values(), (url, other)  # it links back
            assert heads[other] == alternates  # the whole set is the same on every version


def test_sitemap_alternates_match_the_live_translations(client):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring(client.get("/sitemap.xml").content)
    by_url = {page.get_full_url(): page for page in live_pages()}
    for entry in root.findall("s:url", ns):
        page = by_url[entry.find("s:loc", ns).text]
        live = {
            bcp47(p.locale.language_code): p.get_full_url()
            for p in page.get_translations(inclusive=True)
            .live()
            .filter(alias_of__isnull=True)
            .select_related("locale")
        }
        alternates = {
            link.get("hreflang"): link.get("href") for link in entry.findall("x:link", ns)
        }
        if len(live) > 1:
            assert {k: v for k, v in alternates.items() if k != "x-default"} == live
            assert alternates["x-default"] == live["en"]
        else:
            assert alternates == {}


def test_robots_txt_keeps_crawlers_out_of_the_language_chooser(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /language/" in body and "Sitemap:" in body


# --- search -----------------------------------------------------------------------------------


def search(client, language, query, **params):
    response = client.get(f"/{language}/search/", {"q": query, **params})
    assert response.status_code == 200
    html = soup(response)
    return html, [a["href"] for a in html.select(".search-results h2 a")]


def pages_whose_text_contains(text, language):
    ids = [
        int(object_id)
        for object_id in page_entries()
        .filter(
            **{f"{'body_text' if connection.vendor == 'postgresql' else 'body'}__contains": text}
        )
        .values_list("object_id", flat=True)
    ]
    return list(Page.objects.live().filter(pk__in=ids, locale__language_code=language))


def test_chinese_two_character_word_is_found_inside_a_sentence(client):
    pages = pages_whose_text_contains("遭受迫害", "zh-hans")
    assert pages  # the demo has it inside a sentence, with no spaces around it
    html, links = search(client, "zh-hans", "迫害")
    for page in pages:
        assert page.url in links or len(links) == 10
    marks = [mark.get_text() for mark in html.select(".search-results mark")]
    assert marks and set(marks) == {"迫害"}


def test_chinese_search_finds_a_demo_post_by_the_first_word_of_its_title(client):
    post = NewsPage.objects.live().filter(locale__language_code="zh-hans").first()
    _html, links = search(client, "zh-hans", post.title[:2])
    assert post.url in links


def test_hebrew_word_is_found_behind_a_prefix_letter(client):
    with_prefix = pages_whose_text_contains("בפרסים", "he")
    assert with_prefix
    _html, links = search(client, "he", "פרסים")
    assert {page.url for page in with_prefix} <= set(links)


def test_hebrew_query_typed_with_a_prefix_finds_the_bare_word(client):
    bare = pages_whose_text_contains("רדיפה", "he")
    _html, links = search(client, "he", "לרדיפה")
    assert bare and {page.url for page in bare[:10]} & set(links)


def test_search_stays_in_the_readers_language(client):
    _html, links = search(client, "nl", "Falun")
    assert links and all(link.startswith("/nl/") for link in links)
    _html, links = search(client, "en", "Falun")
    assert links and all(link.startswith("/en/") for link in links)


def test_search_never_shows_drafts_or_private_pages(client):
    post = NewsPage.objects.get(
        locale__language_code="en",
        pk=NewsPage.objects.filter(locale__language_code="en")
        .order_by("pk")
        .values_list("pk", flat=True)
        .first(),
    )
    post.title = "Zanzibarian unpublished draft marker"
    post.save_revision()  # a newer draft of a live page
    draft = StandardPage(title="Zanzibarian draft page", slug="zanzibarian-draft")
    english_only_page().get_parent().add_child(instance=draft)
    draft.unpublish()
    private = StandardPage.objects.get(locale__language_code="en", slug="key-statistics")
    private.title = "Zanzibarian private page"
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    html, links = search(client, "en", "Zanzibarian")
    assert links == []
    assert "Zanzibarian" not in str(html.select_one(".search-results") or "")


def test_search_has_an_empty_state_pagination_and_highlights(client):
    html, links = search(client, "en", "")
    assert links == [] and html.select_one(".empty-state")
    html, first = search(client, "en", "the")
    assert len(first) == 10
    assert html.select_one(".pagination a[rel=next]")
    _html, second = search(client, "en", "the", page=2)
    assert second and not set(first) & set(second)
    _html, junk = search(client, "en", "the", page="abc")
    assert junk == first
    _html, far = search(client, "en", "the", page="9999")
    assert far  # the last page
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
    if connection.vendor == "postgresql":
        # Each language's stemmer: "vigils" finds "vigil", "vervolgingen" finds "vervolging".
        assert search(client, "en", "vigils")[1]
        assert search(client, "nl", "vervolgingen")[1]
    else:
        # SQLite matches inside words: the stem finds the longer forms.
        assert search(client, "en", "vigil")[1]
        assert search(client, "nl", "vervolg")[1]


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

    search(client, "en", "parade")  # warm the fragment cache (menu, footer, languages)
    with CaptureQueriesContext(db) as few:
        search(client, "en", "vigil")
    with CaptureQueriesContext(db) as many:
        search(client, "en", "the")
    assert len(many) == len(few), [q["sql"][:100] for q in many.captured_queries]


def test_a_repeated_search_is_worked_out_afresh(client):
    # What somebody searched for must not be told by a quicker answer to the next reader who
    # searches the same thing (issue 14): results are never remembered.
    from django.db import connection as db
    from django.test.utils import CaptureQueriesContext

    from wagtail.search.backends import get_search_backend

    search(client, "en", "vigil")
    with CaptureQueriesContext(db) as again:
        _html, results = search(client, "en", "vigil")
    assert results
    assert any("LIKE" in q["sql"] or "@@" in q["sql"] for q in again.captured_queries)

    # Publishing a page that matches starts a new generation: the next search finds it.
    page = NewsPage.objects.filter(locale__language_code="en").exclude(title__icontains="vigil")[0]
    page.title = "Zanzibarian vigil in Oslo"
    page.save_revision().publish()
    get_search_backend().add(page)
    _html, fresh = search(client, "en", "vigil")
    assert page.get_url() in fresh
    assert len(fresh) == len(results) + 1 or len(results) == 10


# --- after a new reader's tour ----------------------------------------------------------------


def test_the_notice_names_the_original_language_in_the_readers_words(client):
    page = english_only_page()
    expected = {
        "nl": "Lees het in het Engels",
        "de": "Auf Englisch lesen",
        "fr": "Le lire en anglais",
        "he": "לקריאה באנגלית",
        "zh-hans": "阅读英语版本",
    }
    for code, words in expected.items():
        notice = soup(client.get(f"/{code}/?untranslated={page.pk}")).select_one(
            ".untranslated-notice a"
        )
        assert notice.get_text().strip() == words, code


def test_the_root_page_is_never_named_in_a_notice(client):
    response = client.get("/nl/?untranslated=1")
    assert soup(response).select_one(".untranslated-notice") is None


def test_links_to_pages_in_another_language_say_so(client):
    home = soup(client.get("/de/"))
    for card in home.select(".featured .card[lang]"):
        assert "noch nicht übersetzt" in card.select_one(".card__language").get_text()
    for button in home.select(".cta a.button[hreflang]"):
        assert "(auf Englisch)" in button.get_text()
    assert home.select(".featured .card[lang]") or home.select(".cta a.button[hreflang]")


@pytest.mark.parametrize(
    ("language", "path", "target"),
    [
        ("nl", "/news/", "/nl/nieuws/"),
        ("nl", "/about/", "/nl/over-deze-site/"),
        ("de", "/news/", "/de/nachrichten/"),
        ("he", "/news/", "/he/news/"),
        ("nl", "/how-you-can-help/", "/en/how-you-can-help/"),
    ],
)
def test_an_address_shared_without_a_prefix_finds_the_readers_translation(
    client, language, path, target
):
    response = client.get(path, headers={"accept-language": language})
    assert response.status_code == 302 and response["Location"] == target


@pytest.mark.parametrize(
    ("language", "path"),
    [("en", "/nieuws/"), ("de", "/nieuws/"), ("nl", "/news/feed/"), ("nl", "/no-such-page/")],
)
def test_unknown_unprefixed_addresses_stay_404(client, language, path):
    """A Dutch slug means nothing to an English reader; feeds are not matched across languages."""
    assert client.get(path, headers={"accept-language": language}).status_code == 404


def test_block_settings_are_not_searchable(client):
    _html, links = search(client, "zh-hans", "Section heading")
    assert links == []
    html, _links = search(client, "en", "persecution")
    assert "Section heading" not in html.select_one(".search-results").get_text()


def test_excerpts_start_and_end_between_words(client):
    html, links = search(client, "en", "persecution")
    body = "body_text" if connection.vendor == "postgresql" else "body"
    sources = [" ".join(t.split()) for t in page_entries().values_list(body, flat=True) if t]
    sources += [
        " ".join(p.search_description.split()) for p in Page.objects.exclude(search_description="")
    ]
    cut = 0
    for excerpt in html.select(".search-results p"):
        piece = excerpt.get_text().removeprefix("… ").removesuffix(" …")
        source = next(text for text in sources if piece in text)
        start = source.index(piece)
        end = start + len(piece)
        assert start == 0 or source[start - 1] == " ", piece[:40]
        assert end == len(source) or source[end] == " ", piece[-40:]
        cut += start > 0 or end < len(source)
    assert links and cut  # some excerpts were cut, each of them between two words


def test_search_links_carry_the_capped_query(client):
    html, _links = search(client, "en", "the " * 2000)
    next_link = html.select_one(".pagination a[rel=next]")
    assert len(next_link["href"]) < 400


def test_a_later_page_of_a_listing_is_its_own_canonical_page(client):
    html = soup(client.get("/en/news/?page=2"))
    assert html.select_one('link[rel="canonical"]')["href"].endswith("/en/news/?page=2")
    html = soup(client.get("/en/news/"))
    assert html.select_one('link[rel="canonical"]')["href"].endswith("/en/news/")


@pytest.mark.parametrize("month", ["9999-12", "0001-01", "2026-13", "abcd-ef"])
def test_out_of_range_months_are_an_empty_state_not_a_500(client, month):
    response = client.get("/en/events/", {"month": month})
    assert response.status_code == 200
