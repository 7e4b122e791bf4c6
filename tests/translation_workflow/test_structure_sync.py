"""Reordering, moving or removing blocks of an English page reaches every translation at once,
its approved text unchanged and the overview still "up to date"; new or changed text waits for
a reviewer as before (site_core/translation_workflow/sync.py, ``_sync_one``)."""

import json

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import OverridableSegment, SegmentOverride, TranslationLog

import pytest

from home.models import HomePage
from site_core.models import Footer
from site_core.translation_workflow.overview_grid import (
    IN_REVIEW,
    OUT_OF_DATE,
    UP_TO_DATE,
    build_grid,
)
from site_core.translation_workflow.progress import segment_counts
from tests.factories import home, translate
from tests.factories.content import standard_page
from tests.factories.images import image
from tests.translation_workflow.helpers import (
    footer,
    login,
    translate_every_segment,
    translation_of,
    type_without_submitting,
)
from tests.utils import locale

pytestmark = pytest.mark.django_db

BODY = [
    {"type": "heading", "value": {"text": "Why we speak out", "level": "h2"}},
    {"type": "paragraph", "value": "<p>People are detained for their belief.</p>"},
    {
        "type": "quote",
        "value": {"quote": "Truthfulness, compassion, forbearance.", "attribution": ""},
    },
    {"type": "paragraph", "value": "<ul><li>Write a letter</li><li>Sign the appeal</li></ul>"},
]


def english_page(*codes):
    """An English standard page with four blocks, translated into ``codes`` and live there."""
    page = standard_page("Take action", "take-action", body=json.dumps(BODY))
    for code in codes:
        translate(page, code)
    return page


def publish_body(page, blocks):
    """Publish the English page with these raw blocks (ids kept, as the editor's form sends)."""
    page = page.specific_class.objects.get(pk=page.pk)
    page.body = json.dumps(blocks)
    page.save_revision().publish()
    return page


def blocks_of(page):
    return list(page.specific_class.objects.get(pk=page.pk).body.raw_data)


def in_language(page, code):
    return page.specific_class.objects.get(
        translation_key=page.translation_key, locale__language_code=code
    )


def texts(page):
    """The body as readers see it: each block's type and its text."""
    shown = []
    for block in page.body:
        value = block.value
        if block.block_type == "heading":
            shown.append(("heading", value["text"]))
        elif block.block_type == "quote":
            shown.append(("quote", value["quote"]))
        else:
            shown.append((block.block_type, str(value)))
    return shown


def states(page, *codes):
    """The overview's state of ``page`` in each language (build_grid, as the overview does)."""
    row = Page.objects.filter(pk=page.pk).values(
        "id", "title", "depth", "translation_key", "locale_id", "last_published_at", "live"
    )
    [(_page, cells)] = build_grid(list(row), [locale(code) for code in codes], AnonymousUser())
    return {cell.locale.language_code: cell.state for cell in cells}


def test_reordered_english_blocks_reorder_every_translation_at_once_with_their_text(client):
    page = english_page("nl", "he")
    before = {code: texts(in_language(page, code)) for code in ("nl", "he")}
    drafts = TranslationLog.objects.count()

    publish_body(page, list(reversed(blocks_of(page))))

    for code in ("nl", "he"):
        translated = in_language(page, code)
        assert texts(translated) == list(reversed(before[code])), code
        assert all(f"[{code}] " in text for _kind, text in texts(translated)), code
        assert not translated.has_unpublished_changes, code  # no draft awaits review
        assert json.loads(translated.live_revision.content["body"]) == list(
            translated.body.raw_data
        )
        html = client.get(translated.url).content.decode()
        assert html.index(f"[{code}] Truthfulness") < html.index(f"[{code}] Why we speak out")
    assert TranslationLog.objects.count() == drafts
    assert states(page, "nl", "he") == {"nl": UP_TO_DATE, "he": UP_TO_DATE}


