"""Translation memory: when the English changes, each language keeps its previous translation
(to confirm), the editor shows what changed, and other translations into the language are
offered as matches — never another language's, and only to those who work in it."""

import datetime
from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation

import pytest

from site_core.translation_workflow.changes import segment_changes
from site_core.translation_workflow.memory import PREVIOUS_TRANSLATION, diff_html
from site_core.translation_workflow.overview import SOURCE_FIELDS
from site_core.translation_workflow.overview_grid import OUT_OF_DATE, build_grid
from site_core.translation_workflow.progress import segment_counts
from tests.factories import translate
from tests.translation_workflow.helpers import (
    login,
    publish_english,
    translated_post,
    translation_of,
)
from tests.utils import locale, soup

pytestmark = pytest.mark.django_db

PARAGRAPH = "<p>Hundreds of people came to the vigil in the rain.</p>"
CHANGED = "<p>Thousands of people came to the vigil in the rain.</p>"


def paragraph_segment(translation):
    return StringSegment.objects.select_related("string").get(
        source=translation.source, context__path__startswith="body."
    )


def dutch_of(segment, code="nl"):
    return StringTranslation.objects.get(
        translation_of=segment.string, context=segment.context, locale=locale(code)
    )


@pytest.fixture
def changed_post():
    """A post translated into Dutch and Hebrew, then one word of its English paragraph changed
    (the block keeps its id, as in the page editor)."""
    post = translated_post("nl", "he", body=[("paragraph", PARAGRAPH)])
    block_id = post.body[0].id
    post.body = [("paragraph", CHANGED)]
    post.body[0].id = block_id
    publish_english(post)
    return post


def test_changing_one_word_prefills_the_previous_dutch_translation_to_confirm(changed_post):
    translation = translation_of(changed_post, "nl")
    segment = paragraph_segment(translation)
    assert segment.string.data == "Thousands of people came to the vigil in the rain."
    prefilled = dutch_of(segment)
    assert prefilled.data == "[nl] Hundreds of people came to the vigil in the rain."
    assert prefilled.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    assert prefilled.tool_name == PREVIOUS_TRANSLATION
    # counted as unchecked: the translation cannot be submitted until it is confirmed
    total, done, unchecked = segment_counts(translation)
    assert total == done and unchecked == 1
    assert dutch_of(segment, "he").data.startswith("[he] Hundreds")


def test_the_previous_translation_blocks_submitting_until_confirmed(client, team, changed_post):
    translation = translation_of(changed_post, "nl")
    login(client, "translator-nl")
    refused = client.post(reverse("site_translation_submit", args=[translation.pk]), follow=True)
    message = soup(refused).select_one(".messages").get_text(" ", strip=True)
    assert "1 segment keeps its previous translation because the English changed" in message
    assert "Paragraph (Content tab)" in message
    segment = paragraph_segment(translation)
    client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        urlencode({"value": "[nl] Duizenden mensen kwamen."}),
        content_type="application/x-www-form-urlencoded",
    )
    assert segment_counts(translation)[2] == 0
    assert dutch_of(segment).translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL


def test_unchanged_and_added_segments_get_no_prefill(changed_post):
    prefilled = StringTranslation.objects.filter(
        locale=locale("nl"), tool_name=PREVIOUS_TRANSLATION
    )
    assert prefilled.count() == 1  # the title, summary and slug kept their translations as is
    block_id = changed_post.body[0].id
    changed_post.body = [("paragraph", CHANGED), ("paragraph", "<p>A new paragraph.</p>")]
    changed_post.body[0].id = block_id
    publish_english(changed_post)
    assert prefilled.count() == 1  # a new block has no previous translation


