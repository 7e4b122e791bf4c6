"""Site-wide crawls on the whole demo (every live page of every language): status, lang and dir,
valid HTML, the language switcher and no third-party requests. Pages of every type and block,
cancelled and recurring events, films with screenings, in scripts of every direction."""

from django.conf import settings

from wagtail.models import Page

import pytest

from news.models import NewsIndexPage
from tests.factories import publish_post
from tests.utils import bcp47, expected_dir, html_errors, live_pages, locale, soup, switch_target

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def live_translation_codes(page):
    return set(
        Page.objects.live()
        .filter(translation_key=page.translation_key, alias_of__isnull=True)
        .values_list("locale__language_code", flat=True)
    )


def publish_posts_just_now():
    """A post in every language's news, published now: real publication times carry
    microseconds (the demo's dates are whole minutes)."""
    return [publish_post(index) for index in NewsIndexPage.objects.live()]


def test_every_page_answers_200_with_its_language_and_direction(client):
    pages = list(live_pages())
    # Every page in all 8 languages: 8 homes, 3 standard pages x 8 + 1 in 7 (its Dutch is a
    # draft), 8 news indexes, 12 posts x 8, 8 event indexes, 8 film indexes, 11 events x 8,
    # 3 films x 8, but one post and one event not translated into Spanish and Traditional
    # Chinese yet
    assert len(pages) == 8 + 31 + 8 + 96 + 8 + 8 + 88 + 24 - 4
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = soup(response).html
        code = page.locale.language_code
        assert html["lang"] == bcp47(code), page.url
        assert html["dir"] == expected_dir(code), page.url


def test_every_page_is_valid_html(client):
    publish_posts_just_now()
    for page in live_pages():
        response = client.get(page.url)
        assert html_errors(response) == [], page.url


def test_switcher_lists_every_language_by_native_name(client):
    for page in live_pages():
        entries = soup(client.get(page.url)).select(".language-switcher li a")
        assert [entry.get_text(strip=True) for entry in entries] == [
            name for _code, name in settings.LANGUAGES
        ], page.url
        translations = live_translation_codes(page)
        for entry in entries:
            code = next(c for c, _n in settings.LANGUAGES if bcp47(c) == entry["lang"])
            target = switch_target(entry["href"])
            if code in translations:
                assert target == page.get_translation(locale(code)).url
            else:  # the nearest page live in that language, which says what is missing
                assert target.startswith(f"/{code}/") and f"?untranslated={page.pk}" in target
                landing = client.get(target)
                assert landing.status_code == 200
                assert soup(landing).select_one(".untranslated-notice"), target
        current = [entry for entry in entries if entry.get("aria-current")]
        assert [entry["lang"] for entry in current] == [bcp47(page.locale.language_code)]


def test_no_third_party_requests_in_pages(client):
    for page in live_pages():
        document = soup(client.get(page.url))
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src")):
            for element in document.find_all(tag):
                value = element.get(attribute, "")
                if tag == "link" and element.get("rel") in (["alternate"], ["canonical"]):
                    continue
                assert not value.startswith(("http://", "https://", "//")) or (
                    tag == "img" and "/media/" in value
                ), (page.url, value)
