"""Many news posts, events and films in every language, for `make bench`.

The pages are written in bulk (tools.bench.bulk: a few statements per hundred pages, not
Wagtail's page-by-page ``add_child``), so that ten times the usual data set loads in about a
minute: they are live, with correct tree paths and addresses, but have no revisions (nobody
edits them).

Like an editor's, they have pictures: a handful of photographs (tools.bench.pictures: drawn
with Pillow, nothing is downloaded) shared between the posts (a lead picture and one in the
text), the events and the films (poster and trailer still), so that rendering listings and
pages includes their images.
"""

import time
from datetime import time as clock_time
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from events.models import EventIndexPage, EventKind, EventOccurrence, EventPage
from films.models import FilmIndexPage, FilmPage
from news.models import NewsCategory, NewsIndexPage, NewsPage
from tools.bench.bulk import BATCH, bulk_add_children
from tools.bench.pictures import pictures

SUMMARY = (
    "A benchmark post: its summary is about as long as a real one, so that listings and feeds "
    "weigh what they will weigh in production."
)
BODY = "<p>" + ("Benchmark paragraph text. " * 40) + "</p>"
CITIES = [
    ("Amsterdam", "Netherlands", "Europe/Amsterdam"),
    ("Berlin", "Germany", "Europe/Berlin"),
    ("Paris", "France", "Europe/Paris"),
    ("Madrid", "Spain", "Europe/Madrid"),
    ("Taipei", "Taiwan", "Asia/Taipei"),
    ("Tel Aviv", "Israel", "Asia/Jerusalem"),
    ("New York", "United States", "America/New_York"),
]