def test_reordered_blocks_on_the_english_home_page_reach_the_translated_home_pages():
    english = home()
    english.body = json.dumps(BODY)
    english.save_revision().publish()
    for code in ("nl", "he"):
        translate_every_segment(translation_of(english, code), f"[{code}] ")
    assert states(english, "nl", "he") == {"nl": UP_TO_DATE, "he": UP_TO_DATE}

    moved = blocks_of(english)
    moved.insert(0, moved.pop(2))  # the quote first
    publish_body(english, moved)

    for code in ("nl", "he"):
        translated = HomePage.objects.get(pk=home(code).pk)
        assert [kind for kind, _text in texts(translated)] == [
            "quote",
            "heading",
            "paragraph",
            "paragraph",
        ]
        assert texts(translated)[0] == ("quote", f"[{code}] Truthfulness, compassion, forbearance.")
        assert not translated.has_unpublished_changes
    assert states(english, "nl", "he") == {"nl": UP_TO_DATE, "he": UP_TO_DATE}


def test_a_block_removed_in_english_is_removed_from_the_translations():
    page = english_page("nl", "he")
    publish_body(page, [block for block in blocks_of(page) if block["type"] != "quote"])

    for code in ("nl", "he"):
        translated = in_language(page, code)
        assert [kind for kind, _text in texts(translated)] == ["heading", "paragraph", "paragraph"]
        assert "Truthfulness" not in str(translated.body.raw_data)
        assert not translated.has_unpublished_changes
    assert states(page, "nl", "he") == {"nl": UP_TO_DATE, "he": UP_TO_DATE}


def test_reordered_list_items_in_a_paragraph_are_reordered_in_the_translations(client):
    page = english_page("nl")
    blocks = blocks_of(page)
    blocks[3]["value"] = "<ul><li>Sign the appeal</li><li>Write a letter</li></ul>"
    publish_body(page, blocks)

    dutch = in_language(page, "nl")
    assert texts(dutch)[3] == (
        "paragraph",
        "<ul><li>[nl] Sign the appeal</li><li>[nl] Write a letter</li></ul>",
    )
    assert not dutch.has_unpublished_changes
    assert states(page, "nl") == {"nl": UP_TO_DATE}


def test_a_new_block_with_new_text_waits_for_translation_and_the_live_page_keeps_its_order():
    # Decided: the new order is not published on its own while new text waits; the reviewer
    # publishes the new order and the new text together (``_sync_one``'s docstring).
    page = english_page("nl", "he")
    before = texts(in_language(page, "nl"))
    blocks = list(reversed(blocks_of(page)))
    blocks.append({"type": "paragraph", "value": "<p>A new appeal.</p>"})
    publish_body(page, blocks)

    for code in ("nl", "he"):
        translated = in_language(page, code)
        assert translated.has_unpublished_changes, code  # the draft awaiting translation
        draft = translated.get_latest_revision_as_object()
        assert [kind for kind, _text in texts(draft)][-1] == "paragraph"
        assert texts(draft)[0][0] == "paragraph"  # the new order, in the draft
    assert texts(in_language(page, "nl")) == before  # readers: the approved version
    assert "A new appeal" not in str(in_language(page, "nl").body.raw_data)
    assert states(page, "nl", "he") == {"nl": OUT_OF_DATE, "he": OUT_OF_DATE}

    # once translated and published, the new block and the new order are live together
    dutch = translate_every_segment(translation_of(page, "nl"), "[nl] ", overwrite=False)
    dutch = in_language(page, "nl")
    assert texts(dutch)[-1] == ("paragraph", "<p>[nl] A new appeal.</p>")
    assert texts(dutch)[0][0] == "paragraph"
    assert states(page, "nl") == {"nl": UP_TO_DATE}


def test_a_changed_paragraph_marks_the_translations_out_of_date_as_before():
    page = english_page("nl")
    blocks = blocks_of(page)
    blocks[1]["value"] = "<p>People are still detained for their belief.</p>"
    publish_body(page, blocks)

    dutch = in_language(page, "nl")
    assert "[nl] People are detained" in texts(dutch)[1][1]
    # The previous Dutch text is kept for the translator to confirm (memory): it is not
    # republished as if nothing had changed.
    _total, _done, unchecked = segment_counts(translation_of(page, "nl"))
    assert unchecked == 1
    assert states(page, "nl") == {"nl": OUT_OF_DATE}


