"""Compile locale/*/LC_MESSAGES/*.po into .mo files with polib (no gettext tools needed)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

import polib


class Command(BaseCommand):
    help = "Compile the project's .po files into .mo files (needs no gettext tools)."

    def handle(self, *args, **options):
        po_files = sorted(
            path for base in settings.LOCALE_PATHS for path in Path(base).glob("*/LC_MESSAGES/*.po")
        )
        if not po_files:
            raise CommandError(
                "No .po files found under LOCALE_PATHS. Run this from the project folder."
            )
        for index, po_path in enumerate(po_files, start=1):
            try:
                catalogue = polib.pofile(str(po_path))
            except (OSError, ValueError) as error:
                raise CommandError(f"{po_path} cannot be read: {error}. Fix the file.") from error
            catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
            if options["verbosity"] < 1:
                continue
            self.stdout.write(
                f"[{index}/{len(po_files)}] {po_path.relative_to(settings.BASE_DIR)}: "
                f"{len(catalogue.translated_entries())} messages"
            )
