"""The interface is fully translated, and the .po files match the code and templates."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.utils.translation import to_locale

import polib
import pytest

ROOT = Path(settings.BASE_DIR)
TRANSLATED_LANGUAGES = [
    code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


def po_path(code):
    return ROOT / "locale" / to_locale(code) / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_po_file_exists_and_every_entry_is_translated(code):
    path = po_path(code)
    assert path.exists(), f"{path} is missing: run makemessages -l {to_locale(code)}"
    catalogue = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [], f"untranslated in {code}"
    assert fuzzy == [], f"fuzzy in {code}"
    assert len(catalogue) > 50


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_translations_keep_their_placeholders(code):
    for entry in polib.pofile(str(po_path(code))):
        expected = sorted(set(PLACEHOLDER.findall(entry.msgid)))
        forms = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for form in forms:
            assert sorted(set(PLACEHOLDER.findall(form))) == expected, (code, entry.msgid)


def test_po_files_are_not_stale(tmp_path):
    """makemessages on a copy of the project finds exactly the msgids we ship."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in [
        "manage.py",
        "site_core",
        "home",
        "news",
        "events",
        "films",
        "templates",
        "locale",
        "tools",  # the test settings install the demo and the bench (no interface strings)
    ]:
        source = ROOT / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "node_modules")
            shutil.copytree(source, copy / name, ignore=ignore)
        else:
            shutil.copy(source, copy / name)
    languages = [arg for code in TRANSLATED_LANGUAGES for arg in ("-l", to_locale(code))]
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", *languages, "--no-location", "--no-obsolete"],
        cwd=copy,
        check=True,
        capture_output=True,
        env={"DJANGO_SETTINGS_MODULE": "site_core.settings.test", "PATH": "/usr/bin:/bin"},
    )
    for code in TRANSLATED_LANGUAGES:
        shipped = {entry.msgid for entry in polib.pofile(str(po_path(code)))}
        fresh_path = copy / "locale" / to_locale(code) / "LC_MESSAGES" / "django.po"
        fresh = {entry.msgid for entry in polib.pofile(str(fresh_path)) if not entry.obsolete}
        assert fresh - shipped == set(), f"new strings not in {code}.po: run make messages-update"
        assert shipped - fresh == set(), f"{code}.po has strings no longer used"


def test_every_configured_language_is_a_content_language():
    assert settings.WAGTAIL_CONTENT_LANGUAGES == settings.LANGUAGES
    assert settings.LANGUAGE_CODE == "en"
    assert [code for code, _ in settings.LANGUAGES] == [
        "en",
        "nl",
        "de",
        "fr",
        "es",
        "zh-hans",
        "zh-hant",
        "he",
    ]


def test_localize_apps_are_installed_instead_of_wagtail_locales():
    assert "wagtail_localize" in settings.INSTALLED_APPS
    assert "wagtail_localize.locales" in settings.INSTALLED_APPS
    assert "wagtail.locales" not in settings.INSTALLED_APPS
    assert "wagtail.contrib.simple_translation" not in settings.INSTALLED_APPS
    assert settings.WAGTAIL_I18N_ENABLED is True
    assert settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is False