def test_a_language_in_review_is_not_touched_by_the_structure_sync(client, team):
    page = english_page("nl", "he")
    translation = translation_of(page, "nl")
    type_without_submitting(
        client, "translator-nl", translation, "intro", "Een ingediende inleiding."
    )
    login(client, "translator-nl")
    client.post(reverse("site_translation_submit", args=[translation.pk]))
    dutch = in_language(page, "nl")
    assert dutch.workflow_in_progress
    dutch_live = texts(dutch)

    publish_body(page, list(reversed(blocks_of(page))))

    dutch = in_language(page, "nl")
    assert dutch.workflow_in_progress  # its review goes on
    assert texts(dutch) == dutch_live  # readers: the approved version, untouched
    assert dutch.intro != "Een ingediende inleiding."
    assert states(page, "nl") == {"nl": IN_REVIEW}
    assert in_language(page, "he").body[0].block_type == "paragraph"  # Hebrew reordered

    login(client, "reviewer-nl")
    client.post(reverse("site_translation_review", args=[translation.pk]), {"action": "approve"})
    dutch = in_language(page, "nl")
    assert dutch.intro == "Een ingediende inleiding."
    assert dutch.body[0].block_type == "paragraph"  # the new order, with the reviewed text


def test_a_translators_unsubmitted_text_is_not_published_by_the_structure_sync(client, team):
    page = english_page("nl")
    type_without_submitting(
        client, "translator-nl", translation_of(page, "nl"), "intro", "Niet ingediend."
    )
    publish_body(page, list(reversed(blocks_of(page))))

    dutch = in_language(page, "nl")
    assert dutch.intro == "[nl] An introduction."
    assert dutch.body[0].block_type == "heading"  # the approved version, as it was
    assert dutch.get_latest_revision_as_object().intro == "Niet ingediend."
    assert states(page, "nl") == {"nl": OUT_OF_DATE}


def test_a_translations_own_image_survives_the_structure_sync():
    page = english_page("nl")
    page.social_image = image("English picture")
    page.save_revision().publish()
    translation = translation_of(page, "nl")
    own = image("Dutch picture")
    SegmentOverride.objects.create(
        locale=locale("nl"),
        context=OverridableSegment.objects.get(
            source=translation.source, context__path="social_image"
        ).context,
        data_json=json.dumps(own.pk),
    )
    translate_every_segment(translation, "[nl] ", overwrite=False)
    assert in_language(page, "nl").social_image_id == own.pk

    publish_body(page, list(reversed(blocks_of(page))))

    dutch = in_language(page, "nl")
    assert dutch.body[0].block_type == "paragraph"
    assert dutch.social_image_id == own.pk
    assert not dutch.has_unpublished_changes


def test_reordered_footer_links_reach_the_translated_footers_at_once():
    english = footer()
    english.social_links = json.dumps(
        [
            *english.social_links.raw_data,
            {"type": "link", "value": {"label": "Video", "url": "https://video.example.org/us"}},
        ]
    )
    english.save_revision().publish()
    dutch = translate(english, "nl")
    assert [link.value["label"] for link in dutch.social_links] == ["[nl] Mastodon", "[nl] Video"]

    english.social_links = json.dumps(list(reversed(list(english.social_links.raw_data))))
    english.save_revision().publish()

    dutch = Footer.objects.get(pk=dutch.pk)
    assert [link.value["label"] for link in dutch.social_links] == ["[nl] Video", "[nl] Mastodon"]
    assert dutch.live and not dutch.has_unpublished_changes


def test_an_english_change_undone_makes_the_translations_up_to_date_again():
    page = english_page("nl")
    blocks = blocks_of(page)
    original = blocks[1]["value"]
    blocks[1]["value"] = "<p>A sentence changed for a moment.</p>"
    publish_body(page, blocks)
    # the previous Dutch text kept for the translator to confirm (memory)
    assert segment_counts(translation_of(page, "nl"))[2] == 1
    assert states(page, "nl") == {"nl": OUT_OF_DATE}

    blocks[1]["value"] = original
    publish_body(page, list(reversed(blocks)))

    dutch = in_language(page, "nl")
    assert not dutch.has_unpublished_changes
    assert dutch.body[0].block_type == "paragraph" and "[nl] Write a letter" in str(
        dutch.body[0].value
    )
    assert states(page, "nl") == {"nl": UP_TO_DATE}


def test_a_draft_edited_outside_the_translation_editor_is_not_published_over():
    page = english_page("nl")
    dutch = in_language(page, "nl")
    dutch.intro = "Met de hand bewerkt."
    dutch.save_revision()  # Wagtail's own editor: a draft no string holds

    publish_body(page, list(reversed(blocks_of(page))))

    dutch = in_language(page, "nl")
    assert dutch.body[0].block_type == "heading"  # readers: the approved version, as it was
    assert dutch.has_unpublished_changes
