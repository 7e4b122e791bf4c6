"""The admin's own languages and time zones (read into ``base``): what each person may choose on
their account page, independent of the site's content languages."""

from importlib import resources

from django.conf.locale import LANG_INFO

# Languages Wagtail translates that Django has no name for (its account page names each
# language with Django's get_language_info), and a name for Latin American Spanish that tells
# it from Spanish.
LANG_INFO.update(
    {
        "dv": {"bidi": True, "code": "dv", "name": "Dhivehi", "name_local": "ދިވެހި"},
        "mi": {"bidi": False, "code": "mi", "name": "Maori", "name_local": "Te Reo Māori"},
        "tet": {"bidi": False, "code": "tet", "name": "Tetum", "name_local": "Tetun"},
        "es-419": {
            "bidi": False,
            "code": "es-419",
            "name": "Latin American Spanish",
            "name_local": "español de América Latina",
        },
    }
)

# Every language Wagtail's admin ships a catalog for (wagtail/locale/<dir>; Wagtail's default
# list holds only those over 90% translated and leaves out Hebrew). Each code reaches its
# catalogs through gettext's locale aliases: "he" loads wagtail's he_IL, "hr" hr_HR, "az"
# az_AZ, "tr" both tr and tr_TR, "zh-hans" also the older zh (tests/translation_workflow/
# test_admin_account.py checks that every directory is reached). Wagtail's own codes are kept
# where it has them (id-id, is-is, sk-sk), so preferences saved with its list stay valid.
ADMIN_LANGUAGE_CODES = [
    "af",
    "ar",
    "az",
    "be",
    "bg",
    "bn",
    "ca",
    "cs",
    "cy",
    "da",
    "de",
    "dv",
    "el",
    "en",
    "es",
    "es-419",
    "et",
    "eu",
    "fa",
    "fi",
    "fr",
    "gl",
    "he",
    "hr",
    "hu",
    "id-id",
    "is-is",
    "it",
    "ja",
    "ka",
    "ko",
    "lt",
    "lv",
    "mi",
    "mn",
    "my",
    "nb",
    "nl",
    "pl",
    "pt-br",
    "pt-pt",
    "ro",
    "ru",
    "sk-sk",
    "sl",
    "sv",
    "tet",
    "th",
    "tr",
    "ug",
    "uk",
    "vi",
    "zh-hans",
    "zh-hant",
]
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    (code, (LANG_INFO.get(code) or LANG_INFO[code.split("-")[0]])["name"])
    for code in ADMIN_LANGUAGE_CODES
]

# The time zones a person may choose: the IANA zones of the tzdata package (the same on every
# machine). Wagtail's default, zoneinfo.available_timezones(), also lists the system's
# "localtime" (and "Factory"), which browsers refuse: the account page's script stopped with
# "Invalid time zone specified: localtime", and a person who chose it had an admin in no zone
# the browser knows.
WAGTAIL_USER_TIME_ZONES = sorted(
    zone
    for zone in resources.files("tzdata").joinpath("zones").read_text().split()
    if zone != "Factory"
)
