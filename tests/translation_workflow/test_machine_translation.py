"""Machine translation (checked before review) and PO files."""

from urllib.parse import urlencode

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import (
    Page,
)
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
)

import polib
import pytest

from site_core.settings import translation as base
from site_core.translation_workflow.progress import segment_counts
from tests.factories import news_index, translator
from tests.translation_workflow.helpers import (
    new_english_page,
    translated_post,
    translation_of,
)
from tests.utils import locale

pytestmark = pytest.mark.django_db


def test_machine_translation_prefills_and_must_be_checked_before_review(client):
    news_index("nl")
    post = new_english_page()
    client.force_login(translator("nl"))
    response = client.post(reverse("site_translation_start", args=[post.pk, "nl"]))
    dutch = post.get_translation(locale("nl"))
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[dutch.pk])
    assert not dutch.live
    translation = translation_of(post, "nl")
    edit_url = reverse("wagtailadmin_pages:edit", args=[dutch.pk])
    client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": edit_url}
    )
    total, done, machine = segment_counts(translation)
    assert total == done == machine > 0
    assert (
        StringTranslation.objects.get(
            translation_of__data="Hundreds of people came.", locale=locale("nl")
        ).data
        == "came. people of Hundreds"
    )  # the offline dummy reverses words

    refused = client.post(reverse("site_translation_submit", args=[translation.pk]), follow=True)
    assert "machine-translated segments have not been checked" in refused.content.decode()
    assert not Page.objects.get(pk=dutch.pk).specific.workflow_in_progress

    for segment in StringSegment.objects.filter(source=translation.source):
        current = StringTranslation.objects.get(
            translation_of=segment.string, context=segment.context, locale=locale("nl")
        )
        client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            urlencode({"value": current.data}),
            content_type="application/x-www-form-urlencoded",
        )
    assert segment_counts(translation)[2] == 0
    client.post(reverse("site_translation_submit", args=[translation.pk]))
    dutch = Page.objects.get(pk=dutch.pk).specific
    assert dutch.workflow_in_progress and not dutch.live


def test_po_export_and_import_round_trip(client):
    post = translated_post("nl")
    translation = translation_of(post, "nl")
    client.force_login(translator("nl"))
    download = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    po = polib.pofile(download.content.decode())
    assert len(po) == StringSegment.objects.filter(source=translation.source).count()
    assert all(entry.msgstr for entry in po)
    original = {entry.msgctxt: entry.msgstr for entry in po}
    po[0].msgstr = "Door een externe vertaler herzien"
    upload = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {
            "file": _file(str(po)),
            "next": reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk]),
        },
    )
    assert upload.status_code == 302
    again = polib.pofile(
        client.get(
            reverse("wagtail_localize:download_pofile", args=[translation.pk])
        ).content.decode()
    )
    roundtrip = {entry.msgctxt: entry.msgstr for entry in again}
    assert roundtrip[po[0].msgctxt] == "Door een externe vertaler herzien"
    for context, text in original.items():
        if context != po[0].msgctxt:
            assert roundtrip[context] == text


def _file(text):
    return SimpleUploadedFile("translation.po", text.encode(), content_type="text/x-gettext")


def test_machine_translator_comes_from_the_environment(monkeypatch):
    monkeypatch.setattr(base.env, "DEEPL_API_KEY", "")
    monkeypatch.setattr(base.env, "LIBRETRANSLATE_URL", "")
    assert base.machine_translator(offline_fallback=False) is None
    config = base.machine_translator(offline_fallback=True)
    # Every service is wrapped: Chinese scripts convert from each other (chinese.py).
    assert config["CLASS"].endswith("chinese_translator.ChineseScriptTranslator")
    assert config["OPTIONS"]["TRANSLATOR"]["CLASS"].endswith("DummyTranslator")
    monkeypatch.setattr(base.env, "LIBRETRANSLATE_URL", "https://translate.example.org")
    service = base.machine_translator(offline_fallback=False)["OPTIONS"]["TRANSLATOR"]
    assert service["CLASS"].endswith("machine.SiteLibreTranslator")
    assert service["OPTIONS"]["LIBRETRANSLATE_URL"] == "https://translate.example.org"
    monkeypatch.setattr(base.env, "DEEPL_API_KEY", "key:fx")
    service = base.machine_translator(offline_fallback=False)["OPTIONS"]["TRANSLATOR"]
    assert service["CLASS"].endswith("machine.SiteDeepLTranslator")
    assert service["OPTIONS"] == {"AUTH_KEY": "key:fx"}
