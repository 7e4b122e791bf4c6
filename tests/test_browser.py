"""What only a browser shows: right-to-left layout, keyboard use, the switcher, small screens.

Runs Debian's Chromium through Playwright (tests/browser.py) against a real server with its own
copy of the demo site.
"""

import json
import re

import pytest

from tests.browser import ARTIFACTS, log_in, require_chromium

pytestmark = pytest.mark.browser
require_chromium()

from playwright.sync_api import expect  # noqa: E402


def test_hebrew_layout_is_mirrored(page, base_url):
    page.goto(f"{base_url}/he/worldwide-activism/")
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    name = page.locator(".site-name").bounding_box()
    switcher = page.locator(".language-switcher summary").bounding_box()
    # The site name starts on the right, the switcher sits at the inline end (left).
    assert name["x"] > switcher["x"]
    heading = page.locator("h1").bounding_box()
    assert heading["x"] + heading["width"] > 1280 / 2
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "hebrew-worldwide-activism.png", full_page=True)


def test_english_layout_is_left_to_right(page, base_url):
    page.goto(f"{base_url}/en/worldwide-activism/")
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "ltr"
    name = page.locator(".site-name").bounding_box()
    switcher = page.locator(".language-switcher summary").bounding_box()
    assert name["x"] < switcher["x"]


def test_first_tab_reaches_a_visible_skip_link_that_moves_focus_to_the_content(page, base_url):
    page.goto(f"{base_url}/nl/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    box = page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0 and box["height"] > 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_switcher_keeps_the_readers_place_with_the_keyboard(page, base_url):
    page.goto(f"{base_url}/en/about/")
    page.locator(".language-switcher summary").focus()
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Nederlands").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base_url}/nl/over-deze-site/")
    assert page.locator("h1").inner_text() == "Over deze site"


def test_switcher_offers_the_nearest_page_where_a_page_is_not_translated(page, base_url):
    # Every demo page is in German; the page whose Dutch translation is still a draft is not.
    page.goto(f"{base_url}/en/how-you-can-help/")
    page.locator(".language-switcher summary").click()
    page.get_by_role("link", name="Nederlands").click()
    page.wait_for_url(lambda url: url.startswith(f"{base_url}/nl/?untranslated="))
    assert page.evaluate("document.documentElement.lang") == "nl"
    notice = page.locator(".untranslated-notice").inner_text()
    assert "nog niet beschikbaar in het Nederlands" in notice


@pytest.mark.parametrize("path", ["/zh-hans/", "/he/about/", "/nl/kerncijfers/"])
def test_pages_fit_a_phone_screen_without_sideways_scrolling(browser, base_url, path):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(f"{base_url}{path}")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(
        path=ARTIFACTS / f"phone{path.rstrip('/').replace('/', '-')}.png", full_page=True
    )
    context.close()
    assert overflow <= 0


def test_pages_make_no_third_party_requests(page, base_url):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ["/en/", "/zh-hans/worldwide-activism/", "/he/key-statistics/"]:
        page.goto(f"{base_url}{path}")
    assert requested
    assert [url for url in requested if not url.startswith(base_url)] == []


