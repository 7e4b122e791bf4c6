"""Simplified ↔ Traditional Chinese: OpenCC conversion, the editor's "Fill from 简体中文" and the
"Translate with …" button, through wagtail-localize's own flows."""

from urllib.parse import urlencode

from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
)
from wagtail_localize.operations import translate_object

import pytest

from site_core.translation_workflow.chinese import convert, fill_from_other_script
from site_core.translation_workflow.progress import segment_counts
from tests.factories import news_index, publish_post, translator
from tests.translation_workflow.helpers import DATE, translation_of
from tests.utils import locale, soup

PARAGRAPH = (
    '<p>Read the <a href="https://example.org/report">software report</a> and the '
    "<b>information</b>.</p>"
)
# What the Simplified Chinese translator wrote, by English segment.
SIMPLIFIED = {
    "Network of volunteers": "志愿者网络",
    "Volunteers set up software in the village.": "志愿者们在村里安装了软件。",
    'Read the <a id="a1">software report</a> and the <b>information</b>.': (
        '阅读<a id="a1">软件报告</a>和<b>信息</b>。'
    ),
}
TRADITIONAL = {
    "Network of volunteers": "志願者網路",
    "Volunteers set up software in the village.": "志願者們在村裡安裝了軟體。",
    'Read the <a id="a1">software report</a> and the <b>information</b>.': (
        '閱讀<a id="a1">軟體報告</a>和<b>資訊</b>。'
    ),
}


def test_plain_text_gets_taiwan_characters_and_phrasing():
    assert convert("软件和网络信息", "zh-hans", "zh-hant") == "軟體和網路資訊"
    assert convert("軟體和網路資訊", "zh-hant", "zh-hans") == "软件和网络信息"


def test_hong_kong_variant_from_the_setting(settings):
    settings.CHINESE_TRADITIONAL_VARIANT = "hk"
    assert convert("软件和网络信息", "zh-hans", "zh-hant") == "軟件和網絡信息"


def test_tags_and_link_addresses_are_not_converted():
    html = '<p>阅读<a href="https://example.org/软件?q=后来" id="a1">软件</a><br/>后来</p>'
    assert convert(html, "zh-hans", "zh-hant") == (
        '<p>閱讀<a href="https://example.org/软件?q=后来" id="a1">軟體</a><br/>後來</p>'
    )


def test_junk_input_is_converted_as_text_or_refused():
    assert convert("", "zh-hans", "zh-hant") == ""
    assert convert(None, "zh-hans", "zh-hant") == ""
    assert convert("1 < 2 > 0 软件 <<", "zh-hans", "zh-hant") == "1 < 2 > 0 軟體 <<"
    assert convert("English only", "zh-hans", "zh-hant") == "English only"
    with pytest.raises(ValueError):
        convert("软件", "zh-hans", "nl")


def english_post():
    return publish_post(
        news_index(),
        title="Network of volunteers",
        slug="network-of-volunteers",
        summary="Volunteers set up software in the village.",
        author="",
        body=[("paragraph", PARAGRAPH)],
        date=DATE,
    )


def simplified_translation(post):
    """The post's Simplified Chinese translation, as its translator saved it (published)."""
    news_index("zh-hans")
    translate_object(post, [locale("zh-hans")])
    translation = translation_of(post, "zh-hans")
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        text = SIMPLIFIED.get(segment.string.data, f"zh-hans-{segment.string.data}")
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            data=text,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        )
    translation.save_target(publish=True)
    return translation


def traditional_translation(post):
    news_index("zh-hant")
    translate_object(post, [locale("zh-hant")])
    return translation_of(post, "zh-hant")


def texts(translation):
    return {
        row.translation_of.data: row
        for row in StringTranslation.objects.filter(
            locale=translation.target_locale,
            translation_of__segments__source=translation.source,
        ).select_related("translation_of")
    }


@pytest.mark.django_db
def test_fill_converts_the_simplified_translation_and_leaves_it_to_check():
    post = english_post()
    simplified_translation(post)
    translation = traditional_translation(post)

    converted, machine, kept = fill_from_other_script(translation)

    rows = texts(translation)
    for english, traditional in TRADITIONAL.items():
        assert rows[english].data == traditional
        assert rows[english].translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
        assert rows[english].tool_name == "OpenCC (Taiwan)"
    total, done, unchecked = segment_counts(translation)
    assert (converted, machine, kept) == (total, 0, 0)
    assert done == unchecked == total
    # The draft page takes the converted text once saved, as the editor saves it.
    translation.save_target(publish=False)
    draft = translation.get_target_instance().get_latest_revision_as_object()
    assert draft.title == "志願者網路"
    assert 'href="https://example.org/report"' in str(draft.body[0].value)


@pytest.mark.django_db
def test_what_simplified_lacks_is_machine_translated_from_english():
    post = english_post()
    simplified = simplified_translation(post)
    StringTranslation.objects.filter(
        locale=simplified.target_locale,
        translation_of__data="Volunteers set up software in the village.",
    ).delete()
    translation = traditional_translation(post)

    counts = fill_from_other_script(translation)

    summary = texts(translation)["Volunteers set up software in the village."]
    assert summary.data == "village. the in software up set Volunteers"  # the offline dummy
    assert summary.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    assert counts.machine_translated == 1 and counts.untranslated == 0
    assert counts.converted == len(texts(translation)) - 1


