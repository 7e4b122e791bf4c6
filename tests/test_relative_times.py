"""Relative times are worded in the reader's browser and stay true (issue 14).

The server writes dates (a page may come from the page cache hours after it was made); site.js
words recent ones in the page's language with Intl.RelativeTimeFormat and keeps them up to date.
"""

from datetime import UTC, datetime

import pytest

from tests.browser import require_chromium

pytestmark = pytest.mark.browser
require_chromium()


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("en", "16 hours ago"),
        ("nl", "16 uur geleden"),
        ("zh-hans", "16小时前"),
        ("he", "לפני 16 שעות"),
    ],
)
def test_recent_posts_say_how_long_ago_in_the_page_language(page, base_url, code, words):
    page.goto(f"{base_url}/{code}/")
    post = demo_post_of_16_hours_ago(page)
    assert post.inner_text() == words
    assert post.get_attribute("title")  # the full date and time on hover


def test_a_page_left_open_keeps_its_relative_times_true(page, base_url):
    # Defect: "27 seconds ago" stayed on the page (and in the page cache) for hours.
    page.clock.install()
    page.goto(f"{base_url}/en/")
    post = demo_post_of_16_hours_ago(page)
    assert post.inner_text() == "16 hours ago"
    page.clock.run_for("03:00:00")
    assert post.inner_text() == "19 hours ago"


def demo_post_of_16_hours_ago(page):
    """The demo's newest post (published 16 hours before load_demo ran) among the recent posts:
    other browser tests of the same run may have published newer ones."""
    times = page.locator(".recent-posts time")
    now = datetime.now(UTC)
    for index in range(times.count()):
        when = datetime.fromisoformat(times.nth(index).get_attribute("datetime"))
        if 15.5 * 3600 < (now - when).total_seconds() < 16.5 * 3600:
            return times.nth(index)
    raise AssertionError("the demo's post of 16 hours ago is not among the recent posts")
