"""`make bench`: throughput and latency of real pages next to a bare Django view.

Loads the demo plus --posts news posts, 200 events and 20 films in every language into a
separate SQLite database, serves it with gunicorn under production settings (DEBUG off,
whitenoise), and measures each page with wrk next to a bare view that returns the same number
of bytes, in the same run: once with the page cache off, once with it on. Then the home page and
the news index again with ten times the posts (growth), and, when DATABASE_URL names PostgreSQL
and REDIS_URL is set, the key pages on PostgreSQL + Redis.
"""

import shutil
import subprocess
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tools.bench.datasets import GROWTH_MARK, build, datasets, server_environment
from tools.bench.lighthouse import lighthouse
from tools.bench.load import load_test
from tools.bench.report import growth_report, report
from tools.bench.server import free_port
from tools.bench.targets import GROWTH_TARGETS, KEY_TARGETS, TARGETS
from tools.bench.wrk import measure_pass


class Command(BaseCommand):
    help = "Benchmark pages against a bare Django view under gunicorn (needs wrk)."

    def add_arguments(self, parser):
        parser.add_argument("--posts", type=int, default=1000, help="English posts to load")
        parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
        parser.add_argument("--connections", type=int, default=8)
        parser.add_argument(
            "--cached-connections", type=int, default=32, help="wrk connections, cached pass"
        )
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
        parser.add_argument(
            "--growth",
            type=int,
            default=10,
            help="posts multiplier of the growth data set (1: skip)",
        )
        parser.add_argument("--fresh", action="store_true", help="rebuild the benchmark databases")
        parser.add_argument(
            "--no-lighthouse", dest="lighthouse", action="store_false", help="skip Lighthouse"
        )
        parser.add_argument(
            "--load-seconds", type=int, default=60, help="load test length (0: skip it)"
        )
        parser.add_argument("--load-only", action="store_true", help="only the load test")

    def handle(self, *args, **options):
        if shutil.which("wrk") is None:
            raise CommandError("wrk is not installed: apt-get install wrk (make bench does this).")
        self.folder = settings.BASE_DIR / ".bench"
        if options["fresh"] and self.folder.exists():
            shutil.rmtree(self.folder)
        self.folder.mkdir(exist_ok=True)
        self.port = free_port()
        sets = datasets(options, self.folder, self.stdout.write)
        if options["load_only"]:
            first = self.environment(sets[0][1], "")
            build(first, options["posts"], track=False, write=self.stdout.write)
            self.load_test(first, options)
            return
        results = {}
        for number, dataset in enumerate(sets, start=1):
            self.stdout.write(f"\n== Data set {number}/{len(sets)}: {dataset[0]} ==")
            results.update(self.measure_dataset(number, dataset, options))
        self.growth(results, sets, options)
        self.finish(self.environment(sets[0][1], ""), options)

    def environment(self, database, cache):
        return server_environment(self.folder, self.port, database, cache)

    def load_test(self, env, options):
        load_test(env, options, self.folder, self.port, self.stdout.write)

    def measure_dataset(self, number, dataset, options):
        """Build data set ``number`` and measure its passes; rows by (label, pass name)."""
        label, database, cache, posts = dataset
        env = self.environment(database, cache)
        build(env, posts, track=number == 1, write=self.stdout.write)
        passes = [("uncached", "false", options["connections"])]
        if GROWTH_MARK in label:
            targets = [t for t in TARGETS if t[0] in GROWTH_TARGETS]
        else:
            targets = TARGETS if number == 1 else [t for t in TARGETS if t[0] in KEY_TARGETS]
            passes.append(("cached", "true", options["cached_connections"]))
        results = {}
        for name, page_cache, connections in passes:
            pass_options = {**options, "connections": connections, "posts": posts}
            rows = measure_pass(
                env, page_cache, targets, pass_options, self.folder, self.port, self.stdout.write
            )
            results[(label, name)] = rows
            state = "on" if page_cache == "true" else "off"
            report(self.stdout.write, f"{label}, {name} (page cache {state})", rows, pass_options)
        return results

    def growth(self, results, sets, options):
        """The growth table, when a data set with more posts was measured."""
        grown = next((label for label, *_rest in sets if GROWTH_MARK in label), None)
        if grown is not None:
            base_rows = results[(sets[0][0], "uncached")]
            growth_report(self.stdout.write, base_rows, results[(grown, "uncached")], options)

    def finish(self, first, options):
        """The load test, Lighthouse and the translation overview, on the first data set."""
        if options["load_seconds"]:
            self.load_test(first, options)
        if options["lighthouse"]:
            lighthouse(first, self.port, self.stdout.write)
        self.stdout.write("")
        subprocess.run(
            [sys.executable, "manage.py", "bench_overview"],
            cwd=settings.BASE_DIR,
            # It times the overview for a signed-in administrator, not two-factor sign-in
            # (production settings would send the admin to add a device first: a 302).
            env={**first, "TWO_FACTOR_REQUIRED": "false"},
            check=True,
        )
