"""In Chromium: after a successful autosave, the editor's banner no longer says the page could not
be saved (autosave-status.js; the cause is reproduced in test_autosave.py)."""

import pytest

from tests.translation_workflow.test_autosave import SCRIPT


@pytest.mark.browser
def test_after_a_successful_autosave_the_banner_no_longer_says_could_not_be_saved(page):
    """In Chromium: the error banner is replaced when an autosave succeeds, and only then."""
    page.set_content(
        '<div class="messages"><ul><li class="error"><svg class="messages-icon"></svg>'
        "The page could not be saved due to validation errors.</li></ul></div>"
        '<div id="w-autosave-indicator">Saved</div>'
    )
    page.add_script_tag(
        content=SCRIPT.read_text().replace(
            "document.currentScript", "({dataset: {savedNote: 'Saved as a draft.'}})"
        )
    )
    assert "could not be saved" in page.text_content(".messages")
    page.evaluate("document.dispatchEvent(new CustomEvent('w-autosave:error'))")
    assert "could not be saved" in page.text_content(".messages")
    page.evaluate("document.dispatchEvent(new CustomEvent('w-autosave:success'))")
    assert page.text_content(".messages") == "Saved as a draft."
    assert page.locator(".messages li.warning .messages-icon").count() == 1
    assert page.locator(".messages li.error").count() == 0
