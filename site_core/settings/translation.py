"""Machine translation (DeepL, LibreTranslate, the offline dummy); Chinese script conversion."""

from site_core.settings import environment as env


def service_translator(*, offline_fallback: bool) -> dict | None:
    """DeepL or LibreTranslate from the environment; the offline dummy only where asked for.

    Our subclasses ask each service for each language's own code (Traditional Chinese included:
    ``site_core.translation_workflow.machine``)."""
    if env.DEEPL_API_KEY:
        options = {"AUTH_KEY": env.DEEPL_API_KEY}
        if env.DEEPL_API_URL:
            options["API_URL"] = env.DEEPL_API_URL
        return {
            "CLASS": "site_core.translation_workflow.machine.SiteDeepLTranslator",
            "OPTIONS": options,
        }
    if env.LIBRETRANSLATE_URL:
        return {
            "CLASS": "site_core.translation_workflow.machine.SiteLibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": env.LIBRETRANSLATE_URL,
                "API_KEY": env.LIBRETRANSLATE_API_KEY,
            },
        }
    if offline_fallback:
        return {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
    return None


def machine_translator(*, offline_fallback: bool) -> dict | None:
    """The service translator, wrapped so that a Chinese script's translation is converted from
    the other script's where there is one (``site_core.translation_workflow.chinese``)."""
    translator = service_translator(offline_fallback=offline_fallback)
    if translator is None:
        return None
    return {
        "CLASS": "site_core.translation_workflow.chinese_translator.ChineseScriptTranslator",
        "OPTIONS": {"TRANSLATOR": translator},
    }


# Traditional Chinese converted from Simplified (and back) with Taiwan ("tw") or Hong Kong
# ("hk") characters and phrasing.
CHINESE_TRADITIONAL_VARIANT = env.CHINESE_TRADITIONAL_VARIANT

WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(offline_fallback=False)
