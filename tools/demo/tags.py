"""The demo's tag names in every language, translated through wagtail-localize as a translator
would: submit the English name, fill its segment, publish (news/models/tags.py)."""

import html

from django.conf import settings

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from news.models import NewsTagName

# English tag name (tools/demo/news.py posts' "tags") → its name in each language.
COLUMNS = ("nl", "de", "fr", "es", "zh-hans", "zh-hant", "he")
TAG_NAMES = {
    "sentencing": (
        "veroordelingen",
        "Verurteilungen",
        "condamnations",
        "condenas",
        "判刑",
        "判刑",
        "גזרי דין",
    ),
    "Liaoning": ("Liaoning", "Liaoning", "Liaoning", "Liaoning", "辽宁", "遼寧", "ליאונינג"),
    "statistics": (
        "statistieken",
        "Statistik",
        "statistiques",
        "estadísticas",
        "统计",
        "統計",
        "סטטיסטיקה",
    ),
    "COVID-19": ("COVID-19", "COVID-19", "COVID-19", "COVID-19", "新冠肺炎", "新冠肺炎", "קורונה"),
    "World Falun Dafa Day": (
        "Wereld Falun Dafa Dag",
        "Welt-Falun-Dafa-Tag",
        "Journée mondiale du Falun Dafa",
        "Día Mundial de Falun Dafa",
        "世界法轮大法日",
        "世界法輪大法日",
        "יום הפאלון דאפא העולמי",
    ),
    "Fujian": ("Fujian", "Fujian", "Fujian", "Fujian", "福建", "福建", "פוג'יאן"),
    "families": ("gezinnen", "Familien", "familles", "familias", "家庭", "家庭", "משפחות"),
    "organ harvesting": (
        "gedwongen orgaanroof",
        "Organraub",
        "prélèvement forcé d'organes",
        "sustracción forzada de órganos",
        "活摘器官",
        "活摘器官",
        "קצירת איברים",
    ),
    "petitions": ("petities", "Petitionen", "pétitions", "peticiones", "请愿", "請願", "עצומות"),
    "information stands": (
        "informatiestands",
        "Informationsstände",
        "stands d'information",
        "puestos informativos",
        "真相点",
        "真相點",
        "דוכני מידע",
    ),
    "lawyers": ("advocaten", "Anwälte", "avocats", "abogados", "律师", "律師", "עורכי דין"),
    "Jiang Zemin": (
        "Jiang Zemin",
        "Jiang Zemin",
        "Jiang Zemin",
        "Jiang Zemin",
        "江泽民",
        "江澤民",
        "ג'יאנג זמין",
    ),
    "films": ("films", "Filme", "films", "películas", "电影", "電影", "סרטים"),
    "censorship": ("censuur", "Zensur", "censure", "censura", "审查", "審查", "צנזורה"),
}


def name_in(english, language_code):
    """The demo's name of the tag ``english`` in ``language_code``, or None."""
    names = TAG_NAMES.get(english)
    return names[COLUMNS.index(language_code)] if names else None


def translate_tag_names(locales):
    """Every English tag name the demo has words for, translated into each of ``locales``
    (language code → Locale) where it is not translated yet; the translations made."""
    made = []
    source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    for english in NewsTagName.objects.filter(locale=source_locale, name__in=TAG_NAMES):
        for code in COLUMNS:
            locale = locales.get(code)
            if locale is not None and english.get_translation_or_none(locale) is None:
                made.append(translate_name(english, locale, name_in(english.name, code)))
    return made


def translate_name(english, locale, text):
    """Submit ``english`` for translation into ``locale``, write ``text`` as its one segment's
    translation and publish it, as the translator's editor does."""
    TranslationCreator(user=None, target_locales=[locale]).create_translations(english)
    source = TranslationSource.objects.get_for_instance(english)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": html.escape(text, quote=False),
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    translation = Translation.objects.get(source=source, target_locale=locale)
    translation.save_target(publish=True)
    return translation.get_target_instance()
