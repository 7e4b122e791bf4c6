"""A day of the translation team, in Chromium against a development server with its worker
beside it (as `make run` starts them, tests/browser.py):

1. the editor changes one word of a translated English post's summary and publishes it, then
   assigns its Dutch translation to the Dutch translator with a due date;
2. the Dutch translator opens the overview filtered to "out of date, mine", finds the post, sees
   the old and new English with the difference marked and the previous Dutch text kept, changes
   one word of it and submits for review;
3. the Dutch reviewer approves and publishes: a Dutch reader reads the new word;
4. the editor schedules a post a few seconds ahead: the worker publishes it at its time.
"""

import datetime
import re
import time

import pytest

from tests.browser import log_in, require_chromium

pytestmark = pytest.mark.browser
require_chromium()

from playwright.sync_api import expect  # noqa: E402

ENGLISH_TITLE = "Remembering the fathers held for their faith"
DUTCH_SLUG = "/nl/nieuws/wij-denken-aan-vastgehouden-vaders/"


def english_post_id(page, base_url):
    page.goto(f"{base_url}/admin/news_pages/?q={ENGLISH_TITLE.replace(' ', '+')}")
    link = page.locator("a", has_text=ENGLISH_TITLE).first.get_attribute("href")
    return re.search(r"/pages/(\d+)/", link).group(1)


def publish(page):
    # (A click through the page: the admin's CSP forbids Playwright's eval-based helpers.)
    page.evaluate("document.querySelector('button[name=action-publish]').click()")
    page.wait_for_load_state("networkidle")


def editor_changes_one_word(page, base_url):
    """1. The editor changes one word of the English summary and publishes."""
    log_in(page, base_url, "admin")
    post_id = english_post_id(page, base_url)
    page.goto(f"{base_url}/admin/pages/{post_id}/edit/")
    summary = page.locator("#id_summary")
    assert "are detained for practising" in summary.input_value()
    summary.fill(summary.input_value().replace("are detained", "are imprisoned"))
    publish(page)
    assert page.get_by_text("has been published").count()


def editor_assigns_the_dutch_translation(page, base_url):
    """The editor assigns the Dutch translation to the Dutch translator, due tomorrow."""
    page.goto(f"{base_url}/admin/translations/?q=fathers+held&language=nl")
    row = page.locator("tbody tr", has=page.locator("th", has_text=ENGLISH_TITLE))
    expect(row.locator('td[data-language="nl"]')).to_have_attribute("data-state", "out-of-date")
    row.locator('td[data-language="nl"] a.translation-overview__assign').click()
    page.select_option("select[name=assignee]", label="Daan Translator")  # translator-nl
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    page.fill("input[name=due_date]", tomorrow.isoformat())
    page.get_by_role("button", name="Assign", exact=True).click()
    page.wait_for_load_state("networkidle")


