"""sitemap.xml covers every live page in every language with hreflang alternates; robots.txt."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import StandardPageFactory, home, news_index, publish_post, translate
from tests.utils import live_pages

pytestmark = [pytest.mark.django_db]

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def published(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def small_site():
    """Beside the home pages of every language: a news section and a post in English and Dutch,
    a page in English and Dutch, and a page in English only. Returns the pages made."""
    news_index("nl")
    post = translate(publish_post(news_index()), "nl")
    about = published(StandardPageFactory(parent=home(), slug="about-this-site"))
    english_only = published(StandardPageFactory(parent=home(), slug="how-you-can-help"))
    return {"post": post, "about": translate(about, "nl"), "english-only": english_only}


def sitemap_urls(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content).findall("s:url", NS)


def test_sitemap_lists_every_live_page_in_every_language_with_alternates(client):
    made = small_site()
    urls = sitemap_urls(client)
    locations = [url.find("s:loc", NS).text for url in urls]
    expected = [page.get_full_url() for page in live_pages()]
    assert sorted(locations) == sorted(expected)
    assert {page.get_full_url() for page in made.values()} <= set(locations)
    single = {
        page.get_full_url()
        for page in live_pages()
        if page.get_translations().live().filter(alias_of__isnull=True).count() == 0
    }
    assert single == {made["english-only"].get_full_url()}
    for url in urls:
        alternates = {link.get("hreflang") for link in url.findall("x:link", NS)}
        if url.find("s:loc", NS).text in single:
            assert alternates == set()  # nothing to relate a one-language page to
        else:
            assert "x-default" in alternates
            assert "en" in alternates


def test_sitemap_leaves_out_unpublished_pages(client):
    about_nl = small_site()["about"]
    assert about_nl.slug.encode() in client.get("/sitemap.xml").content
    about_nl.unpublish()
    assert about_nl.slug.encode() not in client.get("/sitemap.xml").content


def test_robots_txt_names_the_sitemap_and_keeps_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body