@pytest.mark.django_db
def test_without_a_simplified_translation_everything_is_machine_translated():
    translation = traditional_translation(english_post())
    converted, machine, kept = fill_from_other_script(translation)
    assert (converted, kept) == (0, 0) and machine == segment_counts(translation)[0]


@pytest.mark.django_db
def test_what_the_translator_typed_is_kept(client):
    post = english_post()
    simplified_translation(post)
    translation = traditional_translation(post)
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    client.force_login(translator("zh-hant"))
    client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        urlencode({"value": "義工網絡"}),
        content_type="application/x-www-form-urlencoded",
    )

    counts = fill_from_other_script(translation)
    again = fill_from_other_script(translation)

    assert texts(translation)["Network of volunteers"].data == "義工網絡"
    assert counts.kept == 1 and counts.converted == segment_counts(translation)[0] - 1
    # A second fill keeps the hand-made row and converts the rest again (nothing is lost).
    assert again.kept == 1 and texts(translation)["Network of volunteers"].data == "義工網絡"


@pytest.mark.django_db
def test_links_chosen_for_simplified_readers_are_copied_unconverted():
    post = english_post()
    simplified = simplified_translation(post)
    link = OverridableSegment.objects.get(source=simplified.source)
    SegmentOverride.objects.create(
        locale=simplified.target_locale,
        context=link.context,
        data_json='"https://example.org/zh/软件"',
    )
    translation = traditional_translation(post)
    counts = fill_from_other_script(translation)
    copied = SegmentOverride.objects.get(locale=translation.target_locale, context=link.context)
    assert counts.overrides == 1 and copied.data == "https://example.org/zh/软件"


@pytest.mark.django_db
def test_only_chinese_translations_can_be_filled():
    post = english_post()
    news_index("nl")
    translate_object(post, [locale("nl")])
    with pytest.raises(ValueError):
        fill_from_other_script(translation_of(post, "nl"))


# --- the editor's button --------------------------------------------------------------------


@pytest.mark.django_db
def test_the_fill_button_fills_and_says_what_it_did(client):
    post = english_post()
    simplified_translation(post)
    translation = traditional_translation(post)
    client.force_login(translator("zh-hant"))
    edit_url = reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])

    editor = client.get(edit_url)
    form = soup(editor).select_one("form[action$='/fill-chinese/']")
    assert "简体中文" in form.get_text() and form.select_one("[lang=zh-hans]")
    response = client.post(form["action"], {"next": edit_url})

    assert response.status_code == 302 and response["Location"] == edit_url
    message = next(str(m) for m in get_messages(response.wsgi_request))
    assert "Filled from 简体中文: 4 converted with OpenCC, 0 machine-translated" in message
    assert texts(translation)["Network of volunteers"].data == "志願者網路"


@pytest.mark.django_db
def test_the_fill_button_is_only_for_chinese_and_its_translators(client):
    post = english_post()
    simplified_translation(post)
    translation = traditional_translation(post)
    news_index("nl")
    translate_object(post, [locale("nl")])
    dutch = translation_of(post, "nl")
    url = reverse("site_translation_fill_chinese", args=[translation.pk])

    client.force_login(translator("nl"))
    dutch_editor = client.get(
        reverse("wagtailadmin_pages:edit", args=[dutch.get_target_instance().pk])
    )
    assert "fill-chinese" not in dutch_editor.content.decode()
    assert client.post(url).status_code == 403  # another language's translator
    dutch_url = reverse("site_translation_fill_chinese", args=[dutch.pk])
    assert client.post(dutch_url).status_code == 404  # not a Chinese translation

    client.force_login(translator("zh-hant"))
    assert client.get(url).status_code == 405  # a GET does nothing
    unknown = reverse("site_translation_fill_chinese", args=[translation.pk + 999])
    assert client.post(unknown).status_code == 404
    assert client.post(url, {"next": "https://evil.example.org/"})["Location"].startswith(
        "/admin/pages/"
    )  # no open redirect
    client.logout()
    assert client.post(url)["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_nothing_is_written_by_refused_requests(client):
    post = english_post()
    simplified_translation(post)
    translation = traditional_translation(post)
    url = reverse("site_translation_fill_chinese", args=[translation.pk])
    client.force_login(translator("nl"))
    client.post(url)
    client.force_login(translator("zh-hant"))
    client.get(url)
    assert texts(translation) == {}


@pytest.mark.django_db
def test_translate_with_machine_converts_from_simplified_too(client):
    post = english_post()
    simplified = simplified_translation(post)
    StringTranslation.objects.filter(
        locale=simplified.target_locale, translation_of__data="Network of volunteers"
    ).delete()
    translation = traditional_translation(post)
    client.force_login(translator("zh-hant"))
    client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    rows = texts(translation)
    assert rows["Volunteers set up software in the village."].data == "志願者們在村裡安裝了軟體。"
    assert rows["Network of volunteers"].data == "volunteers of Network"  # the offline dummy
    assert segment_counts(translation)[2] == segment_counts(translation)[0]
