"""Backup and restore: the demo site goes into a backup and comes back whole in a new database."""

import json
import os
import secrets
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connection

import pytest

from site_core.management.commands.restore import upgrade_rows
from tests.demo_site import copy_demo_site

ROOT = Path(settings.BASE_DIR)


def manage(env, *arguments):
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"manage.py {arguments[0]} failed:\n{result.stderr[-3000:]}"
    return result.stdout


def environment(folder, name):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_core.settings.dev",
        "DATABASE_URL": f"sqlite:///{folder / f'{name}.sqlite3'}",
        "MEDIA_ROOT": str(folder / f"media-{name}"),
        "DEMO_USERS_PASSWORD": "backup-test-password",
    }
    env.pop("REDIS_URL", None)
    return env


def files(folder):
    return {p.relative_to(folder) for p in folder.rglob("*") if p.is_file()}


# Where PostgreSQL listens on every machine of this project (the suite's DATABASE_URL, when the
# suite itself runs on PostgreSQL).
POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"


def postgres_server():
    if connection.vendor == "postgresql":
        settings_db = settings.DATABASES["default"]
        user, host, port = settings_db["USER"], settings_db["HOST"], settings_db["PORT"]
        return f"postgres://{user}@{host}:{port or 5432}"
    return POSTGRES.rsplit("/", 1)[0]