class Command(BaseCommand):
    help = "Add --posts news posts, --events events and --films films, each in every language."

    def add_arguments(self, parser):
        parser.add_argument("--posts", type=int, default=1000)
        parser.add_argument("--events", type=int, default=200)
        parser.add_argument("--films", type=int, default=20)
        parser.add_argument(
            "--track-translations",
            action="store_true",
            help="record the copies of the first 1,000 posts as wagtail-localize translations "
            "(for the translation overview's benchmark)",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        self.now = timezone.now()
        news = self._indexes(NewsIndexPage)
        self.pictures = pictures()
        self._load(news, "bench-post-", options["posts"], self._post, "posts")
        self._load(self._indexes(EventIndexPage), "bench-event-", options["events"], self._event)
        self._load(self._indexes(FilmIndexPage), "bench-film-", options["films"], self._film)
        if options["track_translations"]:
            self._track_translations(news, min(options["posts"], 1000))
        self.stdout.write(f"Benchmark content ready in {time.monotonic() - started:.0f} s.")

    def _picture(self, number):
        return self.pictures[number % len(self.pictures)]

    @staticmethod
    def _indexes(model):
        indexes = list(model.objects.select_related("locale").order_by("path"))
        if not any(index.locale.language_code == "en" for index in indexes):
            raise CommandError(
                f"No English {model._meta.verbose_name}: run `manage.py load_demo` first."
            )
        return indexes

    def _load(self, indexes, prefix, total, build, label=None):
        label = label or f"{prefix.strip('-').split('-')[-1]}s"
        english = next(i for i in indexes if i.locale.language_code == "en")
        start = Page.objects.filter(slug__startswith=prefix, locale_id=english.locale_id).count()
        if start >= total:
            self.stdout.write(f"{start} benchmark {label} already there.")
            return
        self.categories = {
            index.locale_id: list(NewsCategory.objects.filter(locale_id=index.locale_id))
            for index in indexes
        }
        for first in range(start, total, BATCH):
            numbers = range(first, min(first + BATCH, total))
            with transaction.atomic():
                keys = {}
                for index in indexes:
                    pages = [build(index, number) for number in numbers]
                    for number, page in zip(numbers, pages, strict=True):
                        if number in keys:
                            page.translation_key = keys[number]
                        keys[number] = page.translation_key
                    bulk_add_children(index, pages)
                    self._after(index, pages)
            self.stdout.write(
                f"[{numbers[-1] + 1}/{total}] {label} in {len(indexes)} languages "
                f"({(numbers[-1] + 1) * len(indexes)} pages)"
            )

    def _common(self, number, title, slug):
        return {
            "title": title,
            "slug": slug,
            "live": True,
            "first_published_at": self.now,
            "last_published_at": self.now,
        }

    def _post(self, index, number):
        return NewsPage(
            **self._common(number, f"Benchmark post {number}", f"bench-post-{number}"),
            date=self.now - timedelta(hours=number + 48),
            author="Benchmark",
            summary=SUMMARY,
            hero_image=self._picture(number),
            hero_image_alt="A benchmark picture",
            body=[
                ("paragraph", BODY),
                (
                    "image",
                    {"image": self._picture(number + 1), "alt_text": "A picture", "caption": ""},
                ),
                ("paragraph", BODY),
            ],
        )

    def _event(self, index, number):
        city, country, zone = CITIES[number % len(CITIES)]
        kinds = [kind for kind, _label in EventKind.choices]
        return EventPage(
            **self._common(number, f"Benchmark event {number}", f"bench-event-{number}"),
            summary=SUMMARY,
            kind=kinds[number % len(kinds)],
            time_zone=zone,
            city=city,
            country=country,
            venue="Central square",
            image=self._picture(number),
            image_alt="A benchmark picture",
            body=[("paragraph", BODY)],
        )

    def _film(self, index, number):
        return FilmPage(
            **self._common(number, f"Benchmark film {number}", f"bench-film-{number}"),
            year=2000 + number % 25,
            runtime=60 + number % 60,
            directors="Benchmark",
            synopsis=BODY,
            poster=self._picture(number),
            poster_alt="A benchmark poster",
            trailer_still=self._picture(number + 1),
        )

    def _after(self, index, pages):
        if isinstance(pages[0], NewsPage):
            categories = self.categories.get(index.locale_id) or []
            if categories:
                NewsPage.categories.through.objects.bulk_create(
                    [
                        NewsPage.categories.through(
                            newspage_id=post.pk, newscategory_id=categories[n % len(categories)].pk
                        )
                        for n, post in enumerate(pages)
                    ]
                )
        elif isinstance(pages[0], EventPage):
            occurrences = []
            for page in pages:
                number = int(page.slug.rsplit("-", 1)[1])
                # Half of them past, half to come: the index lists the ones to come.
                day = (self.now + timedelta(days=number - 100)).date()
                occurrence = EventOccurrence(
                    event=page,
                    start_date=day,
                    start_time=clock_time(14),
                    end_date=day,
                    end_time=clock_time(17),
                    sort_order=0,
                )
                occurrence.start, occurrence.end = occurrence.local_bounds()
                occurrences.append(occurrence)
            EventOccurrence.objects.bulk_create(occurrences)

    def _track_translations(self, indexes, count):
        """Record the copies as complete wagtail-localize translations (for the overview grid)."""
        english = next(i for i in indexes if i.locale.language_code == "en")
        locales = [i.locale for i in indexes if i.locale_id != english.locale_id]
        posts = NewsPage.objects.child_of(english).filter(slug__startswith="bench-post-")
        tracked = set(
            TranslationSource.objects.filter(
                object_id__in=posts.values("translation_key")
            ).values_list("object_id", flat=True)
        )
        todo = [
            post for post in posts.order_by("path")[:count] if post.translation_key not in tracked
        ]
        for number, post in enumerate(todo, start=1):
            with transaction.atomic():
                source, _created = TranslationSource.get_or_create_from_instance(post)
                Translation.objects.bulk_create(
                    [Translation(source=source, target_locale=locale) for locale in locales],
                    ignore_conflicts=True,
                )
                segments = StringSegment.objects.filter(source=source).select_related("string")
                StringTranslation.objects.bulk_create(
                    [
                        StringTranslation(
                            translation_of=segment.string,
                            locale=locale,
                            context_id=segment.context_id,
                            data=segment.string.data,
                        )
                        for segment in segments
                        for locale in locales
                    ],
                    ignore_conflicts=True,
                )
            NewsPage.objects.filter(translation_key=post.translation_key).exclude(
                pk=post.pk
            ).update(last_published_at=timezone.now())  # the copies are up to date
            if number % 100 == 0 or number == len(todo):
                self.stdout.write(f"[{number}/{len(todo)}] posts tracked as translations")
