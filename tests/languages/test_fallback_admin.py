"""Editors and administrators choose, per language, what its listings add of the English items
not translated yet (Settings → Untranslated items in listings); translators and reviewers may
not. Untranslated English pages stay out of the other languages' hreflang and sitemap."""

from django.urls import reverse

import pytest

from site_core.languages.models import FallbackMode, ListingFallback
from tests.factories import editor, news_index, reviewer, translator
from tests.factories.users import administrator
from tests.news.helpers import card_titles, live_posts
from tests.utils import locale, soup

pytestmark = pytest.mark.django_db

INDEX = "listing_fallback:index"
ADD = "listing_fallback:add"


@pytest.mark.parametrize("make_user", [editor, administrator])
def test_editors_and_administrators_set_a_languages_fallback_in_the_admin(client, make_user):
    live_posts(news_index(), 3, title="English report")
    german = news_index("de")
    assert card_titles(client.get(german.url)) == ["English report"] * 3  # the default
    client.force_login(make_user())
    assert client.get(reverse(INDEX)).status_code == 200
    response = client.post(
        reverse(ADD), {"locale": locale("de").pk, "mode": FallbackMode.FILL, "fill_to": 2}
    )
    assert response.status_code == 302
    assert ListingFallback.objects.get(locale=locale("de")).fill_to == 2
    client.logout()
    assert card_titles(client.get(german.url)) == ["English report"] * 2


@pytest.mark.parametrize("make_user", [lambda: translator("de"), lambda: reviewer("nl")])
def test_translators_and_reviewers_cannot_change_the_setting(client, make_user):
    client.force_login(make_user())
    for name in (INDEX, ADD):
        response = client.get(reverse(name))
        assert response.status_code in (302, 403)
    response = client.post(reverse(ADD), {"locale": locale("de").pk, "mode": "off", "fill_to": 1})
    assert response.status_code in (302, 403)
    assert not ListingFallback.objects.exists()


def test_fill_to_is_checked(client):
    client.force_login(editor())
    response = client.post(reverse(ADD), {"locale": locale("de").pk, "mode": "fill", "fill_to": 0})
    assert response.status_code == 200  # the form again, with its error
    assert not ListingFallback.objects.exists()


def test_english_posts_listed_in_german_are_not_advertised_as_german(client):
    (post,) = live_posts(news_index(), 1)
    german = news_index("de")
    assert card_titles(client.get(german.url)) == [post.title]
    alternates = soup(client.get(post.url)).select('link[rel="alternate"][hreflang]')
    assert alternates == []  # an English page with no translation has no alternates
    listing = soup(client.get(german.url)).select('link[rel="alternate"][hreflang]')
    assert post.full_url not in {link["href"] for link in listing}
    sitemap = client.get("/sitemap.xml").content.decode()
    assert post.full_url in sitemap
    assert f"/de/{post.slug}" not in sitemap and f'hreflang="de" href="{post.full_url}' not in (
        sitemap
    )