def test_the_editor_shows_old_and_new_english_with_the_difference(client, team, changed_post):
    dutch = changed_post.get_translation(locale("nl"))
    login(client, "translator-nl")
    page = soup(client.get(reverse("wagtailadmin_pages:edit", args=[dutch.pk])))
    panel = page.select_one("[data-translation-memory]")
    assert panel is not None
    diff = panel.select_one(".translation-memory__diff")
    assert [d.get_text() for d in diff.select("del")] == ["removed: Hundreds"]
    assert [i.get_text() for i in diff.select("ins")] == ["added: Thousands"]
    previous = panel.select_one(".translation-memory__previous")
    assert previous.get_text() == "[nl] Hundreds of people came to the vigil in the rain."
    assert previous["lang"] == "nl"
    keep = panel.select_one("button[data-memory-use]")
    assert keep["data-memory-use"] == previous.get_text()
    translation = translation_of(changed_post, "nl")
    assert keep["data-memory-url"] == reverse(
        "wagtail_localize:edit_string_translation",
        args=[translation.pk, paragraph_segment(translation).pk],
    )
    # the review bar says why the segment must be checked, and counts live
    progress = page.select_one(".translation-review__progress")
    assert progress["aria-live"] == "polite"
    assert "keeps its previous translation" in progress.get_text()


def test_the_difference_escapes_hostile_html_in_the_english():
    html = diff_html('Say <script>alert("x")</script> hi', "Say <img src=x onerror=alert(1)> hi")
    assert "<script" not in html and "<img" not in html
    assert "script&gt;" in html and "img src=x" in html
    assert "<del>" in html and "<ins>" in html


def test_the_panel_escapes_hostile_text_of_a_changed_segment(client, team):
    post = translated_post("nl", summary="A calm summary of the day.")
    post.summary = 'A calm summary <script>alert("x")</script> of the day.'
    publish_english(post)
    dutch = post.get_translation(locale("nl"))
    login(client, "translator-nl")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[dutch.pk]))
    diff = soup(response).select_one("[data-translation-memory] .translation-memory__diff")
    assert diff.select("ins") and not diff.select("script")
    assert '<script>alert("x")</script>' in diff.select_one("ins").get_text()  # as text
    assert '<script>alert("x")</script>' not in response.content.decode()


def test_exact_and_close_matches_come_from_other_pages_in_the_same_language_only():
    # Two other posts translated into Dutch (one has the same paragraph, one a similar one) and
    # into Hebrew; the new post is translated into Dutch and Hebrew but its paragraph not yet.
    same = translated_post("nl", "he", slug="same", body=[("paragraph", CHANGED)], title="Same")
    similar_text = "<p>Thousands of people came to the vigil in the snow.</p>"
    translated_post("nl", slug="similar", body=[("paragraph", similar_text)], title="Similar")
    post = translated_post(slug="new-post", title="New", body=[("paragraph", CHANGED)])
    for code in ("nl", "he"):
        translate(post, code)
    for code in ("nl", "he"):
        segment = paragraph_segment(translation_of(post, code))
        StringTranslation.objects.filter(
            translation_of=segment.string, context=segment.context, locale=locale(code)
        ).delete()

    changes = segment_changes(translation_of(post, "nl"))
    assert len(changes) == 1
    matches = changes[0].matches
    assert [(m.kind, m.score) for m in matches][:1] == [("exact", 100)]
    exact = matches[0]
    assert exact.translation == "[nl] Thousands of people came to the vigil in the rain."
    assert exact.title == same.get_translation(locale("nl")).title
    assert exact.url == reverse(
        "wagtailadmin_pages:edit", args=[same.get_translation(locale("nl")).pk]
    )
    close = [m for m in matches if m.kind == "close"]
    assert [m.translation for m in close] == [
        "[nl] Thousands of people came to the vigil in the snow."
    ]
    assert 75 <= close[0].score < 100
    assert all(m.translation.startswith("[nl]") for m in matches)  # never Hebrew
    hebrew = segment_changes(translation_of(post, "he"))[0].matches
    assert [m.translation for m in hebrew] == [
        "[he] Thousands of people came to the vigil in the rain."
    ]


