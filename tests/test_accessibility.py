"""Accessibility in a real browser: axe-core, the keyboard alone, zoom and narrow screens.

axe-core comes from the npm registry at the version locked in tools/axe (``make test`` installs
it) and is run inside Debian's Chromium through Playwright, on every kind of public page in
English, Simplified Chinese and Hebrew. Screenshots go to test-results/.
"""

import os
import re
import urllib.request
from functools import cache
from urllib.parse import urljoin, urlsplit

import pytest

from tests.browser import ARTIFACTS, ROOT, require_chromium

pytestmark = pytest.mark.browser
require_chromium()

from playwright.sync_api import expect  # noqa: E402

AXE = ROOT / "tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices (landmarks, headings...).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
LANGUAGES = ["en", "zh-hans", "he"]
# One page of each template, found by following links from the language's home page.
TEMPLATES = [
    "template-home",
    "template-news-index",
    "template-news",
    "template-events",
    "template-event",
    "template-films",
    "template-film",
    "template-standard",
]
BODY_CLASS = re.compile(r'<body class="([^"]*)"')
LINK = re.compile(r'href="([^"#?]+)"')


@cache
def axe_source():
    if not AXE.exists():
        message = "axe-core is not installed: run `make test` (it runs npm ci in tools/axe)"
        if os.environ.get("CI") or os.environ.get("REQUIRE_BROWSER"):
            raise RuntimeError(message)
        pytest.skip(message)
    return AXE.read_text()


@cache
def one_page_per_template(base_url, language):
    """{template: path} for ``language``, crawled breadth-first from its home page."""
    found, queue, seen = {}, [f"/{language}/"], set()
    while queue and len(found) < len(TEMPLATES) and len(seen) < 60:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        with urllib.request.urlopen(base_url + path) as response:
            html = response.read().decode()
        template = BODY_CLASS.search(html).group(1)
        if template in TEMPLATES:
            found.setdefault(template, path)
        for href in LINK.findall(html):
            link = urlsplit(urljoin(base_url + path, href)).path
            if link.startswith(f"/{language}/") and not link.endswith(("/feed/", "/ics/")):
                queue.append(link)
    assert sorted(found) == sorted(TEMPLATES), found
    return found


def pages_to_check(base_url, language):
    """Every template, and the states a reader meets: filtered, page 2, search, errors."""
    paths = one_page_per_template(base_url, language)
    news, events = paths["template-news-index"], paths["template-events"]
    return [
        *paths.values(),
        f"{news}?page=2",
        f"{news}?year=1999",  # an empty result
        f"{events}?when=past",
        f"{events}?kind=information_stand",
        f"/{language}/search/",
        f"/{language}/search/?q=%E8%BF%AB%E5%AE%B3+falun",
        f"/{language}/search/?q=nothing-matches-this",
        f"/{language}/no-such-page/",
    ]


def axe_violations(page):
    """Runs axe-core in ``page``: its violations, and contrast checks it could not decide.

    ``page.evaluate`` runs outside the page's Content-Security-Policy, so the strict policy
    stays as readers get it.
    """
    page.evaluate(axe_source())
    results = page.evaluate(
        """tags => axe.run(document, {
            runOnly: {type: 'tag', values: tags},
            resultTypes: ['violations', 'incomplete'],
        })""",
        AXE_TAGS,
    )
    found = [
        f"{violation['id']} ({violation['impact']}): {node['target']} {node['failureSummary']}"
        for violation in results["violations"]
        for node in violation["nodes"]
    ]
    # Contrast axe could not decide counts too, except text that is only symbols (arrows
    # hidden from screen readers), which has no contrast requirement of its own.
    found += [
        f"undecided {item['id']}: {node['target']} {check['message']}"
        for item in results["incomplete"]
        if item["id"] == "color-contrast"
        for node in item["nodes"]
        for check in node["any"]
        if check["data"] and check["data"].get("messageKey") != "nonBmp"
    ]
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_nothing_on_any_kind_of_page(page, base_url, language):
    """And, on the way, no page asks another host for anything (readers' privacy)."""
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    checked, problems = [], {}
    for path in pages_to_check(base_url, language):
        response = page.goto(base_url + path)
        assert response.status in (200, 404), path
        found = axe_violations(page)
        checked.append(path)
        if found:
            problems[path] = found
    assert len(checked) == len(TEMPLATES) + 8
    assert problems == {}
    assert len(requested) > len(checked)  # pages, styles, images...
    assert [url for url in requested if not url.startswith(base_url)] == []


