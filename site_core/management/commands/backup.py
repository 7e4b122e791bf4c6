"""`manage.py backup FOLDER`: the database and the uploaded files, restorable with `restore`.

Two formats:
- ``portable`` (the default): the content as JSON (any database to any database: SQLite to
  PostgreSQL and back), the uploaded files as a tar archive;
- ``postgres``: ``pg_dump --format=custom`` of DATABASE_URL (exact, fast for large sites),
  plus the same archive of files.
Each backup holds a manifest with the counts that ``restore`` checks afterwards.
"""

import gzip
import io
import json
import shutil
import subprocess
import tarfile
import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page, PageLogEntry, Revision
from wagtail_localize.models import StringTranslation, Translation

from site_core.settings import environment

# Rebuilt by migrate (content types, permissions) or by update_index, or not worth keeping.
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "wagtailsearch.indexentry",
    "wagtailimages.rendition",
    "wagtailcore.referenceindex",
]
# The search index's own tables: rebuilt by restore; SQLite's full-text one exists only there.
SEARCH_INDEX_MODELS = {"wagtailsearch.indexentry", "wagtailsearch.sqliteftsindexentry"}


def excluded_models():
    """EXCLUDED, with every search index model this database has."""
    present = {
        model._meta.label_lower
        for model in apps.get_app_config("wagtailsearch").get_models()
        if model._meta.label_lower in SEARCH_INDEX_MODELS
    }
    return sorted({*EXCLUDED, *present})


def content_counts():
    """What a restore must bring back: pages, revisions, translations, images, documents."""
    return {
        "locales": Locale.objects.count(),
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "translations": Translation.objects.count(),
        "translated strings": StringTranslation.objects.count(),
        "images": Image.objects.count(),
        "documents": Document.objects.count(),
    }


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into FOLDER (see `restore`)."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="where to write the backup (created; must be empty)")
        parser.add_argument("--format", choices=["portable", "postgres"], default="portable")

    def handle(self, *args, **options):
        folder = Path(options["folder"])
        if folder.exists() and any(folder.iterdir()):
            raise CommandError(f"{folder} is not empty: choose a new folder for the backup.")
        folder.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        kind = options["format"]
        self.stdout.write(f"[1/3] Database ({kind})")
        if kind == "postgres":
            self._pg_dump(folder / "database.dump")
        else:
            self._dump_portable(folder / "content.json.gz")
        self.stdout.write("[2/3] Uploaded files")
        media = Path(settings.MEDIA_ROOT)
        with tarfile.open(folder / "media.tar.gz", "w:gz") as archive:
            if media.exists():
                archive.add(media, arcname="media")
        self.stdout.write("[3/3] Manifest")
        manifest = {"format": kind, "counts": content_counts(), "vendor": connection.vendor}
        (folder / "manifest.json").write_text(json.dumps(manifest, indent=2))
        size = sum(path.stat().st_size for path in folder.iterdir()) / 1_000_000
        counts = ", ".join(f"{value} {name}" for name, value in manifest["counts"].items())
        self.stdout.write(
            f"Backup in {folder} ({size:.1f} MB, {time.monotonic() - started:.0f} s): {counts}."
        )

    @staticmethod
    def _dump_portable(path):
        """Every row but the rebuildable ones, as natural-key JSON (any database can load it)."""
        dump = io.StringIO()
        call_command(
            "dumpdata",
            natural_foreign=True,
            exclude=[*excluded_models(), "wagtailcore.pagelogentry"],
            stdout=dump,
            verbosity=0,
        )
        rows = json.loads(dump.getvalue())
        # Page history, but for pages deleted since (their entries point at nothing).
        history = PageLogEntry.objects.filter(page_id__in=Page.objects.values("pk"))
        rows += json.loads(
            serializers.serialize("json", history.order_by("pk"), use_natural_foreign_keys=True)
        )
        with gzip.open(path, "wt", encoding="utf-8") as output:
            json.dump(rows, output)

    @staticmethod
    def _pg_dump(path):
        if connection.vendor != "postgresql":
            raise CommandError("--format postgres needs DATABASE_URL to name PostgreSQL.")
        if shutil.which("pg_dump") is None:
            raise CommandError("pg_dump is not installed: apt-get install postgresql-client.")
        subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", "--file", str(path), database_url()],
            check=True,
        )


def database_url():
    return environment.DATABASE_URL
