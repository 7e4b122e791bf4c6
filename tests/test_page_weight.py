"""Page weight: the home page's HTML, CSS and JavaScript stay small on a slow phone connection."""

import gzip
import re

from django.contrib.staticfiles import finders

import pytest

pytestmark = pytest.mark.django_db

BUDGET_BYTES = 50 * 1024  # compressed, HTML + CSS + JS


def compressed(data):
    return len(gzip.compress(data, compresslevel=9))


@pytest.mark.parametrize("url", ["/en/", "/zh-hans/", "/he/"])
def test_home_page_html_css_and_js_fit_the_budget(client, url):
    html = client.get(url).content
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
    html = client.get(url).content.decode()
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
