"""Machine translators that ask for the right language, and say clearly when the service fails.

wagtail-localize's DeepL translator asks for ``ZH`` for both Chinese scripts (DeepL then answers
in Simplified characters for Traditional Chinese) and its LibreTranslate translator cuts both to
``zh``. These subclasses send each configured language's own code: DeepL's ``ZH-HANS`` /
``ZH-HANT``, ``EN-GB`` (or ``EN-US``) as targets and ``ZH`` / ``EN`` as sources (DeepL's
supported-languages list); LibreTranslate's ``zh-Hans`` / ``zh-Hant``.

A failed request (an HTTP error, no answer in time, an answer that cannot be read) raises
``MachineTranslationError`` with a message for the translator (``machine_views`` shows it).
"""

from django.utils.translation import gettext as _

from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.deepl import DeepLTranslator
from wagtail_localize.machine_translators.libretranslate import LibreTranslator
from wagtail_localize.strings import StringValue

import requests


class MachineTranslationError(Exception):
    """The translation service failed; the message says how, for the translator."""


def _base(code):
    return code.split("-")[0].lower()


def _service_error(service, error):
    if isinstance(error, requests.Timeout):
        return MachineTranslationError(
            _("%(service)s did not answer in time.") % {"service": service}
        )
    if isinstance(error, requests.HTTPError):
        return MachineTranslationError(
            _("%(service)s answered with an error (HTTP %(status)s).")
            % {"service": service, "status": error.response.status_code}
        )
    if isinstance(error, requests.RequestException) and not isinstance(error, ValueError):
        return MachineTranslationError(
            _("%(service)s could not be reached.") % {"service": service}
        )
    return MachineTranslationError(
        _("%(service)s sent an answer that could not be read.") % {"service": service}
    )


def post_for_texts(service, url, read_texts, count, **request):
    """POST to a translation service; ``read_texts(json)`` → the ``count`` translated texts."""
    try:
        response = requests.post(url, **request)
        response.raise_for_status()
        texts = read_texts(response.json())
        if len(texts) != count or not all(isinstance(text, str) for text in texts):
            raise ValueError("not one text per string")
    except (requests.RequestException, ValueError, KeyError, TypeError) as error:
        raise _service_error(service, error) from error
    return texts


class SiteDeepLTranslator(DeepLTranslator):
    """DeepL with Chinese scripts and English variants; OPTIONS: AUTH_KEY, and optionally
    API_URL (another address than DeepL's free or pro API), ENGLISH ("EN-GB" or "EN-US"),
    TIMEOUT (seconds), FORMALITY."""

    SCRIPTS = {"zh-hans": "ZH-HANS", "zh-hant": "ZH-HANT"}

    def target_code(self, language_code):
        code = language_code.lower()
        if code in self.SCRIPTS:
            return self.SCRIPTS[code]
        if _base(code) == "en":
            return self.options.get("ENGLISH", "EN-GB")
        if code in {"pt-br", "pt-pt"}:
            return code.upper()
        return _base(code).upper()

    def source_code(self, language_code):
        return _base(language_code).upper()  # sources name no variant: ZH, EN, PT

    def get_api_endpoint(self):
        if url := self.options.get("API_URL"):
            return url.rstrip("/") + "/v2/translate"
        return super().get_api_endpoint()

    def get_parameters(self, source_locale, target_locale, strings):
        parameters = super().get_parameters(source_locale, target_locale, strings)
        parameters["source_lang"] = self.source_code(source_locale.language_code)
        parameters["target_lang"] = self.target_code(target_locale.language_code)
        return parameters

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        texts = post_for_texts(
            self.display_name,
            self.get_api_endpoint(),
            lambda answer: [item["text"] for item in answer["translations"]],
            len(strings),
            json=self.get_parameters(source_locale, target_locale, strings),
            headers=self.get_headers(),
            timeout=float(self.options.get("TIMEOUT", 30)),
        )
        return {string: StringValue(text) for string, text in zip(strings, texts, strict=True)}

    def can_translate(self, source_locale, target_locale):
        return _base(source_locale.language_code) != _base(target_locale.language_code)


class SiteLibreTranslator(LibreTranslator):
    """LibreTranslate with Chinese scripts (``zh-Hans`` / ``zh-Hant``, as LibreTranslate names
    them since 1.6); OPTIONS: LIBRETRANSLATE_URL, API_KEY, TIMEOUT, and CODES to map a
    language to another code (an older server's ``zh`` / ``zt``)."""

    SCRIPTS = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}

    def language_code(self, code):
        code = code.lower()
        codes = {**self.SCRIPTS, **self.options.get("CODES", {})}
        return codes.get(code) or _base(code)

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        texts = post_for_texts(
            self.display_name,
            self.get_api_endpoint().rstrip("/") + "/translate",
            lambda answer: answer["translatedText"],
            len(strings),
            json={
                "q": [string.data for string in strings],
                "source": self.language_code(source_locale.language_code),
                "target": self.language_code(target_locale.language_code),
                "api_key": self.options.get("API_KEY", ""),
                "format": "html",
            },
            timeout=self.get_timeout(),
        )
        return {string: StringValue(text) for string, text in zip(strings, texts, strict=True)}

    def can_translate(self, source_locale, target_locale):
        return self.language_code(source_locale.language_code) != self.language_code(
            target_locale.language_code
        )


def configured_translator():
    """``WAGTAILLOCALIZE_MACHINE_TRANSLATOR``'s translator, or None."""
    return get_machine_translator()


def machine_translate_strings(translator, source_locale, target_locale, strings):
    """{string id: translated text} for wagtail-localize ``String`` rows (each asked once).

    Raises MachineTranslationError when the service fails (whatever the translator)."""
    unique = {string.pk: string for string in strings}
    values = {string.pk: string.as_value() for string in unique.values()}
    try:
        answers = translator.translate(source_locale, target_locale, list(values.values()))
    except MachineTranslationError:
        raise
    except (requests.RequestException, ValueError, KeyError, TypeError) as error:
        raise _service_error(translator.display_name, error) from error
    texts = {}
    for pk, value in values.items():
        answer = answers.get(value)
        if answer is not None and answer.data is not None:
            texts[pk] = answer.data
    return texts
