"""Settings: production is safe by default and fails fast; env vars are read in one place."""

import json
import os
import re
import secrets
import subprocess
import sys

from tests.project.utils import ROOT, run_manage


def check_deploy(**env):
    """``manage.py check --deploy --fail-level WARNING`` under the production settings."""
    return run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "site_core.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            **env,
        },
    )


def test_production_settings_pass_check_deploy_without_warnings():
    result = check_deploy(PROXY_COUNT="1")  # the documented deployment, behind nginx
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_warns_when_nobody_said_whether_a_proxy_is_in_front():
    # Defect guarded: the documented nginx deployment never set PROXY_COUNT, so every reader
    # had nginx's address: one sign-in counter for the whole world.
    unset = check_deploy(PROXY_COUNT="")
    assert unset.returncode != 0
    assert "(site_core.W001) PROXY_COUNT is not set" in unset.stderr
    said = check_deploy(PROXY_COUNT="0")  # "no proxy in front": said on purpose
    assert said.returncode == 0, said.stdout + said.stderr


def gunicorn_trust(proxy_count):
    """forwarded_allow_ips and secure_scheme_headers as gunicorn reads them from its conf."""
    code = (
        "import json, runpy\n"
        "from gunicorn.config import Config\n"
        "config, conf = Config(), runpy.run_path('site_core/gunicorn.conf.py')\n"
        "for name, value in conf.items():\n"
        "    if name in config.settings: config.set(name, value)\n"
        "print(json.dumps([config.forwarded_allow_ips, config.secure_scheme_headers]))\n"
    )
    env = {**os.environ, "PROXY_COUNT": proxy_count}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_gunicorn_believes_forwarded_headers_only_behind_a_declared_proxy():
    # Defect guarded: gunicorn believed X-Forwarded-Proto from 127.0.0.1 whatever PROXY_COUNT
    # said: on `make serve`, anyone on the machine got https links and HSTS by asking.
    assert gunicorn_trust("") == [[], {}]
    assert gunicorn_trust("0") == [[], {}]
    assert gunicorn_trust("1") == [["127.0.0.1", "::1"], {"X-FORWARDED-PROTO": "https"}]


def test_production_settings_fail_fast_without_secret_key():
    result = run_manage(
        "check", env_overrides={"DJANGO_SETTINGS_MODULE": "site_core.settings.production"}
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_uses_whitenoise_compressed_manifest_storage():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.STORAGES['staticfiles']['BACKEND'])",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "site_core.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(64),
        },
    )
    assert "whitenoise.storage.CompressedManifestStaticFilesStorage" in result.stdout


def test_environment_variables_are_read_only_in_settings_environment():
    allowed = {ROOT / "site_core/settings/environment.py"}
    # Reading a variable counts; handing the whole environment on to a subprocess does not.
    pattern = re.compile(r"os\.environ(\.get\(|\[)|getenv\(")
    offenders = []
    for path in ROOT.glob("**/*.py"):
        if ".venv" in path.parts or "tests" in path.parts or path in allowed:
            continue
        if pattern.search(path.read_text()):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_every_environment_variable_is_documented_in_the_readme():
    source = (ROOT / "site_core/settings/environment.py").read_text()
    names = set(re.findall(r"(?:environ\.get|_list|_bool)\(\s*\"([A-Z_]+)\"", source))
    assert {"DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS", "REDIS_URL"} <= names
    readme = (ROOT / "README.md").read_text()
    assert [name for name in sorted(names) if f"`{name}`" not in readme] == []


def test_database_url_defaults_to_a_sqlite_file():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['ENGINE'], d['NAME'])",
        env_overrides={"DJANGO_SETTINGS_MODULE": "site_core.settings.dev", "DATABASE_URL": ""},
    )
    assert "django.db.backends.sqlite3" in result.stdout
    assert result.stdout.strip().endswith("db.sqlite3")


def test_redis_url_switches_the_cache_to_redis():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "site_core.settings.dev",
            "REDIS_URL": "redis://127.0.0.1:6379/1",
        },
    )
    assert "django.core.cache.backends.redis.RedisCache" in result.stdout
