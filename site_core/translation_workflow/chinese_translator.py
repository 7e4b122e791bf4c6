"""wagtail-localize's "Translate with …" for the Chinese scripts: the configured machine
translator, except that a string the other script has already translated is converted with
OpenCC (``site_core.translation_workflow.chinese``) instead of machine-translated again."""

from django.utils.module_loading import import_string

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import String, StringTranslation
from wagtail_localize.strings import StringValue

from site_core.translation_workflow.chinese import OTHER_SCRIPT, convert, is_chinese


def _converted_values(source_locale, target_locale, values):
    """{value: converted StringValue} for the values the other script has translated (its
    latest translation of the same English string)."""
    target = target_locale.language_code
    hashes = {String._get_data_hash(value.data): value for value in values}
    rows = (
        StringTranslation.objects.filter(
            translation_of__locale=source_locale,
            translation_of__data_hash__in=hashes,
            locale__language_code=OTHER_SCRIPT[target],
            has_error=False,
        )
        .order_by("updated_at", "pk")
        .values_list("translation_of__data_hash", "data")
    )
    latest = dict(rows)
    return {
        hashes[key]: StringValue(convert(text, OTHER_SCRIPT[target], target))
        for key, text in latest.items()
    }


class ChineseScriptTranslator(BaseMachineTranslator):
    """The configured machine translator (OPTIONS["TRANSLATOR"]: its CLASS and OPTIONS), except
    that into one Chinese script a string the other script has already translated is converted
    with OpenCC instead: wagtail-localize's "Translate with machine" agrees with the fill."""

    def __init__(self, options):
        super().__init__(options)
        config = options["TRANSLATOR"]
        self.inner = import_string(config["CLASS"])(config.get("OPTIONS", {}))
        self.display_name = self.inner.display_name

    def can_translate(self, source_locale, target_locale):
        return self.inner.can_translate(source_locale, target_locale)

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        translated = {}
        if is_chinese(target_locale.language_code):
            translated = _converted_values(source_locale, target_locale, strings)
        rest = [string for string in strings if string not in translated]
        if rest:
            translated.update(self.inner.translate(source_locale, target_locale, rest))
        return translated
