"""Page weight: the home page's HTML, CSS and JavaScript stay small on a slow phone connection."""

import gzip
import re

from django.contrib.staticfiles import finders

import pytest

from tests.factories import news_index
from tests.factories.content import furnished_home

pytestmark = pytest.mark.django_db


def furnished(url):
    """The address of ``url`` ("/<language>/" or "/<language>/news/") once that language's home
    is furnished as on a real site (its news section's slug is the translated one)."""
    code, _slash, section = url.strip("/").partition("/")
    furnished_home(code)
    return news_index(code).url if section == "news" else url


BUDGET_BYTES = 50 * 1024  # compressed, HTML + CSS + JS


def compressed(data):
    return len(gzip.compress(data, compresslevel=9))


@pytest.mark.parametrize("url", ["/en/", "/zh-hans/", "/he/"])
def test_home_page_html_css_and_js_fit_the_budget(client, url):
    html = client.get(furnished(url)).content
    assets = re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js))"', html)
    assert assets, "the page links its stylesheet and script"
    total = compressed(html)
    for asset in assets:
        path = finders.find(asset.decode())
        with open(path, "rb") as handle:
            total += compressed(handle.read())
    assert total <= BUDGET_BYTES, f"{total} bytes compressed"


@pytest.mark.parametrize("url", ["/en/", "/zh-hans/", "/he/"])
def test_nothing_render_blocking_comes_from_another_host(client, url):
    html = client.get(furnished(url)).content.decode()
    for tag in re.findall(r"<(?:script|link)[^>]+>", html):
        for address in re.findall(r'(?:src|href)="([^"]+)"', tag):
            assert (
                not address.startswith(("http://", "https://", "//"))
                or "alternate" in tag
                or ("canonical" in tag)
            ), tag
    assert all(
        "defer" in tag or "async" in tag for tag in re.findall(r"<script[^>]+src=[^>]+>", html)
    )


@pytest.mark.parametrize("url", ["/en/", "/zh-hans/news/", "/he/"])
def test_pages_are_sent_compressed_to_readers_who_accept_it(client, url):
    url = furnished(url)
    plain = client.get(url)
    assert plain.status_code == 200
    packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content) / 2


def test_the_site_has_an_icon_and_favicon_ico_finds_it(client):
    html = client.get("/en/").content.decode()
    icon = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', html).group(1)
    assert client.get(icon).status_code == 200
    redirect = client.get("/favicon.ico")
    assert redirect.status_code == 301
    assert redirect["Location"] == icon