def test_a_segment_s_matches_as_json_for_its_language_only(client, team, changed_post):
    translated_post("nl", slug="same", title="Same", body=[("paragraph", CHANGED)])
    translation = translation_of(changed_post, "nl")
    segment = paragraph_segment(translation)
    url = reverse("site_translation_memory", args=[translation.pk, segment.pk])
    login(client, "translator-nl")
    data = client.get(url).json()
    assert data["previous"] == "[nl] Hundreds of people came to the vigil in the rain."
    assert data["old_source"] == "Hundreds of people came to the vigil in the rain."
    assert "<del>" in data["diff"]
    assert data["matches"][0]["kind"] == "exact"
    assert data["matches"][0]["page"]["title"]

    hebrew = translation_of(changed_post, "he")
    hebrew_segment = paragraph_segment(hebrew)
    hebrew_url = reverse("site_translation_memory", args=[hebrew.pk, hebrew_segment.pk])
    assert client.get(hebrew_url).status_code in (403, 404)
    assert client.get(reverse("site_translation_progress", args=[hebrew.pk])).status_code in (
        403,
        404,
    )
    # a segment of another source, unknown ids, and a POST
    assert (
        client.get(
            reverse("site_translation_memory", args=[translation.pk, hebrew_segment.pk + 999])
        )
    ).status_code == 404
    assert client.get(f"/admin/translations/{translation.pk}/memory/x/").status_code == 404
    assert (
        client.get(reverse("site_translation_memory", args=[999999, segment.pk])).status_code == 404
    )
    assert client.post(url).status_code == 405
    client.logout()
    assert client.get(url).status_code in (302, 403)


def test_the_progress_endpoint_counts_as_the_review_bar_does(client, team, changed_post):
    translation = translation_of(changed_post, "nl")
    login(client, "translator-nl")
    data = client.get(reverse("site_translation_progress", args=[translation.pk])).json()
    total, done, unchecked = segment_counts(translation)
    assert (data["total"], data["done"], data["machine"], data["previous"]) == (
        total,
        done,
        unchecked,
        1,
    )
    assert "keeps its previous translation" in data["html"]


def changed_post_with(count, slug):
    """A post of ``count`` paragraphs translated into Dutch, then one word of each changed."""
    post = translated_post(
        "nl",
        slug=slug,
        title=f"Report {slug}",
        body=[("paragraph", f"<p>Witness {n} saw people who came.</p>") for n in range(count)],
    )
    ids = [block.id for block in post.body]
    post.body = [("paragraph", f"<p>Witness {n} saw people who left.</p>") for n in range(count)]
    for block, block_id in zip(post.body, ids, strict=True):
        block.id = block_id
    publish_english(post)
    return post


def test_the_change_view_makes_as_many_queries_for_50_changed_segments_as_for_5(team):
    counts = []
    for paragraphs in (5, 50):
        translation = translation_of(changed_post_with(paragraphs, f"report-{paragraphs}"), "nl")
        with CaptureQueriesContext(connection) as queries:
            changes = segment_changes(translation, team.translator_nl)
            html = render_to_string(
                "translation_workflow/memory_panel.html",
                {"changes": changes, "target_lang": "nl", "source_lang": "en"},
            )
        assert sum(1 for change in changes if change.previous) == paragraphs
        assert html.count("<del>") == paragraphs
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_junk_addresses_of_the_json_endpoints_are_404_not_500(client, team, changed_post):
    translation = translation_of(changed_post, "nl")
    login(client, "translator-nl")
    for url in (
        f"/admin/translations/{translation.pk}/memory/x/",
        f"/admin/translations/{translation.pk}/memory/-1/",
        f"/admin/translations/{translation.pk}/memory/99999999999999999999/",
        "/admin/translations/0/progress/",
        "/admin/translations/abc/progress/",
        f"/admin/translations/{translation.pk}/memory/{paragraph_segment(translation).pk}/?x=%00",
    ):
        response = client.get(url)
        assert response.status_code in (200, 400, 404), (url, response.status_code)


def test_a_language_with_a_previous_translation_to_confirm_stays_out_of_date():
    """Found in the whole-day browser test: a changed word and a changed date published
    together republish the Dutch page with the new date (a synchronised field), and the kept
    previous translation counted as translated, so the overview said "up to date"."""
    post = translated_post("nl", body=[("paragraph", PARAGRAPH)])
    block_id = post.body[0].id
    post.body = [("paragraph", CHANGED)]
    post.body[0].id = block_id
    post.date = post.date - datetime.timedelta(days=1)
    publish_english(post)
    dutch = post.get_translation(locale("nl")).specific
    assert dutch.date == post.date  # republished with the source's date
    assert "[nl] Hundreds" in str(dutch.body[0].value)  # and the approved text
    row = Page.objects.filter(pk=post.pk).values(*SOURCE_FIELDS)
    [(_page, [cell])] = build_grid(list(row), [locale("nl")], AnonymousUser())
    assert cell.state == OUT_OF_DATE
