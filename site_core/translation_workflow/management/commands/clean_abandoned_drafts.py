"""Delete pages that were never published and not saved for a while: mostly drafts that
autosave created when someone started a new page and left (``translation_workflow.autosave``)."""

import datetime
import re

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from site_core.translation_workflow.autosave import abandoned_drafts

DURATION = re.compile(r"^(\d{1,5})([hdw])$")
UNITS = {"h": "hours", "d": "days", "w": "weeks"}


def duration(value):
    match = DURATION.match(value.strip())
    if not match:
        raise CommandError(f"--older-than: expected e.g. 12h, 30d or 2w, not {value!r}")
    return datetime.timedelta(**{UNITS[match.group(2)]: int(match.group(1))})


class Command(BaseCommand):
    help = (
        "Delete pages never published and not saved for longer than --older-than (e.g. 30d): "
        "drafts left by autosave when a new page was abandoned. Pages with a translation, a "
        "child page, an alias, a lock or a review in progress are kept. --dry-run lists them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--older-than", default="30d", help="12h, 30d, 2w (default 30d)")
        parser.add_argument("--dry-run", action="store_true", help="list, delete nothing")

    def handle(self, *args, older_than, dry_run, **options):
        pages = list(abandoned_drafts(duration(older_than)).specific())
        verb = "Would delete" if dry_run else "Deleting"
        total = len(pages)
        for number, page in enumerate(pages, start=1):
            self.stdout.write(
                f"[{number}/{total}] {verb} “{page.title}” ({page.locale.language_code}, "
                f"{page.url_path}, last saved {page.latest_revision_created_at:%Y-%m-%d %H:%M})"
            )
            if not dry_run:
                with transaction.atomic():
                    page.delete()
        summary = f"{total} abandoned draft(s) {'found' if dry_run else 'deleted'}."
        self.stdout.write(self.style.SUCCESS(summary))
