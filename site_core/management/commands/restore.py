"""`manage.py restore FOLDER`: bring back a backup made by `manage.py backup FOLDER`.

A portable backup goes into an empty database (run on a fresh DATABASE_URL: it migrates it
first); a PostgreSQL backup replaces what DATABASE_URL holds. The uploaded files are unpacked
into MEDIA_ROOT, the search index is rebuilt, and the counts are compared with the backup's.
"""

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

from site_core.management.commands.backup import content_counts, database_url


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
        call_command("loaddata", str(folder / "content.json.gz"), verbosity=0)

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
