"""Every page in every language: lang/dir, hreflang, the language switcher, valid HTML."""

from datetime import date, timedelta

from django.conf import settings

from wagtail.models import Page

import pytest

from events.models import EventIndexPage, EventPage
from films.models import FilmIndexPage, FilmPage
from home.models import HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage
from site_core.models import Footer
from tests.factories import (
    EventOccurrenceFactory,
    FooterFactory,
    event_index,
    news_index,
    publish_event,
    publish_post,
    translate,
)
from tests.kernel.helpers import (
    every_page_type,
    feature,
    menu_sections,
    small_site,
    standard_page,
    three_english_pages,
    with_hero_image,
)
from tests.utils import (
    bcp47,
    invalid_datetimes,
    live_pages,
    locale,
    soup,
    switch_target,
)

pytestmark = pytest.mark.django_db

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def live_translation_codes(page):
    return set(
        Page.objects.live()
        .filter(translation_key=page.translation_key, alias_of__isnull=True)
        .values_list("locale__language_code", flat=True)
    )


def translate_and_publish(page, code):
    translated = page.copy_for_translation(locale(code), copy_parents=True)
    translated.save_revision().publish()
    return translated


def test_hebrew_pages_read_right_to_left_and_others_left_to_right(client):
    about = translate(standard_page("About", "about"), "he")
    assert soup(client.get("/he/")).html["dir"] == "rtl"
    assert soup(client.get(about.url)).html["dir"] == "rtl"
    assert soup(client.get("/zh-hans/")).html["lang"] == "zh-Hans"
    assert soup(client.get("/zh-hant/")).html["lang"] == "zh-Hant"
    assert soup(client.get("/nl/")).html["dir"] == "ltr"


def events_to_come_and_past(language):
    """The events index of ``language`` with an event to come and one that took place (the
    English ones translated)."""
    past = EventOccurrenceFactory.build(start_date=date.today() - timedelta(days=12))
    made = [publish_event(event_index()), publish_event(event_index(), occurrences=[past])]
    if language != settings.LANGUAGE_CODE:
        for event in made:
            translate(event, language)
    return event_index(language)


@pytest.mark.parametrize("language", ["en", "he"])
def test_every_time_on_home_news_and_event_pages_has_a_datetime_html_allows(client, language):
    # date:'c' wrote six digits of a second into <time datetime> ("…T15:40:07.123456+00:00"):
    # invalid HTML on every page that showed a real publication time.
    post = publish_post(news_index(language))
    events = events_to_come_and_past(language)
    urls = [
        HomePage.objects.get(locale__language_code=language).url,
        post.get_parent().url,
        post.url,
        events.url,
        events.url + "?when=past",
        EventPage.objects.live().child_of(events).first().url,
    ]
    seen = 0
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        seen += len(soup(response).find_all("time", datetime=True))
        assert invalid_datetimes(response) == [], url
    assert seen >= len(urls)


@pytest.mark.parametrize(
    "page_type",
    [
        HomePage,
        StandardPage,
        NewsIndexPage,
        NewsPage,
        EventIndexPage,
        EventPage,
        FilmIndexPage,
        FilmPage,
    ],
)
def test_each_page_type_renders_in_every_language(client, page_type):
    every_page_type()
    source = page_type.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    for code in LANGUAGE_CODES:
        page = source.get_translation_or_none(locale(code))
        if page is None:
            page = translate_and_publish(source, code)
        response = client.get(page.url)
        assert response.status_code == 200, (code, page.url)
        assert soup(response).html["lang"] == bcp47(code)
        assert soup(response).h1.get_text(strip=True)


def test_hreflang_alternates_point_at_live_translations_only(client):
    english = small_site()
    translate(english[1], "de", publish=False)  # a draft translation: no alternate
    answered = {}  # path -> status: each alternate is fetched once, not once per page naming it
    for page in live_pages():
        response = client.get(page.url)
        answered[page.url] = response.status_code
        links = soup(response).find_all("link", rel="alternate", hreflang=True)
        hreflangs = {link["hreflang"] for link in links}
        expected = {bcp47(code) for code in live_translation_codes(page)}
        if len(expected) > 1:
            expected.add("x-default")
        else:
            expected = set()
        assert hreflangs == expected, page.url
        for link in links:
            path = "/" + link["href"].split("://", 1)[1].split("/", 1)[1]
            if path not in answered:
                answered[path] = client.get(path).status_code
            assert answered[path] == 200, link["href"]


