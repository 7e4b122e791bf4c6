"""The language codes our DeepL and LibreTranslate translators ask for, and what a failing
service does, against a fake service on 127.0.0.1 (real HTTP, http.server in a thread)."""

import contextlib
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation
from wagtail_localize.operations import translate_object
from wagtail_localize.strings import StringValue

import pytest

from site_core.settings import translation as base
from site_core.translation_workflow.machine import (
    MachineTranslationError,
    SiteDeepLTranslator,
    SiteLibreTranslator,
)
from tests.factories import news_index, translator
from tests.translation_workflow.helpers import new_english_page, translation_of
from tests.utils import locale

TARGETS = {
    "nl": ("NL", "nl"),
    "de": ("DE", "de"),
    "fr": ("FR", "fr"),
    "es": ("ES", "es"),
    "zh-hans": ("ZH-HANS", "zh-Hans"),
    "zh-hant": ("ZH-HANT", "zh-Hant"),
    "he": ("HE", "he"),
}


class FakeService(BaseHTTPRequestHandler):
    """DeepL's /v2/translate and LibreTranslate's /translate; ``server.mode`` chooses an answer:
    "ok" ("<target> <text>" for each text), "error" (HTTP 500), "slow", "junk"."""

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append((self.path, dict(self.headers), body))
        mode = self.server.mode
        if mode == "slow":
            time.sleep(1)
        if mode == "error":
            return self.answer(500, b'{"message": "Internal error"}')
        if mode == "junk":
            return self.answer(200, b"<html>Bad gateway</html>")
        if self.path.endswith("/v2/translate"):
            texts = [f"{body['target_lang']} {text}" for text in body["text"]]
            answer = {
                "translations": [{"detected_source_language": "EN", "text": t} for t in texts]
            }
        else:
            answer = {"translatedText": [f"{body['target']} {text}" for text in body["q"]]}
        return self.answer(200, json.dumps(answer).encode())

    def answer(self, status, content):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError):  # the client gave up ("slow")
            self.wfile.write(content)

    def log_message(self, *args):
        pass


@pytest.fixture
def service():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeService)
    server.requests, server.mode = [], "ok"
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def deepl(service, **options):
    return SiteDeepLTranslator({"AUTH_KEY": "key", "API_URL": service.url, **options})


def libre(service):
    return SiteLibreTranslator({"LIBRETRANSLATE_URL": service.url, "API_KEY": "secret"})


def translate(translator, source, target, text="Hello"):
    answer = translator.translate(
        Locale(language_code=source), Locale(language_code=target), [StringValue(text)]
    )
    return answer[StringValue(text)].data


@pytest.mark.parametrize("code", TARGETS)
def test_deepl_is_asked_for_each_language_by_its_own_code(service, code):
    assert translate(deepl(service), "en", code) == f"{TARGETS[code][0]} Hello"
    path, headers, body = service.requests[-1]
    assert path == "/v2/translate" and headers["Authorization"] == "DeepL-Auth-Key key"
    assert (body["source_lang"], body["target_lang"], body["text"]) == (
        "EN",
        TARGETS[code][0],
        ["Hello"],
    )


def test_deepl_into_english_names_the_variant_and_chinese_sources_are_zh(service):
    assert translate(deepl(service), "zh-hant", "en") == "EN-GB Hello"
    assert service.requests[-1][2]["source_lang"] == "ZH"
    translate(deepl(service, ENGLISH="EN-US"), "zh-hans", "en")
    assert (service.requests[-1][2]["source_lang"], service.requests[-1][2]["target_lang"]) == (
        "ZH",
        "EN-US",
    )


def test_deepl_free_and_pro_keys_choose_deepls_addresses():
    assert SiteDeepLTranslator({"AUTH_KEY": "k:fx"}).get_api_endpoint() == (
        "https://api-free.deepl.com/v2/translate"
    )
    assert SiteDeepLTranslator({"AUTH_KEY": "k"}).get_api_endpoint() == (
        "https://api.deepl.com/v2/translate"
    )
    proxy = SiteDeepLTranslator({"AUTH_KEY": "k", "API_URL": "https://deepl.example.org/"})
    assert proxy.get_api_endpoint() == "https://deepl.example.org/v2/translate"