def test_axe_checks_really_run(page, base_url):
    """A control: axe does report a page with an unlabelled image and a missing language."""
    page.goto(f"{base_url}/en/")
    page.evaluate(
        """() => {
            document.documentElement.removeAttribute('lang');
            document.querySelector('main').insertAdjacentHTML(
                'beforeend', '<img src="/favicon.ico"><a href="/x"></a>');
        }"""
    )
    found = axe_violations(page)
    rules = {line.split(" ", 1)[0] for line in found}
    assert {"html-has-lang", "image-alt", "link-name"} <= rules, found


# The keyboard alone --------------------------------------------------------------------------


def tab_to(page, selector, limit=120):
    """Presses Tab until the focused element matches ``selector``; returns how many presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return presses
    raise AssertionError(f"{selector} was not reached with {limit} presses of Tab")


FOCUS_STYLE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const rgb = c => (c.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
    const luminance = c => {
        const [r, g, b] = rgb(c).map(v => v / 255).map(
            v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    // An outline drawn outside the element sits on its parent's background.
    let node = parseFloat(style.outlineOffset) >= 0 ? el.parentElement : el;
    let background = 'rgba(0, 0, 0, 0)';
    while (node && node.nodeType === 1) {
        const bg = getComputedStyle(node).backgroundColor;
        if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') { background = bg; break; }
        node = node.parentElement;
    }
    if (background === 'rgba(0, 0, 0, 0)') background = 'rgb(255, 255, 255)';
    const [l1, l2] = [luminance(style.outlineColor), luminance(background)].sort((a, b) => b - a);
    return {
        tag: el.tagName, text: (el.innerText || el.value || '').trim().slice(0, 40),
        outline: style.outlineStyle, width: parseFloat(style.outlineWidth),
        contrast: (l1 + 0.05) / (l2 + 0.05),
        visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
            && box.top < innerHeight && box.left < innerWidth,
    };
}"""


def assert_focus_is_visible(page):
    focus = page.evaluate(FOCUS_STYLE)
    assert focus["visible"], focus
    assert focus["outline"] != "none" and focus["width"] >= 2, focus
    assert focus["contrast"] >= 3, focus  # WCAG 2.4.13 / 1.4.11: 3:1 against what is behind it
    return focus


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_control_on_every_kind_of_page_shows_where_the_focus_is(page, base_url, language):
    """Tab through each page to its end: every stop is on screen with a visible focus ring."""
    for path in one_page_per_template(base_url, language).values():
        page.goto(base_url + path)
        stops = 0
        while stops < 200:
            page.keyboard.press("Tab")
            first_visit = page.evaluate(
                """() => {
                    const el = document.activeElement;
                    if (el === document.body || el.dataset.visited) return false;
                    return el.dataset.visited = 'yes';
                }"""
            )
            if not first_visit:  # back at the start: every stop has been seen
                break
            assert_focus_is_visible(page)
            stops += 1
        assert 5 < stops < 200, (path, stops)


def choose_the_first_filter(page, parameter):
    """Tab to the first filter, press Enter: the listing is filtered and says by what."""
    tab_to(page, ".filters a")
    name = assert_focus_is_visible(page)["text"]
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"\?{parameter}="))
    expect(page.locator(".filters a[aria-current]")).to_have_text(name)
    expect(page.locator(".filters__active")).to_contain_text(name)


def test_news_filters_and_pages_work_with_the_keyboard_alone(page, base_url):
    news = one_page_per_template(base_url, "en")["template-news-index"]
    page.goto(base_url + news)
    choose_the_first_filter(page, "category")
    # Back to all posts, then to the next page of them and back.
    tab_to(page, ".filters__active a")
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + news)
    tab_to(page, ".pagination a[rel=next]")
    assert_focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"\?page=2$"))
    expect(page.locator(".pagination")).to_contain_text("Page 2 of")
    tab_to(page, ".pagination a[rel=prev]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"\?page=1$"))
    expect(page.locator(".pagination")).to_contain_text("Page 1 of")


def test_event_filters_work_with_the_keyboard_alone_right_to_left(page, base_url):
    events = one_page_per_template(base_url, "he")["template-events"]
    page.goto(base_url + events)
    tab_to(page, ".tabs a:not([aria-current])")
    assert_focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"\?when=past$"))
    expect(page.locator(".tabs a[aria-current=page]")).to_have_attribute("href", re.compile("past"))
    page.goto(base_url + events)
    choose_the_first_filter(page, "kind")
    assert page.locator(".event-card").count() > 0


