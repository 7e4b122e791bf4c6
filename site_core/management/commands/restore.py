"""`manage.py restore FOLDER`: bring back a backup made by `manage.py backup FOLDER`.

A portable backup goes into an empty database (run on a fresh DATABASE_URL: it migrates it
first); a PostgreSQL backup replaces what DATABASE_URL holds. The uploaded files are unpacked
into MEDIA_ROOT, the search index is rebuilt, and the counts are compared with the backup's.
"""

import gzip
import json
import shutil
import subprocess
import tarfile
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from wagtail.models import Collection, Locale, Page, Site, Task, Workflow
from wagtail.search.models import IndexEntry

from site_core.management.commands.backup import (
    SEARCH_INDEX_MODELS,
    content_counts,
    database_url,
)

# Models that moved to another app after backups were made with their old label: a portable
# backup names them (its rows, content types, permissions) as they were called then.
RENAMED_MODELS = {
    ("site_core", "languagereviewtask"): ("translation_workflow", "languagereviewtask"),
}


def _renamed(value):
    """``value`` with every natural key of a renamed model (``[app, model]`` for a content type,
    ``[codename, app, model]`` for a permission) under its new name."""
    if isinstance(value, list):
        key = tuple(value[-2:])
        if (
            len(value) in (2, 3)
            and all(isinstance(part, str) for part in key)
            and (key in RENAMED_MODELS)
        ):
            return [*value[:-2], *RENAMED_MODELS[key]]
        return [_renamed(item) for item in value]
    if isinstance(value, dict):
        return {key: _renamed(item) for key, item in value.items()}
    return value


def upgrade_rows(rows):
    """A portable backup's rows as today's apps name them (RENAMED_MODELS), without the search
    index's rows (backups made before it was excluded hold SQLite's full-text rows, which
    PostgreSQL has no table for; restore rebuilds the index)."""
    rows = [row for row in rows if row["model"] not in SEARCH_INDEX_MODELS]
    for row in rows:
        app, _, model = row["model"].partition(".")
        if (app, model) in RENAMED_MODELS:
            row["model"] = ".".join(RENAMED_MODELS[(app, model)])
        row["fields"] = _renamed(row["fields"])
    return rows


class Command(BaseCommand):
    help = "Restore a backup made with `manage.py backup` (see README: Backups)."

    def add_arguments(self, parser):
        parser.add_argument("folder")

    def handle(self, *args, **options):
        folder = Path(options["folder"])
        manifest_path = folder / "manifest.json"
        if not manifest_path.exists():
            raise CommandError(f"{folder} holds no manifest.json: is it a `backup` folder?")
        manifest = json.loads(manifest_path.read_text())
        started = time.monotonic()
        self.stdout.write(f"[1/4] Database ({manifest['format']})")
        self._restore_database(folder, manifest["format"])
        self.stdout.write("[2/4] Uploaded files")
        self._restore_media(folder / "media.tar.gz")
        self.stdout.write("[3/4] Search index")
        self._clear_search_index()
        call_command("update_index", verbosity=0)
        self.stdout.write("[4/4] Checking counts")
        found = self._check_counts(manifest["counts"])
        counts = ", ".join(f"{value} {name}" for name, value in found.items())
        self.stdout.write(f"Restored in {time.monotonic() - started:.0f} s: {counts}.")

    def _restore_database(self, folder, kind):
        if kind == "postgres":
            self._pg_restore(folder / "database.dump")
            return
        call_command("migrate", interactive=False, verbosity=0)
        # A new database holds only Wagtail's root and its plain "Welcome" page.
        if Page.objects.filter(depth__gt=1).exclude(content_type__model="page").exists():
            raise CommandError(
                "This database already has pages: restore a portable backup into an empty "
                "database (a new DATABASE_URL), so that nothing is overwritten."
            )
        # migrate made Wagtail's root page and default site/collection; the backup has them.
        self._clear_initial_rows()
        with gzip.open(folder / "content.json.gz", "rt", encoding="utf-8") as dump:
            rows = upgrade_rows(json.load(dump))
        with tempfile.TemporaryDirectory() as scratch:
            upgraded = Path(scratch) / "content.json"
            upgraded.write_text(json.dumps(rows), encoding="utf-8")
            call_command("loaddata", str(upgraded), verbosity=0)

    @staticmethod
    def _restore_media(archive_path):
        media = Path(settings.MEDIA_ROOT)
        with tempfile.TemporaryDirectory() as unpacked, tarfile.open(archive_path) as archive:
            archive.extractall(unpacked, filter="data")
            source = Path(unpacked) / "media"
            if source.exists():
                shutil.copytree(source, media, dirs_exist_ok=True)

    @staticmethod
    def _check_counts(expected):
        """The restored database's counts, or an error naming each count that differs."""
        found = content_counts()
        wrong = {
            name: (expected[name], found.get(name))
            for name in expected
            if found.get(name) != expected[name]
        }
        if wrong:
            details = ", ".join(
                f"{name}: {a} expected, {b} found" for name, (a, b) in wrong.items()
            )
            raise CommandError(f"The restore is incomplete: {details}.")
        return found

    @staticmethod
    def _clear_search_index():
        """Entries written while loading (and SQLite's full-text rows) go: rebuilt just after."""
        IndexEntry.objects.all().delete()
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM wagtailsearch_indexentry_fts")

    @staticmethod
    def _clear_initial_rows():
        """What migrate creates and the backup holds too (root page, default site, collection,
        groups, workflow, locale): removed so that the backup's own rows come back as they were."""
        Site.objects.all().delete()
        Page.objects.all().delete()
        Collection.objects.all().delete()
        Workflow.objects.all().delete()
        Task.objects.all().delete()
        Group.objects.all().delete()
        Locale.objects.all().delete()

    @staticmethod
    def _pg_restore(path):
        if connection.vendor != "postgresql":
            raise CommandError(
                "This is a PostgreSQL backup: set DATABASE_URL to a PostgreSQL database."
            )
        if shutil.which("pg_restore") is None:
            raise CommandError("pg_restore is not installed: apt-get install postgresql-client.")
        connection.close()
        subprocess.run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--dbname",
                database_url(),
                str(path),
            ],
            check=True,
        )
