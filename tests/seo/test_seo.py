"""sitemap.xml covers every live page in every language with hreflang alternates; robots.txt."""

import xml.etree.ElementTree as ET

import pytest

from tests.utils import live_pages

pytestmark = [pytest.mark.django_db, pytest.mark.demo]

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_sitemap_lists_every_live_page_in_every_language_with_alternates(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    locations = [loc.text for loc in root.findall("s:url/s:loc", NS)]
    expected = [page.get_full_url() for page in live_pages()]
    assert sorted(locations) == sorted(expected)
    single = {
        page.get_full_url()
        for page in live_pages()
        if page.get_translations().live().filter(alias_of__isnull=True).count() == 0
    }
    assert single  # the demo's English-only page
    for url in root.findall("s:url", NS):
        alternates = {link.get("hreflang") for link in url.findall("x:link", NS)}
        if url.find("s:loc", NS).text in single:
            assert alternates == set()  # nothing to relate a one-language page to
        else:
            assert "x-default" in alternates
            assert "en" in alternates


def test_sitemap_leaves_out_unpublished_pages(client):
    about_nl = next(p for p in live_pages() if p.slug == "over-deze-site")
    about_nl.unpublish()
    assert b"over-deze-site" not in client.get("/sitemap.xml").content


def test_robots_txt_names_the_sitemap_and_keeps_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body