def test_unpublished_translation_disappears_from_hreflang_and_switcher(client):
    english = standard_page("About", "about")
    about_nl = translate(english, "nl")
    translate(english, "he")
    about_nl.unpublish()
    page = soup(client.get(english.url))
    hreflangs = {link["hreflang"] for link in page.find_all("link", rel="alternate", hreflang=True)}
    assert "nl" not in hreflangs
    assert "he" in hreflangs
    dutch_entry = page.select_one('.language-switcher a[lang="nl"]')
    assert switch_target(dutch_entry["href"]) == f"/nl/?untranslated={english.pk}"
    assert "not translated" in dutch_entry.parent.get_text()


def dutch_menu_site():
    """About, Worldwide activism, Key statistics, News and Events in English and Dutch, all
    in menus; an English-only page in the menu and a Dutch page that is not."""
    pages = [*three_english_pages(), *menu_sections()]
    for page in pages:
        translate(page, "nl")
    standard_page("How you can help", "how-you-can-help")
    translate(standard_page("Imprint", "imprint", show_in_menus=False), "nl")


def test_main_menu_lists_live_menu_pages_of_the_current_language_in_tree_order(client):
    dutch_menu_site()
    menu = soup(client.get("/nl/")).select(".main-nav a")
    assert [a.get_text() for a in menu] == [
        "[nl] About",
        "[nl] Worldwide activism",
        "[nl] Key statistics",
        "[nl] News",
        "[nl] Events",
    ]
    about = StandardPage.objects.get(locale__language_code="nl", slug="nl-about")
    about.show_in_menus = False
    about.save_revision().publish()
    menu = soup(client.get("/nl/")).select(".main-nav a")
    assert [a.get_text() for a in menu] == [
        "[nl] Worldwide activism",
        "[nl] Key statistics",
        "[nl] News",
        "[nl] Events",
    ]


def test_menu_marks_the_current_page(client):
    statistics = [translate(page, "nl") for page in three_english_pages()][-1]
    current = soup(client.get(statistics.url)).select('.main-nav a[aria-current="page"]')
    assert [a.get_text() for a in current] == ["[nl] Key statistics"]


def test_featured_pages_are_shown_in_the_readers_language_or_marked_as_english(client):
    english = three_english_pages()
    for page in english:
        translate(page, "zh-hans")
    feature("zh-hans", english)
    feature("de", english)
    cards = soup(client.get("/zh-hans/")).select(".featured .card")
    assert [card.a.get_text() for card in cards] == [
        "[zh-hans] About",
        "[zh-hans] Worldwide activism",
        "[zh-hans] Key statistics",
    ]
    assert all(not card.get("lang") for card in cards)

    cards = soup(client.get("/de/")).select(".featured .card")
    assert [card.a["href"] for card in cards] == [
        "/en/about/",
        "/en/worldwide-activism/",
        "/en/key-statistics/",
    ]
    assert [card["lang"] for card in cards] == ["en", "en", "en"]


def test_meta_description_canonical_and_open_graph_come_from_the_page(client):
    about = translate(standard_page("About", "about", intro="What this site is about."), "nl")
    with_hero_image()
    page = soup(client.get("/nl/nl-about/"))
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description.startswith("[nl] What this site")
    assert page.find("link", rel="canonical")["href"].endswith("/nl/nl-about/")
    assert page.find("meta", property="og:title")["content"] == about.title == "[nl] About"
    assert page.find("meta", property="og:locale")["content"] == "nl"
    home_page = soup(client.get("/en/"))
    og_image = home_page.find("meta", property="og:image")["content"]
    assert og_image.startswith("http") and og_image.endswith(".jpg")


def test_footer_comes_from_the_readers_language(client):
    footer = FooterFactory(contact_text="<p>Write to us</p>")
    translate(footer, "nl")
    translate(footer, "zh-hans")
    assert "[nl] Write to us" in soup(client.get("/nl/")).select_one(".site-footer").get_text()
    chinese = soup(client.get("/zh-hans/")).select_one(".site-footer").get_text()
    assert "[zh-hans] Write to us" in chinese
    assert "[nl]" not in chinese


def test_a_footer_made_by_the_factory_shows_in_its_language(client):
    Footer.objects.filter(locale__language_code="en").delete()
    FooterFactory(contact_email="factory-marker@example.org")
    footer = soup(client.get("/en/")).select_one(".site-footer")
    assert "factory-marker@example.org" in footer.get_text()


def test_interface_strings_are_translated(client):
    page = soup(client.get("/zh-hant/"))
    assert page.select_one(".skip-link").get_text() == "跳到主要內容"
    assert page.select_one(".skip-link")["href"] == "#main"
    assert page.find(id="main") is not None
    page = soup(client.get("/he/"))
    assert page.select_one(".skip-link").get_text() == "דלג לתוכן הראשי"
