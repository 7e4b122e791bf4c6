"""Readers' language experience: first visit, the switcher and untranslated pages, hreflang."""

import xml.etree.ElementTree as ET
from urllib.parse import quote

from django.conf import settings

import pytest

from tests.factories import news_index, translate
from tests.factories.content import about_page, english_only_page, translated_post
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
    german_news = news_index("de")
    post = translated_post("nl")
    links = {
        link["lang"]: switch_target(link["href"])
        for link in soup(client.get(post.url)).select(".language-switcher a")
    }
    assert links["nl"] == post.get_translation(locale("nl")).url
    assert german_news.locale == locale("de")
    assert links["de"] == f"{german_news.url}?untranslated={post.pk}"


@pytest.mark.parametrize("value", ["abc", "-1", "99999999", "1" * 40, "<script>", ""])
def test_a_junk_or_stale_untranslated_parameter_shows_nothing(client, value):
    response = client.get(f"/nl/?untranslated={quote(value)}")
    assert response.status_code == 200
    assert soup(response).select_one(".untranslated-notice") is None


def test_no_notice_when_the_page_is_translated_after_all(client):
    about = about_page("nl")
    response = client.get(f"/nl/?untranslated={about.pk}")
    assert soup(response).select_one(".untranslated-notice") is None


def test_no_notice_names_a_draft_or_private_page(client):
    draft = english_only_page()
    draft.unpublish()
    assert (
        soup(client.get(f"/nl/?untranslated={draft.pk}")).select_one(".untranslated-notice") is None
    )


@pytest.mark.demo  # a crawl of every page of the whole demo site, in every language
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
    translate(about_page("nl", "he"), "fr", publish=False)  # a draft translation: no alternate
    english_only_page()
    translated_post("de")
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
