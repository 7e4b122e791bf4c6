"""Demo and benchmark are not the product: production installs and imports none of tools/, and
no product file names the benchmark's /bench/ addresses."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PRODUCT_PACKAGES = ["site_core", "home", "news", "events", "films"]
TOOLING_APPS = ["tools.demo", "tools.bench"]

# Imports the production URLconf and every product module, then lists what of tools/ was
# imported. Settings modules other than production's are left out: importing them would
# configure another environment (a throwaway media folder, the bench's cache folder).
IMPORT_EVERYTHING = """
import importlib, json, pkgutil, sys
import django
django.setup()
from django.conf import settings
importlib.import_module(settings.ROOT_URLCONF)
from django.urls import get_resolver
get_resolver().url_patterns
imported = []
for package in %r:
    for module in pkgutil.walk_packages([package], prefix=package + "."):
        name = module.name
        if name.startswith("site_core.settings.") or "." in name.rsplit(".", 1)[-1]:
            continue
        if name.endswith("gunicorn"):  # site_core/gunicorn.conf.py: gunicorn's, not a module
            continue
        importlib.import_module(name)
        imported.append(name)
print(json.dumps({
    "imported": imported,
    "tools": sorted(m for m in sys.modules if m == "tools" or m.startswith("tools.")),
}))
"""


def run_python(code, settings_module, **env_overrides):
    env = {key: value for key, value in os.environ.items() if key != "SECRET_KEY"}
    env.update(DJANGO_SETTINGS_MODULE=settings_module, SECRET_KEY=secrets.token_urlsafe(64))
    env.update(env_overrides)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def installed_apps(settings_module):
    code = "import json, django; django.setup(); from django.conf import settings; "
    code += "print(json.dumps(settings.INSTALLED_APPS))"
    return run_python(code, settings_module)


def test_production_settings_install_no_tooling():
    apps = installed_apps("site_core.settings.production")
    assert [app for app in apps if app == "tools" or app.startswith("tools.")] == []
    assert "site_core" in apps


def test_development_test_and_bench_settings_install_the_demo_and_the_bench():
    assert set(TOOLING_APPS) <= set(settings.INSTALLED_APPS)  # this run's test settings
    for settings_module in ("site_core.settings.dev", "site_core.settings.bench"):
        assert set(TOOLING_APPS) <= set(installed_apps(settings_module)), settings_module


def test_production_imports_no_tooling_module():
    found = run_python(IMPORT_EVERYTHING % PRODUCT_PACKAGES, "site_core.settings.production")
    assert found["tools"] == []
    # The walk did import the product: its URLconf's apps, commands and template tags.
    expected = ["site_core.urls", "site_core.management.commands.backup", "home.models"]
    expected += ["news.models", "events.models", "films.models"]
    assert set(expected) <= set(found["imported"])


def test_no_product_file_names_the_bench_addresses():
    # The bench's own settings (site_core/settings/bench.py) name them: the one place that may.
    allowed = {ROOT / "site_core" / "settings" / "bench.py"}
    offenders = []
    for top in [*PRODUCT_PACKAGES, "templates"]:
        for path in sorted((ROOT / top).rglob("*")):
            if not path.is_file() or path in allowed or "__pycache__" in path.parts:
                continue
            try:
                text = path.read_text()
            except UnicodeDecodeError:
                continue  # images, fonts
            if "/bench/" in text:
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_only_the_bench_settings_keep_the_bare_view_out_of_the_page_cache():
    code = (
        "import json, django; django.setup()\n"
        "from django.test import RequestFactory\n"
        "from site_core.caching import page_cache\n"
        "factory = RequestFactory()\n"
        "print(json.dumps([page_cache.cacheable_request(factory.get(path))"
        " for path in ('/bench/bare/10/', '/en/')]))\n"
    )
    assert run_python(code, "site_core.settings.bench", PAGE_CACHE="true") == [False, True]
    assert run_python(code, "site_core.settings.production", PAGE_CACHE="true") == [True, True]
