"""After a new reader's tour: notices, links to other languages, unprefixed addresses, listings."""

from django.db import connection

from wagtail.models import Page

import pytest

from site_core.search.views import page_entries
from tests.factories import event_index, news_index, publish_post, translate
from tests.kernel.discovery_helpers import search
from tests.kernel.helpers import english_only_page, feature, standard_page
from tests.utils import soup

pytestmark = pytest.mark.django_db


def shared_addresses():
    """The news in English, Dutch, German and Hebrew (the Hebrew one keeping the English slug),
    About in English and Dutch, and an English-only page."""
    news = news_index()
    for code in ("nl", "de", "he"):
        translate(news, code)
    hebrew = news_index("he")
    hebrew.slug = "news"
    hebrew.save_revision().publish()
    translate(standard_page("About", "about"), "nl")
    english_only_page()


def call_to_action(page):
    return {"heading": "Help", "text": "", "button_label": "Help us", "page": page, "url": ""}


def searchable_pages(count=2):
    """``count`` English pages whose body has a heading and a long text about the persecution;
    the first also in Chinese."""
    pages = [standard_page(f"Leaflets {n}", f"leaflets-{n}") for n in range(count)]
    translate(pages[0], "zh-hans")
    return pages


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
    german = feature("de", [standard_page("About", "about"), english_only_page()])
    german.body = [("call_to_action", call_to_action(english_only_page()))]
    german.save_revision().publish()
    home = soup(client.get("/de/"))
    for card in home.select(".featured .card[lang]"):
        assert "noch nicht übersetzt" in card.select_one(".card__language").get_text()
    for button in home.select(".cta a.button[hreflang]"):
        assert "(auf Englisch)" in button.get_text()
    assert home.select(".featured .card[lang]") and home.select(".cta a.button[hreflang]")


@pytest.mark.parametrize(
    ("language", "path", "target"),
    [
        ("nl", "/news/", "/nl/nl-news/"),
        ("nl", "/about/", "/nl/nl-about/"),
        ("de", "/news/", "/de/de-news/"),
        ("he", "/news/", "/he/news/"),
        ("nl", "/how-you-can-help/", "/en/how-you-can-help/"),
    ],
)
def test_an_address_shared_without_a_prefix_finds_the_readers_translation(
    client, language, path, target
):
    shared_addresses()
    response = client.get(path, headers={"accept-language": language})
    assert response.status_code == 302 and response["Location"] == target


@pytest.mark.parametrize(
    ("language", "path"),
    [("en", "/nl-news/"), ("de", "/nl-news/"), ("nl", "/news/feed/"), ("nl", "/no-such-page/")],
)
def test_unknown_unprefixed_addresses_stay_404(client, language, path):
    """A Dutch slug means nothing to an English reader; feeds are not matched across languages."""
    shared_addresses()
    assert client.get(path, headers={"accept-language": language}).status_code == 404


def test_block_settings_are_not_searchable(client):
    searchable_pages()
    _html, links = search(client, "zh-hans", "Section heading")
    assert links == []
    assert search(client, "zh-hans", "Volunteers")[1]  # the Chinese page itself is found
    html, links = search(client, "en", "persecution")
    assert links
    assert "Section heading" not in html.select_one(".search-results").get_text()


def test_excerpts_start_and_end_between_words(client):
    searchable_pages()
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
    searchable_pages(11)  # a second page of results
    html, _links = search(client, "en", "the " * 2000)
    next_link = html.select_one(".pagination a[rel=next]")
    assert len(next_link["href"]) < 400


def test_a_later_page_of_a_listing_is_its_own_canonical_page(client):
    for number in range(11):  # a second page of posts
        publish_post(news_index(), title=f"Post {number}")
    html = soup(client.get("/en/news/?page=2"))
    assert html.select_one('link[rel="canonical"]')["href"].endswith("/en/news/?page=2")
    html = soup(client.get("/en/news/"))
    assert html.select_one('link[rel="canonical"]')["href"].endswith("/en/news/")


@pytest.mark.parametrize("month", ["9999-12", "0001-01", "2026-13", "abcd-ef"])
def test_out_of_range_months_are_an_empty_state_not_a_500(client, month):
    event_index()
    response = client.get("/en/events/", {"month": month})
    assert response.status_code == 200
