"""Time the admin's translation overview on the current database (run by `make bench`)."""

import statistics
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.urls import reverse

from wagtail.models import Locale, Page


def variants(url, english, pages):
    """(name, address) of the overview views to time: first and last of its pages (50 rows
    each), one language, one section."""
    news = english.filter(depth=3, slug="news").first()
    last = max(1, (pages + 49) // 50)
    return [
        ("all languages, page 1", url),
        (f"all languages, page {last}", f"{url}?p={last}"),
        ("Hebrew only", f"{url}?language=he"),
        ("news section", f"{url}?section={news.pk}" if news else url),
    ]


def count_queries(client, target):
    """The response to one request for ``target`` and the SQL queries it made."""
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(target)
    return response, queries


def timings(client, target, requests):
    """Wall and CPU milliseconds of ``requests`` requests for ``target``, wall sorted."""
    wall, cpu = [], []
    for _ in range(requests):
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(target)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    wall.sort()
    return wall, cpu


class Command(BaseCommand):
    help = "Measure the translation overview (page x language grid): ms and queries per request."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=30, help="requests per variant")

    def handle(self, *args, **options):
        user, _created = get_user_model().objects.get_or_create(
            username="bench-overview", defaults={"is_superuser": True, "is_staff": True}
        )
        client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else None)
        client.force_login(user)
        english = Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE, depth__gt=1)
        pages = english.count()
        self.stdout.write(
            f"Translation overview: {pages} English pages x {Locale.objects.count()} languages, "
            f"{options['requests']} requests each (in-process, one thread)"
        )
        header = (
            f"{'variant':<26}{'queries':>8}{'mean ms':>9}{'p50 ms':>8}{'p95 ms':>8}{'CPU ms':>8}"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for name, target in variants(reverse("site_translation_overview"), english, pages):
            response, queries = count_queries(client, target)
            if response.status_code != 200:
                self.stderr.write(f"{target} answered {response.status_code}")
                continue
            wall, cpu = timings(client, target, options["requests"])
            self.stdout.write(
                f"{name:<26}{len(queries):>8}{statistics.mean(wall):>9.1f}"
                f"{statistics.median(wall):>8.1f}{wall[int(len(wall) * 0.95) - 1]:>8.1f}"
                f"{statistics.mean(cpu):>8.1f}"
            )