def test_editor_publishes_a_post_and_a_translator_puts_it_on_the_dutch_home_page(page, base_url):
    """The whole flow in the real admin: publish in English, translate into Dutch, read it."""
    log_in(page, base_url)

    # An editor writes a post under the English news index and publishes it.
    page.goto(f"{base_url}/admin/news_pages/")
    page.get_by_role("link", name="Add news page").first.click()
    if "/add/news/newspage/" not in page.url:  # several indexes: choose the English one
        page.get_by_label("News").first.check()
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url(lambda url: "/add/news/newspage/" in url)
    page.fill("#id_title", "Vigil outside the consulate")
    page.press("#id_title", "Tab")
    page.fill("#id_summary", "Practitioners held a candlelight vigil.")
    expect(page.locator("#id_slug")).not_to_have_value("")  # no eval: the admin's CSP
    page.evaluate("document.querySelector('button[name=action-publish]').click()")
    page.wait_for_url(lambda url: "/add/" not in url)

    # A translator submits it for translation into Dutch and translates every segment.
    page.goto(f"{base_url}/admin/news_pages/")
    link = page.locator("a", has_text="Vigil outside the consulate").first.get_attribute("href")
    english_id = re.search(r"/pages/(\d+)/", link or "").group(1)
    assert english_id, "the new post is not in the admin news listing"
    page.goto(f"{base_url}/admin/localize/submit/page/{english_id}/")
    page.get_by_label("Nederlands").check()
    page.locator("form input[type=submit], main form button[type=submit]").last.click()
    page.wait_for_url(lambda url: url.endswith("/edit/"))
    dutch = {
        "Vigil outside the consulate": "Wake bij het consulaat",
        "Practitioners held a candlelight vigil.": "Beoefenaars hielden een kaarsenwake.",
        "vigil-outside-the-consulate": "wake-bij-het-consulaat",
    }
    for tab in ["Content", "Promote"]:
        page.get_by_role("tab", name=tab).click()
        while page.locator("li.incomplete:visible").count():
            segment = page.locator("li.incomplete:visible").first
            source = segment.locator("p").first.inner_text().strip()
            segment.get_by_role("button", name="Translate").click()
            segment.locator("textarea").fill(dutch.get(source, source))
            segment.get_by_role("button", name="Save").click()
            page.wait_for_timeout(300)
    page.get_by_role("button", name="Publish in Nederlands").click()
    page.wait_for_load_state("networkidle")

    # A Dutch reader sees it first on the home page and in the feed.
    page.goto(f"{base_url}/nl/")
    assert page.locator(".recent-posts h3 a").first.inner_text() == "Wake bij het consulaat"
    feed = page.request.get(f"{base_url}/nl/nieuws/feed/").text()
    assert feed.index("Wake bij het consulaat") < feed.index("<item>", feed.index("<item>") + 1)


def test_dutch_translator_submits_a_post_the_dutch_reviewer_approves_it(page, base_url):
    """The review flow with the demo team: translate, submit, approve, read."""
    log_in(page, base_url, "translator-nl")
    # The overview shows only Dutch to the Dutch translator; open a news post's translation.
    page.goto(f"{base_url}/admin/translations/")
    columns = page.locator("table.translation-overview thead th").all_inner_texts()
    assert columns[1:] == ["Nederlands"]
    page.screenshot(path=str(ARTIFACTS / "translation-overview-nl.png"))
    news = page.locator("tbody tr", has=page.locator("th", has_text="Doctors speak out"))
    news.locator('td[data-language="nl"] a').click()
    page.wait_for_url(lambda url: url.endswith("/edit/"))
    page.wait_for_selector("li.complete")
    assert page.get_by_role("button", name=re.compile("Publish")).count() == 0
    assert page.get_by_text("Convert to alias page").count() == 0

    # Retranslate the title and submit for review.
    title = page.locator("li.complete").first
    title.get_by_role("button", name="Edit").click()
    title.locator("textarea").fill("Artsen spreken zich uit tegen gedwongen orgaanroof")
    title.get_by_role("button", name="Save").click()
    page.wait_for_timeout(500)
    page.get_by_role("button", name="Submit for Nederlands review").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("submitted for Nederlands review").count()
    edit_url = page.url
    reader = page.request.get(f"{base_url}/nl/").text()
    assert "gedwongen orgaanroof" not in reader  # not published before the review

    # The Dutch reviewer approves from the same editor; a reader sees the new title.
    log_in(page, base_url, "reviewer-nl")
    page.goto(edit_url)
    page.get_by_role("button", name="Approve and publish").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("Approved and published").count()
    props = json.loads(page.locator(".js-translation-editor").get_attribute("data-props"))
    page.context.clear_cookies()
    page.goto(props["object"]["liveUrl"])
    assert "/nl/" in page.url
    assert page.locator("h1").inner_text() == "Artsen spreken zich uit tegen gedwongen orgaanroof"


def test_hebrew_translator_types_right_to_left_and_cannot_open_dutch(page, base_url):
    log_in(page, base_url, "translator-he")
    page.goto(f"{base_url}/admin/translations/")
    columns = page.locator("table.translation-overview thead th").all_inner_texts()
    assert columns[1:] == ["עברית"]
    page.locator('td[data-language="he"] a').nth(5).click()
    page.wait_for_selector("li.complete")
    segment = page.locator("li.complete").first
    shown = segment.locator("p + div").first
    assert shown.get_attribute("dir") == "rtl" and shown.get_attribute("lang") == "he"
    segment.get_by_role("button", name="Edit").click()
    field = segment.locator("textarea")
    assert field.get_attribute("dir") == "rtl" and field.get_attribute("lang") == "he"
    assert field.evaluate("el => getComputedStyle(el).direction") == "rtl"
    page.screenshot(path=str(ARTIFACTS / "translation-editor-he.png"))
    # The editor lists the other translations; the Dutch one's editor is refused.
    props = json.loads(page.locator(".js-translation-editor").get_attribute("data-props"))
    dutch_url = next(t["editUrl"] for t in props["translations"] if t["locale"]["code"] == "nl")
    response = page.request.get(base_url + dutch_url, max_redirects=0)
    assert response.status in (302, 403)
    assert "li.complete" not in response.text() and "js-translation-editor" not in response.text()