@contextmanager
def postgres_databases(*names):
    """Throwaway PostgreSQL databases on the suite's server; dropped afterwards."""
    import psycopg

    server = postgres_server()
    try:
        admin = psycopg.connect(f"{server}/postgres", autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        pytest.skip(f"PostgreSQL is not reachable at {urlsplit(server).netloc}: {error}")
    suffix = secrets.token_hex(4)
    databases = [f"backup_test_{name}_{suffix}" for name in names]
    try:
        for database in databases:
            admin.execute(f'CREATE DATABASE "{database}"')
        yield [f"{server}/{database}" for database in databases]
    finally:
        for database in databases:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        admin.close()


def round_trip(tmp_path, site, fresh, *backup_options):
    """The demo site in ``site``, backed up, restored into ``fresh``: the counts must agree."""
    output = manage(site, "backup", str(tmp_path / "backup"), *backup_options)
    assert "Backup in" in output
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    counts = manifest["counts"]
    assert counts["pages"] > 100 and counts["revisions"] > 100 and counts["translations"] > 10

    output = manage(fresh, "restore", str(tmp_path / "backup"))
    assert "Restored in" in output  # the command compares every count with the manifest
    restored = json.loads(
        manage(
            fresh,
            "shell",
            "-c",
            "import json; from site_core.management.commands.backup import content_counts; "
            "print(json.dumps(content_counts()))",
        ).splitlines()[-1]  # after the shell's own "objects imported" line
    )
    assert restored == counts
    assert files(tmp_path / "media-fresh") >= files(tmp_path / "media-site")
    urls = ["/en/", "/nl/nieuws/", "/he/", "/zh-hans/search/?q=迫害"]
    check = (
        'from django.test import Client; c = Client(HTTP_HOST="localhost"); '
        f"print(*[c.get(u).status_code for u in {urls}])"
    )
    assert manage(fresh, "shell", "-c", check).splitlines()[-1].split() == ["200"] * 4


def test_the_demo_site_round_trips_through_a_portable_backup(tmp_path, demo_site):
    """A copy of the demo site the run built once (tests/demo_site.py: migrate and load_demo in
    a new SQLite file) into a backup, restored into a new SQLite file."""
    site = copy_demo_site(
        demo_site, tmp_path / "site.sqlite3", tmp_path / "media-site", "http://127.0.0.1:8000"
    )
    round_trip(tmp_path, site, environment(tmp_path, "fresh"))


def test_the_demo_site_round_trips_through_a_postgresql_backup(tmp_path, demo_site):
    """The demo site moves from SQLite to PostgreSQL through a portable backup, then pg_dump of
    that database, pg_restore into another: the same site. (Restoring the run's demo copy is
    quicker than building the demo again on PostgreSQL, and proves the move between engines.)"""
    sqlite_site = copy_demo_site(
        demo_site, tmp_path / "sqlite.sqlite3", tmp_path / "media-sqlite", "http://127.0.0.1:8000"
    )
    portable = tmp_path / "portable"
    manage(sqlite_site, "backup", str(portable))
    with postgres_databases("site", "fresh") as (site_url, fresh_url):
        site = {**environment(tmp_path, "site"), "DATABASE_URL": site_url}
        fresh = {**environment(tmp_path, "fresh"), "DATABASE_URL": fresh_url}
        assert "Restored in" in manage(site, "restore", str(portable))
        round_trip(tmp_path, site, fresh, "--format", "postgres")
        assert (tmp_path / "backup" / "database.dump").stat().st_size > 100_000


def test_a_postgresql_backup_needs_postgresql(tmp_path):
    site = environment(tmp_path, "site")
    result = subprocess.run(
        [sys.executable, "manage.py", "backup", str(tmp_path / "b"), "--format", "postgres"],
        cwd=ROOT,
        env=site,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "--format postgres needs DATABASE_URL to name PostgreSQL" in result.stderr


def test_backup_and_restore_refuse_what_would_lose_data(tmp_path):
    site = environment(tmp_path, "site")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "something").write_text("keep me")
    result = subprocess.run(
        [sys.executable, "manage.py", "backup", str(tmp_path / "full")],
        cwd=ROOT,
        env=site,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0 and "not empty" in result.stderr
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(tmp_path)],
        cwd=ROOT,
        env=site,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0 and "manifest.json" in result.stderr


def test_a_backup_made_before_the_review_task_moved_app_restores_under_its_new_name():
    """Portable backups made before LanguageReviewTask moved from site_core to
    translation_workflow name it (its rows, content type, permissions) by the old label."""
    old = [
        {
            "model": "wagtailcore.task",
            "pk": 2,
            "fields": {
                "name": "Approval by Dutch reviewers",
                "content_type": ["site_core", "languagereviewtask"],
                "active": True,
            },
        },
        {"model": "site_core.languagereviewtask", "pk": 2, "fields": {"groups": [["Reviewers"]]}},
        {
            "model": "auth.group",
            "pk": 5,
            "fields": {
                "name": "Reviewers",
                "permissions": [
                    ["change_languagereviewtask", "site_core", "languagereviewtask"],
                    ["change_page", "wagtailcore", "page"],
                ],
            },
        },
        {"model": "site_core.footer", "pk": 1, "fields": {"locale": ["nl"], "tags": [[1, 2]]}},
    ]
    rows = upgrade_rows(old)
    assert rows[0]["fields"]["content_type"] == ["translation_workflow", "languagereviewtask"]
    assert rows[1]["model"] == "translation_workflow.languagereviewtask"
    assert rows[1]["fields"] == {"groups": [["Reviewers"]]}
    assert rows[2]["fields"]["permissions"] == [
        ["change_languagereviewtask", "translation_workflow", "languagereviewtask"],
        ["change_page", "wagtailcore", "page"],
    ]
    assert rows[3] == {
        "model": "site_core.footer",
        "pk": 1,
        "fields": {"locale": ["nl"], "tags": [[1, 2]]},
    }


def test_a_sqlite_backup_with_full_text_rows_restores_anywhere():
    """Backups made on SQLite before the search index was left out hold its full-text rows,
    which PostgreSQL has no model for: restore drops them (and rebuilds the index)."""
    rows = [
        {"model": "wagtailsearch.sqliteftsindexentry", "pk": 1, "fields": {"title": "x"}},
        {"model": "wagtailsearch.indexentry", "pk": 1, "fields": {"title": "x"}},
        {"model": "wagtailcore.locale", "pk": 1, "fields": {"language_code": "en"}},
    ]
    assert [row["model"] for row in upgrade_rows(rows)] == ["wagtailcore.locale"]
