"""Traditional Chinese from Simplified in one click, in Chromium against the demo site
(tests/browser.py):

1. the administrator adds a Traditional Chinese translator and reviewer (the demo has none);
2. the translator starts the Traditional translation of a post the Simplified team has
   translated, clicks "Fill from 简体中文", checks each converted segment, changes one word and
   submits for review;
3. the reviewer approves and publishes: a reader of the Traditional site reads Traditional
   characters, with the translator's word.
"""

import re

import pytest

from tests.browser import USERS_PASSWORD, log_in, require_chromium

pytestmark = pytest.mark.browser
require_chromium()

from playwright.sync_api import expect  # noqa: E402

ENGLISH_TITLE = "Information stands bring the facts to city centres"
TRADITIONAL_TITLE = "真相資料攤位把事實帶到市中心"  # from 真相资料摊位把事实带到市中心
READER_URL = "/zh-hant/news/information-stands-in-city-centres/"


def add_team(page, base_url):
    """The administrator adds the Traditional Chinese translator and reviewer through the
    admin's user form (loaded once, then posted for each: this is set-up, kept short)."""
    page.goto(f"{base_url}/admin/users/new/")
    form = page.locator("form", has=page.locator("#id_username"))
    token = form.locator("[name=csrfmiddlewaretoken]").input_value()
    for username, group in [
        ("translator-zh-hant", "Translators – Traditional Chinese"),
        ("reviewer-zh-hant", "Reviewers – Traditional Chinese"),
    ]:
        response = page.request.post(
            f"{base_url}/admin/users/new/",
            form={
                "csrfmiddlewaretoken": token,
                "username": username,
                "email": f"{username}@example.org",
                "first_name": "Traditional",
                "last_name": username.split("-")[0].title(),
                "password1": USERS_PASSWORD,
                "password2": USERS_PASSWORD,
                "groups": page.get_by_label(group, exact=True).get_attribute("value"),
            },
            headers={"Referer": page.url},
        )
        assert response.ok and response.url.endswith("/admin/users/"), response.url


def translator_starts_and_fills(page, base_url):
    """The translator starts the translation from the overview and fills it from Simplified."""
    log_in(page, base_url, "translator-zh-hant")
    page.goto(f"{base_url}/admin/translations/?q=Information+stands")
    row = page.locator("tbody tr", has=page.locator("th", has_text=ENGLISH_TITLE))
    row.locator('td[data-language="zh-hant"]').get_by_role(
        "button", name="Start translating"
    ).click()
    page.wait_for_url(lambda url: url.endswith("/edit/"))
    page.get_by_role("button", name=re.compile("Fill from 简体中文")).click()
    page.wait_for_url(lambda url: url.endswith("/edit/"))
    expect(page.locator(".messages")).to_contain_text("converted with OpenCC")
    page.wait_for_selector("li.complete")
    return page.url


def check_segment(page, source):
    """Open a converted segment and save it: checked (the summary gets a better word)."""
    segment = page.locator("li", has=page.locator("> p", has_text=source)).first
    segment.get_by_role("button", name="Edit").click()
    field = segment.locator("textarea")
    text = field.input_value()
    assert "资料" not in text and "们" not in text  # no Simplified characters left
    if "志願者們設立真相資料攤位" in text:
        field.fill(text.replace("志願者們", "志工們"))
    segment.get_by_role("button", name="Save").click()
    expect(field).to_have_count(0)


def translator_checks_fixes_and_submits(page):
    """Each converted segment is opened and saved (checked); one word is changed."""
    checked = 0
    for tab in ("Content", "Promote"):  # the slug is on the Promote tab
        page.get_by_role("tab", name=tab, exact=True).click()
        segments = page.locator("li.complete:visible", has=page.get_by_role("button", name="Edit"))
        for source in [text.strip() for text in segments.locator("> p").all_inner_texts()]:
            check_segment(page, source)
            checked += 1
    assert checked >= 4  # title, slug, summary, paragraph...
    expect(page.locator(".translation-review__progress")).not_to_contain_text("machine")
    page.get_by_role("button", name="Submit for 繁體中文 review").click()
    expect(page.get_by_text("submitted for 繁體中文 review")).to_have_count(1)


def reviewer_publishes(page, base_url, edit_url):
    log_in(page, base_url, "reviewer-zh-hant")
    page.goto(edit_url)
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.get_by_text("Approved and published")).to_have_count(1)


def test_traditional_chinese_from_simplified_in_one_click(page, base_url):
    log_in(page, base_url, "admin")
    add_team(page, base_url)
    edit_url = translator_starts_and_fills(page, base_url)
    translator_checks_fixes_and_submits(page)
    assert page.request.get(base_url + READER_URL).status == 404  # not yet published
    reviewer_publishes(page, base_url, edit_url)

    page.context.clear_cookies()
    page.goto(base_url + READER_URL)
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hant")
    expect(page.locator("h1")).to_have_text(TRADITIONAL_TITLE)
    main = page.locator("main")
    expect(main).to_contain_text("志工們設立真相資料攤位")
    expect(main).to_contain_text("許多路人停下腳步提問")  # 许多路人停下脚步提问
    expect(main).not_to_contain_text("资料")