def _translate_all_segments(page, translations):
    for tab in ["Content", "Promote"]:
        page.get_by_role("tab", name=tab).click()
        while page.locator("li.incomplete:visible").count():
            segment = page.locator("li.incomplete:visible").first
            source = segment.locator("p").first.inner_text().strip()
            segment.get_by_role("button", name="Translate").click()
            segment.locator("textarea").fill(translations.get(source, source))
            segment.get_by_role("button", name="Save").click()
            page.wait_for_timeout(300)


def test_an_information_stand_added_in_the_admin_reaches_chinese_readers_and_calendars(
    page, base_url
):
    """Add a stand, translate it into Chinese, find it under upcoming, import its .ics."""
    from datetime import date, timedelta

    from icalendar import Calendar

    log_in(page, base_url)
    page.goto(f"{base_url}/admin/pages/search/?q=Events")
    link = page.get_by_role("link", name="Events", exact=True).first.get_attribute("href")
    index_id = re.search(r"/pages/(\d+)/", link).group(1)
    page.goto(f"{base_url}/admin/pages/add/events/eventpage/{index_id}/")
    page.fill("#id_title", "Stand at the harbour")
    page.press("#id_title", "Tab")
    page.fill("#id_summary", "Volunteers hand out leaflets.")
    page.select_option("#id_kind", "information_stand")
    page.fill("#id_city", "Rotterdam")
    page.fill("#id_country", "Netherlands")
    day = (date.today() + timedelta(days=4)).isoformat()
    page.fill("#id_occurrences-0-start_date", day)
    page.fill("#id_occurrences-0-start_time", "11:00")
    page.fill("#id_occurrences-0-end_date", day)
    page.fill("#id_occurrences-0-end_time", "15:00")
    expect(page.locator("#id_slug")).not_to_have_value("")  # no eval: the admin's CSP
    page.evaluate("document.querySelector('button[name=action-publish]').click()")
    page.wait_for_url(lambda url: "/add/" not in url)

    page.goto(f"{base_url}/admin/pages/search/?q=Stand+at+the+harbour")
    link = page.locator("a", has_text="Stand at the harbour").first.get_attribute("href")
    english_id = re.search(r"/pages/(\d+)/", link).group(1)
    page.goto(f"{base_url}/admin/localize/submit/page/{english_id}/")
    page.get_by_label("简体中文").check()
    page.locator("form input[type=submit], main form button[type=submit]").last.click()
    page.wait_for_url(lambda url: url.endswith("/edit/"))
    _translate_all_segments(
        page,
        {
            "Stand at the harbour": "港口真相资料摊位",
            "Volunteers hand out leaflets.": "志愿者派发真相传单。",
            "Rotterdam": "鹿特丹",
            "Netherlands": "荷兰",
        },
    )
    page.get_by_role("button", name="Publish in 简体中文").click()
    page.wait_for_load_state("networkidle")

    page.goto(f"{base_url}/zh-hans/events/")
    titles = page.locator(".event-card__title a").all_inner_texts()
    assert "港口真相资料摊位" in titles
    page.get_by_role("link", name="港口真相资料摊位").click()
    ics = page.request.get(page.url + "ics/")
    assert ics.headers["content-type"].startswith("text/calendar")
    (entry,) = [c for c in Calendar.from_ical(ics.body()).walk() if c.name == "VEVENT"]
    assert str(entry["summary"]) == "港口真相资料摊位"
    assert entry["dtstart"].dt.hour == 11
    assert str(entry["location"]) == "鹿特丹, 荷兰"


def test_a_film_page_shows_its_next_screening(page, base_url):
    page.goto(f"{base_url}/he/films/hard-to-believe/")
    screening = page.locator("[aria-labelledby=screenings-heading] .event-card__title a")
    assert screening.inner_text() == "הקרנת Hard to Believe"
    screening.click()
    assert (
        page.locator(".event-dates time")
        .first.get_attribute("datetime")
        .endswith(("+01:00", "+02:00"))
    )