@pytest.mark.parametrize("code", TARGETS)
def test_libretranslate_is_asked_for_each_language_by_its_own_code(service, code):
    assert translate(libre(service), "en", code) == f"{TARGETS[code][1]} Hello"
    path, _headers, body = service.requests[-1]
    assert path == "/translate"
    assert (body["source"], body["target"], body["api_key"], body["format"]) == (
        "en",
        TARGETS[code][1],
        "secret",
        "html",
    )


def test_libretranslate_into_english(service):
    assert translate(libre(service), "zh-hant", "en") == "en Hello"
    assert service.requests[-1][2]["source"] == "zh-Hant"


def test_the_two_chinese_scripts_are_different_targets():
    for machine in (SiteDeepLTranslator({"AUTH_KEY": "k"}), SiteLibreTranslator({})):
        assert machine.can_translate(Locale(language_code="en"), Locale(language_code="zh-hant"))
        assert not machine.can_translate(Locale(language_code="en"), Locale(language_code="en"))


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("error", "answered with an error (HTTP 500)"),
        ("slow", "did not answer in time"),
        ("junk", "sent an answer that could not be read"),
    ],
)
def test_a_failing_service_raises_a_clear_error(service, mode, message):
    service.mode = mode
    for machine in (deepl(service, TIMEOUT=0.3), libre(service)):
        machine.options["TIMEOUT"] = 0.3
        with pytest.raises(MachineTranslationError, match=re.escape(message)):
            translate(machine, "en", "zh-hant")


def test_an_unreachable_service_raises_a_clear_error(service):
    translator = SiteDeepLTranslator({"AUTH_KEY": "k", "API_URL": "http://127.0.0.1:9"})
    with pytest.raises(MachineTranslationError, match="DeepL could not be reached"):
        translate(translator, "en", "nl")


# --- through wagtail-localize's "Translate with …" ----------------------------------------------


@pytest.fixture
def deepl_configured(service, settings, monkeypatch):
    monkeypatch.setattr(base.env, "DEEPL_API_KEY", "key")
    monkeypatch.setattr(base.env, "DEEPL_API_URL", service.url)
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = base.machine_translator(offline_fallback=False)
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["OPTIONS"]["TRANSLATOR"]["OPTIONS"]["TIMEOUT"] = 0.5
    return service


def traditional_translation():
    post = new_english_page()
    news_index("zh-hant")
    translate_object(post, [locale("zh-hant")])
    return translation_of(post, "zh-hant")


def machine_translate(client, translation):
    client.force_login(translator("zh-hant"))
    edit_url = reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": edit_url}
    )
    assert response.status_code == 302 and response["Location"] == edit_url
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


@pytest.mark.django_db
def test_translate_with_deepl_into_traditional_chinese(client, deepl_configured):
    translation = traditional_translation()
    messages = machine_translate(client, translation)
    assert messages == ["Successfully translated with DeepL."]
    assert {body["target_lang"] for _path, _headers, body in deepl_configured.requests} == {
        "ZH-HANT"
    }
    title = StringTranslation.objects.get(
        translation_of__data="Solidarity vigil report", locale=translation.target_locale
    )
    assert title.data == "ZH-HANT Solidarity vigil report"
    assert title.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    assert title.tool_name == "DeepL"


@pytest.mark.django_db
@pytest.mark.parametrize("mode", ["error", "slow", "junk"])
def test_a_failing_deepl_is_a_message_not_an_error_page(client, deepl_configured, mode):
    deepl_configured.mode = mode
    translation = traditional_translation()
    before = StringTranslation.objects.count()
    messages = machine_translate(client, translation)
    assert len(messages) == 1 and messages[0].startswith("Machine translation failed: DeepL")
    assert "Nothing was changed" in messages[0]
    assert StringTranslation.objects.count() == before


@pytest.mark.django_db
def test_the_fill_button_says_why_segments_stay_untranslated(client, deepl_configured):
    deepl_configured.mode = "error"
    translation = traditional_translation()
    client.force_login(translator("zh-hant"))
    response = client.post(reverse("site_translation_fill_chinese", args=[translation.pk]))
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert response.status_code == 302
    assert messages[0].startswith("Filled from 简体中文: 0 converted with OpenCC, 0 machine")
    assert messages[1].startswith("Still untranslated: ")
    assert messages[1].endswith("DeepL answered with an error (HTTP 500).")
