"""Several processes on one database and one cache: SQLite under concurrent writers, and the
admin of `make run` beside the readers of `make serve`."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from django.conf import settings

import pytest

from tests.factories import FooterFactory, locale
from tests.project.utils import production_settings

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


WRITER = textwrap.dedent(
    """
    import os, time
    from django.db import connection, transaction
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS hits (n INTEGER)")
    ready = os.environ["READY_FOLDER"]
    open(os.path.join(ready, str(os.getpid())), "w").close()
    while len(os.listdir(ready)) < 2:  # both set up: write at the same time
        time.sleep(0.01)
    end = time.time() + 3
    writes = 0
    while time.time() < end:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM hits")  # read, work, then write
            time.sleep(0.02)
            cursor.execute("INSERT INTO hits VALUES (%s)", [writes])
        writes += 1
    print("writes", writes)
    """
)


def test_two_processes_can_write_to_one_sqlite_database_at_once(tmp_path):
    # Defect: two `make serve`/`make run` on one folder crashed with "database is locked".
    ready = tmp_path / "ready"
    ready.mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_core.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "READY_FOLDER": str(ready),
    }
    env.pop("REDIS_URL", None)
    writers = [
        subprocess.Popen(
            [sys.executable, "manage.py", "shell", "-c", WRITER],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [writer.communicate(timeout=120) for writer in writers]
    for writer, (out, err) in zip(writers, results, strict=True):
        assert writer.returncode == 0, err[-2000:]
        assert "writes" in out


# --- The admin of `make run` beside `make serve` --------------------------------------------------


def test_make_run_and_make_serve_share_one_cache_for_one_database():
    # Defect: `make run` kept its cache in its own memory, so readers of `make serve` never
    # saw a publish done in its admin.
    code = "(s.CACHES['default']['BACKEND'], s.CACHES['default']['LOCATION'])"
    serve = production_settings(code)
    run = production_settings(code, DJANGO_SETTINGS_MODULE="site_core.settings.dev")
    assert serve == run
    assert "FileBasedCache" in serve and str(ROOT / ".cache") in serve
    other = production_settings(code, DATABASE_URL="sqlite:////tmp/another/db.sqlite3")
    assert other != serve  # another database, another cache: nothing crosses over


def test_a_publish_in_one_process_shows_to_readers_of_another(client, settings, tmp_path):
    """Two processes on one cache folder: two cache objects that share nothing but the files."""
    from site_core.caching import page_cache

    folder = {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache"}
    settings.CACHES = {
        **settings.CACHES,
        "serve": {**folder, "LOCATION": str(tmp_path)},
        "admin": {**folder, "LOCATION": str(tmp_path)},
    }
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_ALIAS = "serve"
    footer = FooterFactory(locale=locale("nl"))
    client.get("/nl/")
    assert client.get("/nl/")["X-Page-Cache"] == "hit"
    settings.PAGE_CACHE_ALIAS = "admin"  # the admin's process publishes
    footer.contact_email = "gedeeld@example.org"
    footer.save_revision().publish()
    settings.PAGE_CACHE_ALIAS = "serve"
    page_cache._memo.clear()  # another process has no memory of this one's fragments
    assert "gedeeld@example.org" in client.get("/nl/").content.decode()


def test_sign_in_counters_are_not_kept_in_the_evictable_cache():
    # Defect: sign-in limits were counted in the page cache's store, whose entries are evicted
    # (and which junk addresses could fill): counters live in the database (django-axes).
    from django.utils.module_loading import import_string

    from axes.handlers.database import AxesDatabaseHandler

    assert issubclass(import_string(settings.AXES_HANDLER), AxesDatabaseHandler)