def test_a_traditional_chinese_browser_lands_in_traditional_chinese(browser, base_url):
    context = browser.new_context(locale="zh-TW")
    page = context.new_page()
    page.goto(f"{base_url}/")
    assert page.url == f"{base_url}/zh-hant/"
    assert page.locator("html").get_attribute("lang") == "zh-Hant"
    context.close()


def test_switching_to_dutch_on_an_untranslated_page_shows_the_notice_and_remembers(page, base_url):
    page.goto(f"{base_url}/en/how-you-can-help/")
    page.locator(".language-switcher summary").click()
    page.get_by_role("link", name="Nederlands").click()
    notice = page.locator(".untranslated-notice")
    assert "is nog niet beschikbaar in het Nederlands" in notice.inner_text()
    assert page.locator("html").get_attribute("lang") == "nl"
    notice.get_by_role("link").click()
    assert page.url == f"{base_url}/en/how-you-can-help/"
    page.goto(f"{base_url}/")  # the choice is remembered
    assert page.url == f"{base_url}/nl/"


def test_hebrew_home_and_news_are_mirrored(page, base_url):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(f"{base_url}/he/")
    items = page.locator(".main-nav a")
    first, last = items.first.bounding_box(), items.last.bounding_box()
    assert first["x"] > last["x"]  # the navigation starts on the right
    page.screenshot(path=str(ARTIFACTS / "hebrew-home.png"), full_page=True)

    page.goto(f"{base_url}/he/news/")
    card = page.locator(".post-list li").first.bounding_box()
    title = page.locator(".post-list h3, .post-list h2").first.bounding_box()
    assert title["x"] + title["width"] >= card["x"] + card["width"] - 40  # text starts right
    next_arrow = page.locator(".pagination a[rel=next] .arrow")
    assert (
        next_arrow.evaluate("el => getComputedStyle(el).transform") == "matrix(-1, 0, 0, 1, 0, 0)"
    )
    page.locator(".post-list h3 a, .post-list h2 a").first.click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("dir") == "rtl"
    heading = page.locator("h1").bounding_box()
    assert heading["x"] + heading["width"] > 1280 / 2
    page.screenshot(path=str(ARTIFACTS / "hebrew-news-post.png"), full_page=True)


def test_search_in_chinese_finds_the_demo_post(page, base_url):
    page.goto(f"{base_url}/zh-hans/")
    page.locator("a.search-link").click()
    page.fill("#search-query", "迫害")
    page.press("#search-query", "Enter")
    page.wait_for_url(lambda url: "/zh-hans/search/" in url)
    results = page.locator(".search-results li")
    assert results.count() > 0
    assert page.locator(".search-results mark").first.inner_text() == "迫害"


@pytest.mark.parametrize(("path", "width"), [("/he/", 320), ("/he/", 360), ("/en/", 414)])
def test_language_menu_fits_a_phone_screen(browser, base_url, path, width):
    context = browser.new_context(viewport={"width": width, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + path)
    page.locator(".language-switcher summary").click()
    menu = page.locator(".language-switcher ul").bounding_box()
    assert menu["x"] >= 0 and menu["x"] + menu["width"] <= width, menu
    context.close()


def test_escape_closes_the_language_menu_and_returns_focus(page, base_url):
    page.goto(f"{base_url}/en/")
    page.locator(".language-switcher summary").focus()
    page.keyboard.press("Enter")
    assert page.locator(".language-switcher details").get_attribute("open") is not None
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    assert page.locator(".language-switcher details").get_attribute("open") is None
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"


@pytest.mark.parametrize("language", ["en", "he"])
def test_news_cards_put_the_text_beside_their_picture(page, base_url, language):
    page.goto(f"{base_url}/{language}/news/")
    card = page.locator(".post-card:has(img)").first
    image = card.locator("img").bounding_box()
    for part in [".post-card__title", ".post-card__summary", ".post-time"]:
        text = card.locator(part).bounding_box()
        if language == "he":  # the picture on the right, the text to its left
            assert text["x"] + text["width"] <= image["x"], part
        else:
            assert text["x"] >= image["x"] + image["width"], part
        assert text["y"] < image["y"] + image["height"], part  # beside it, not below