def test_search_works_with_the_keyboard_alone(page, base_url):
    page.goto(f"{base_url}/zh-hans/")
    tab_to(page, "a.search-link")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("/zh-hans/search/"))
    tab_to(page, "#search-query")
    assert_focus_is_visible(page)
    page.keyboard.type("迫害")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"\?q="))
    tab_to(page, ".search-results a")
    assert_focus_is_visible(page)


# Zoom and narrow screens ---------------------------------------------------------------------

LAYOUT_PROBLEMS = """() => {
    const problems = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1)
        problems.push(`scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    const texts = [];
    const name = el => `${el.tagName}.${el.className} "${el.innerText.slice(0, 30)}"`;
    for (const el of document.body.querySelectorAll('*')) {
        if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})
                || el.closest('.visually-hidden, .skip-link')) continue;
        const style = getComputedStyle(el);
        const ownText = [...el.childNodes].some(n => n.nodeType === 3 && n.data.trim());
        if (ownText && ['hidden', 'clip'].includes(style.overflowX)
                && el.scrollWidth > el.clientWidth + 1)
            problems.push(`text cut off: ${name(el)}`);
        if (ownText) {
            const box = el.getBoundingClientRect();
            if (box.right > root.clientWidth + 1 || box.left < -1)
                problems.push(`off screen: ${name(el)}`);
            for (const rect of el.getClientRects()) texts.push([el, rect]);
        }
    }
    // Text boxes that overlap other text (not their own ancestors or descendants).
    for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
            const [a, ra] = texts[i], [b, rb] = texts[j];
            if (a.contains(b) || b.contains(a)) continue;
            const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
            const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
            if (w > 2 && h > 4)
                problems.push(`overlap: ${name(a)} / ${name(b)}`);
        }
    }
    return problems;
}"""

ZOOMS = {
    # 1280 x 900 at 200 % browser zoom: half as many CSS pixels, each drawn twice as large.
    "zoom-200": {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2},
    # WCAG 1.4.10 reflow: 320 CSS pixels wide (1280 at 400 %), on a phone.
    "width-320": {"viewport": {"width": 320, "height": 640}, "is_mobile": True},
}


@pytest.mark.parametrize("zoom", sorted(ZOOMS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_reflow_when_zoomed_or_narrow(browser, base_url, language, zoom):
    context = browser.new_context(**ZOOMS[zoom])
    page = context.new_page()
    problems = {}
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        for template, path in one_page_per_template(base_url, language).items():
            page.goto(base_url + path)
            found = page.evaluate(LAYOUT_PROBLEMS)
            if found:
                problems[path] = found
            name = f"{zoom}-{language}-{template.removeprefix('template-')}.png"
            page.screenshot(path=ARTIFACTS / name, full_page=True)
        # The menus open and fit too.
        page.goto(f"{base_url}/{language}/")
        page.locator(".language-switcher summary").click()
        menu = page.locator(".language-switcher ul").bounding_box()
        assert menu["x"] >= 0 and menu["x"] + menu["width"] <= ZOOMS[zoom]["viewport"]["width"]
    finally:
        context.close()
    assert problems == {}


TEXT_SIZES = """['h1', 'main p'].map(
    selector => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize))"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_text_alone_can_be_doubled(page, base_url, language):
    """WCAG 1.4.4: readers who enlarge only the text (a browser setting) lose nothing."""
    for template, path in one_page_per_template(base_url, language).items():
        page.goto(base_url + path)
        before = page.evaluate(TEXT_SIZES)
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        after = page.evaluate(TEXT_SIZES)
        doubled = all(new >= 1.9 * old for old, new in zip(before, after, strict=True))
        assert doubled, (path, before, after)
        assert page.evaluate(LAYOUT_PROBLEMS) == [], path
        if template == "template-news":
            page.screenshot(path=ARTIFACTS / f"text-200-{language}-news.png", full_page=True)