def translator_filters_out_of_date_and_mine(page, base_url):
    """2. The Dutch translator filters the overview to "out of date, mine"."""
    log_in(page, base_url, "translator-nl")
    page.goto(f"{base_url}/admin/translations/")
    page.locator("select[name=state]").select_option("out-of-date")
    page.locator("select[name=assignee]").select_option("me")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"state=out-of-date.*assignee=me|assignee=me.*state=out-of-date"))
    rows = page.locator("table.translation-overview tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first.locator("th")).to_contain_text(ENGLISH_TITLE)
    expect(rows.first).to_contain_text("Assigned to")
    rows.first.locator('td[data-language="nl"] a').first.click()
    page.wait_for_url(lambda url: url.endswith("/edit/"))


def translator_sees_what_changed(page):
    """The change view: old and new English with the difference marked, the old Dutch kept."""
    panel = page.locator("[data-translation-memory]")
    expect(panel.locator("del")).to_contain_text("detained")
    expect(panel.locator("ins")).to_contain_text("imprisoned")
    expect(panel.locator(".translation-memory__previous")).to_contain_text("vastgehouden")


def translator_changes_one_word_and_submits(page, base_url):
    """The editor holds the previous Dutch text; the translator changes one word and saves."""
    page.wait_for_selector("li.complete")
    segment = page.locator("li", has=page.locator("p", has_text="are imprisoned for")).first
    segment.get_by_role("button", name="Edit").click()
    field = segment.locator("textarea")
    previous = field.input_value()
    assert "worden vastgehouden omdat" in previous
    field.fill(previous.replace("worden vastgehouden", "worden gevangengezet"))
    counters = page.locator(".translation-review__progress")
    expect(counters).to_contain_text("keeps its previous translation")
    segment.get_by_role("button", name="Save").click()
    expect(segment.locator("textarea")).to_have_count(0)
    # The review bar's counters follow the save without a reload.
    expect(counters).not_to_contain_text("keeps its previous translation")
    page.get_by_role("button", name="Submit for Nederlands review").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("submitted for Nederlands review").count()
    edit_url = page.url
    assert "gevangengezet" not in page.request.get(base_url + DUTCH_SLUG).text()
    return edit_url


def reviewer_publishes(page, base_url, edit_url):
    """3. The Dutch reviewer approves and publishes; a Dutch reader reads the new word."""
    log_in(page, base_url, "reviewer-nl")
    page.goto(edit_url)
    page.get_by_role("button", name="Approve and publish").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("Approved and published").count()
    page.context.clear_cookies()
    page.goto(base_url + DUTCH_SLUG)
    expect(page.locator("main")).to_contain_text("worden gevangengezet omdat")


def a_scheduled_post_goes_live_on_time(page, base_url):
    """4. The editor schedules a post a few seconds ahead; the worker publishes it on time."""
    log_in(page, base_url, "admin")
    page.goto(f"{base_url}/admin/news_pages/")
    page.get_by_role("link", name="Add news page").first.click()
    if "/add/news/newspage/" not in page.url:  # several indexes: choose the English one
        page.get_by_label("News").first.check()
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url(lambda url: "/add/news/newspage/" in url)
    page.fill("#id_title", "Evening vigil for the fathers")
    page.press("#id_title", "Tab")
    page.fill("#id_summary", "Families lit candles for the detained fathers.")
    expect(page.locator("#id_slug")).not_to_have_value("")
    go_live = datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=8)
    page.locator('button[data-side-panel-toggle="status"]').click()
    page.get_by_role("button", name="Set schedule").click()
    # To the second: the admin's date picker (and the form it renders again) writes minutes
    # only, and the form takes seconds as well; the test cannot wait for the next minute.
    page.evaluate(
        "value => { document.querySelector('#id_go_live_at').value = value; }",
        go_live.strftime("%Y-%m-%d %H:%M:%S"),
    )
    publish(page)  # "Schedule to publish"
    expect(page.get_by_text("created and scheduled for publishing")).to_have_count(1)
    reader = f"{base_url}/en/news/evening-vigil-for-the-fathers/"
    assert page.request.get(reader).status == 404  # scheduled, not yet live
    deadline = time.monotonic() + 30
    while page.request.get(reader).status != 200:
        assert time.monotonic() < deadline, "the scheduled post did not go live"
        time.sleep(0.5)
    went_live = datetime.datetime.now(datetime.UTC)
    assert went_live >= go_live - datetime.timedelta(seconds=1)
    assert (went_live - go_live).total_seconds() < 15


def test_a_day_of_the_translation_team(page, base_url):
    editor_changes_one_word(page, base_url)
    editor_assigns_the_dutch_translation(page, base_url)
    translator_filters_out_of_date_and_mine(page, base_url)
    translator_sees_what_changed(page)
    edit_url = translator_changes_one_word_and_submits(page, base_url)
    reviewer_publishes(page, base_url, edit_url)
    a_scheduled_post_goes_live_on_time(page, base_url)
