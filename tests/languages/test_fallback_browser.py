"""The label of an English item in another language's listing, in a real browser: axe finds
nothing (contrast, lang), and the label is readable text, not colour alone."""

import pytest

from tests.browser import require_chromium

pytestmark = pytest.mark.browser
require_chromium()

from tests.test_accessibility import axe_violations  # noqa: E402

# Languages the demo has not (fully) translated: their pages show English items.
CANDIDATES = ["zh-hant", "es", "fr", "de"]


def test_pages_with_english_items_pass_axe_and_label_them_in_words(page, base_url):
    checked = []
    for code in CANDIDATES:
        page.goto(f"{base_url}/{code}/")
        sections = [f"/{code}/"] + [
            link.get_attribute("href")
            for link in page.locator("nav a[href]").all()
            if link.get_attribute("href").count("/") == 3
        ]
        for path in sections:
            page.goto(base_url + path)
            labels = page.locator(".language-label")
            if not labels.count():
                continue
            assert axe_violations(page) == [], path
            label = labels.first
            assert label.inner_text().strip()  # said in words
            style = label.evaluate(
                "e => [getComputedStyle(e).borderStyle, getComputedStyle(e).color]"
            )
            assert style[0] == "solid", path
            checked.append(path)
    assert checked, "no page of the demo shows an English item: nothing was checked"
