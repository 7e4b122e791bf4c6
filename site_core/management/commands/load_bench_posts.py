"""Add many news posts in every language that has a news index (for `make bench`)."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from news.models import NewsCategory, NewsIndexPage, NewsPage

SUMMARY = (
    "A benchmark post: its summary is about as long as a real one, so that listings and feeds "
    "weigh what they will weigh in production."
)
BODY = "<p>" + ("Benchmark paragraph text. " * 40) + "</p>"


class Command(BaseCommand):
    help = "Create --posts English news posts, each with a copy in every other language."

    def add_arguments(self, parser):
        parser.add_argument("--posts", type=int, default=1000)

    def handle(self, *args, **options):
        indexes = list(NewsIndexPage.objects.select_related("locale").order_by("path"))
        english = next((i for i in indexes if i.locale.language_code == "en"), None)
        if english is None:
            raise CommandError("No English news index: run `manage.py load_demo` first.")
        categories = list(NewsCategory.objects.filter(locale=english.locale))
        existing = NewsPage.objects.filter(slug__startswith="bench-post-", locale=english.locale)
        start = existing.count()
        total = options["posts"]
        now = timezone.now()
        for number in range(start, total):
            with transaction.atomic():
                source = None
                for index in indexes:
                    post = NewsPage(
                        title=f"Benchmark post {number}",
                        slug=f"bench-post-{number}",
                        locale=index.locale,
                        date=now - timedelta(hours=number + 48),
                        first_published_at=now,
                        last_published_at=now,
                        live=True,
                        author="Benchmark",
                        summary=SUMMARY,
                        body=[("paragraph", BODY)],
                    )
                    if source is not None:
                        post.translation_key = source.translation_key
                    post.categories = [categories[number % len(categories)]]
                    index.add_child(instance=post)
                    source = source or post
                self._track_translations(
                    source, [i.locale for i in indexes if i.locale_id != english.locale_id]
                )
            if (number + 1) % 50 == 0 or number + 1 == total:
                self.stdout.write(
                    f"[{number + 1}/{total}] posts in {len(indexes)} languages "
                    f"({(number + 1) * len(indexes)} pages)"
                )
        if start >= total:
            self.stdout.write(f"{start} benchmark posts already there.")

    @staticmethod
    def _track_translations(post, locales):
        """Record the copies as complete wagtail-localize translations (for the overview grid)."""
        source, _created = TranslationSource.get_or_create_from_instance(post)
        Translation.objects.bulk_create(
            [Translation(source=source, target_locale=locale) for locale in locales],
            ignore_conflicts=True,
        )
        segments = list(StringSegment.objects.filter(source=source).select_related("string"))
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
        NewsPage.objects.filter(translation_key=post.translation_key).exclude(pk=post.pk).update(
            last_published_at=timezone.now()
        )
