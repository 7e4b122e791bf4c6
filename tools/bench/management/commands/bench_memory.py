"""Time translation-memory lookups (``site_core.translation_workflow.matches.find_matches``) on
1,000 pages' worth of strings × every language, written in bulk in a transaction that is rolled
back at the end: the database is left as it was."""

import random
import statistics
import time
import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Page
from wagtail_localize.models import (
    String,
    StringTranslation,
    TranslatableObject,
    TranslationContext,
)

from site_core.translation_workflow.matches import Query, find_matches

WORDS = [
    "people",
    "practitioners",
    "vigil",
    "consulate",
    "candles",
    "rain",
    "city",
    "square",
    "appeal",
    "detained",
    "released",
    "family",
    "letter",
    "court",
    "prison",
    "rights",
    "freedom",
    "belief",
    "meditation",
    "exercises",
    "peaceful",
    "gathered",
    "hundreds",
    "thousands",
    "volunteers",
    "signatures",
    "petition",
    "parliament",
    "report",
    "witness",
    "documentary",
    "film",
    "screening",
    "festival",
    "audience",
    "journalist",
    "interview",
    "statement",
    "government",
    "persecution",
    "torture",
    "camps",
    "organ",
    "transplant",
    "evidence",
    "investigation",
    "tribunal",
    "campaign",
    "awareness",
    "march",
    "embassy",
    "flowers",
    "speech",
    "memorial",
    "anniversary",
    "students",
    "teachers",
    "doctors",
    "lawyers",
    "artists",
]
BATCH = 2000


class Rollback(Exception):
    """Raised to leave the transaction without keeping anything."""


def sentence(rng):
    """An English segment of 5 to 45 words (about 40 to 400 characters)."""
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 45))).capitalize() + "."


def one_word_changed(text, rng):
    words = text.rstrip(".").split()
    words[rng.randrange(len(words))] = rng.choice(WORDS)
    return " ".join(words) + "."


class Command(BaseCommand):
    help = "Measure translation-memory lookups on 1,000 pages x every language (rolled back)."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=1000)
        parser.add_argument("--segments", type=int, default=20, help="segments per page")
        parser.add_argument("--lookups", type=int, default=200)
        parser.add_argument("--seed", type=int, default=16)

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                self.run(options)
                raise Rollback
        except Rollback:
            pass

    def run(self, options):
        rng = random.Random(options["seed"])
        source, targets = self.locales()
        started = time.perf_counter()
        strings = self.build(source, targets, options["pages"], options["segments"], rng)
        self.stdout.write(
            f"Translation memory: {options['pages']} pages x {options['segments']} segments "
            f"= {len(strings)} English strings, translated into {len(targets)} languages "
            f"({len(strings) * len(targets)} translations), written in "
            f"{time.perf_counter() - started:.1f} s ({connection.vendor})"
        )
        language = targets[0]
        lookups = options["lookups"]
        changed = [(pk, one_word_changed(text, rng)) for pk, text in rng.sample(strings, lookups)]
        self.report(
            "one changed segment",
            [{0: Query(-1, text)} for _pk, text in changed],
            source,
            language,
        )
        self.report(
            "one unchanged segment (exact)",
            [{0: Query(pk, text)} for pk, text in rng.sample(strings, lookups)],
            source,
            language,
        )
        pages = [
            {n: Query(-1 - n, text) for n, (_pk, text) in enumerate(changed[i : i + 10])}
            for i in range(0, lookups, 10)
        ]
        self.report("a page of 10 changed segments", pages, source, language)

    def locales(self):
        codes = [code for code, _name in settings.LANGUAGES]
        for code in codes:
            Locale.objects.get_or_create(language_code=code)
        source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        targets = list(Locale.objects.filter(language_code__in=codes).exclude(pk=source.pk))
        return source, targets

    def build(self, source, targets, pages, segments, rng):
        """[(string id, text)] of the English strings; every one translated into ``targets``."""
        contexts = self.contexts(pages, segments)
        texts = {sentence(rng) for _ in contexts}
        strings = String.objects.bulk_create(
            [
                String(locale_id=source.pk, data=text, data_hash=String._get_data_hash(text))
                for text in texts
            ],
            batch_size=BATCH,
        )
        # every string used at least once, a few in several places (as "Read more" would be)
        pairs = [(context, strings[n % len(strings)]) for n, context in enumerate(contexts)]
        for target in targets:
            StringTranslation.objects.bulk_create(
                [
                    StringTranslation(
                        translation_of_id=string.pk,
                        locale_id=target.pk,
                        context_id=context.pk,
                        data=f"[{target.language_code}] {string.data}",
                        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                    )
                    for context, string in pairs
                ],
                batch_size=BATCH,
            )
        return [(string.pk, string.data) for string in strings]

    @staticmethod
    def contexts(pages, segments):
        """``segments`` places (a title and paragraphs) on each of ``pages`` new pages."""
        page_type = ContentType.objects.get_for_model(Page)
        objects = TranslatableObject.objects.bulk_create(
            [
                TranslatableObject(translation_key=uuid.uuid4(), content_type=page_type)
                for _ in range(pages)
            ],
            batch_size=BATCH,
        )
        contexts = []
        for item in objects:
            for n in range(segments):
                path = f"body.{uuid.uuid4()}" if n else "title"
                contexts.append(
                    TranslationContext(
                        object_id=item.translation_key,
                        path=path,
                        path_id=TranslationContext._get_path_id(path),
                        field_path="body.paragraph" if n else "title",
                    )
                )
        return TranslationContext.objects.bulk_create(contexts, batch_size=BATCH)

    def report(self, name, batches, source, language):
        find_matches(batches[0], source.pk, language.pk)  # warm up
        with CaptureQueriesContext(connection) as queries:
            found = find_matches(batches[0], source.pk, language.pk)
        wall = []
        matched = 0
        for batch in batches:
            start = time.perf_counter()
            found = find_matches(batch, source.pk, language.pk)
            wall.append((time.perf_counter() - start) * 1000)
            matched += sum(bool(matches) for matches in found.values())
        wall.sort()
        segments = sum(len(batch) for batch in batches)
        self.stdout.write(
            f"  {name:<32} {len(batches):>4} lookups  median {statistics.median(wall):6.1f} ms"
            f"  p95 {wall[max(0, int(len(wall) * 0.95) - 1)]:6.1f} ms  {len(queries)} queries"
            f"  {matched}/{segments} segments matched"
        )
