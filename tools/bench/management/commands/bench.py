"""`make bench`: throughput and latency of real pages next to a bare Django view.

Loads the demo plus --posts news posts, 200 events and 20 films in every language into a
separate SQLite database, serves it with gunicorn under production settings (DEBUG off,
whitenoise), and measures each page with wrk next to a bare view that returns the same number
of bytes, in the same run: once with the page cache off, once with it on. Then the home page and
the news index again with ten times the posts (growth), and, when DATABASE_URL names PostgreSQL
and REDIS_URL is set, the key pages on PostgreSQL + Redis.
"""

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from site_core.settings import environment

TARGETS = [
    ("home page", "/en/"),
    ("news index", "/en/news/"),
    ("news page", "/en/news/bench-post-10/"),
    ("home page (zh-hans)", "/zh-hans/"),
    ("event index", "/en/events/"),
    ("event page", "/en/events/bench-event-150/"),
    ("film index", "/en/films/"),
    ("film page", "/en/films/hard-to-believe/"),
    ("search", "/en/search/?q=persecution"),
]
GROWTH_TARGETS = ["home page", "news index"]
LIGHTHOUSE_PAGES = ["/en/", "/en/news/case-report-73-year-old-recovers/", "/he/"]
KEY_TARGETS = ["home page", "news index", "news page", "event index", "film page", "search"]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _latency_ms(text):
    value = float(re.match(r"([\d.]+)", text).group(1))
    if text.endswith("us"):
        return value / 1000
    if text.endswith("ms"):
        return value
    if text.endswith("s"):
        return value * 1000
    return value


def _children(master_pid):
    """(pid, user ticks, system ticks) of each process whose parent is ``master_pid``."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master_pid:  # ppid
            found.append((int(entry), int(fields[11]), int(fields[12])))
    return found


def _postgres_bench_url(url):
    """The address of a database beside DATABASE_URL's, named <name>_bench (never the same)."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    name = parts.path.lstrip("/") or "postgres"
    return urlunsplit(parts._replace(path=f"/{name}_bench")), name


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
        folder = settings.BASE_DIR / ".bench"
        if options["fresh"] and folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(exist_ok=True)
        self.port = _free_port()
        self.folder = folder
        postgres = environment.DATABASE_URL.startswith(("postgres://", "postgresql://"))
        redis = environment.REDIS_URL
        datasets = [("SQLite", f"sqlite:///{folder / 'bench.sqlite3'}", "", options["posts"])]
        if options["growth"] > 1:
            datasets.append(
                (
                    f"SQLite, {options['growth']}x the posts",
                    f"sqlite:///{folder / 'bench-growth.sqlite3'}",
                    "",
                    options["posts"] * options["growth"],
                )
            )
        if postgres and redis:
            url, _source = _postgres_bench_url(environment.DATABASE_URL)
            self._recreate_postgres(environment.DATABASE_URL, url, fresh=options["fresh"])
            datasets.append(("PostgreSQL + Redis", url, redis, options["posts"]))
        elif postgres or redis:
            self.stdout.write(
                "Set both DATABASE_URL (PostgreSQL) and REDIS_URL to also measure on PostgreSQL + "
                "Redis; measuring on SQLite only."
            )

        if options["load_only"]:
            datasets = datasets[:1]
        results = {}
        for number, (label, database, cache, posts) in enumerate(datasets, start=1):
            if options["load_only"]:
                break
            self.stdout.write(f"\n== Data set {number}/{len(datasets)}: {label} ==")
            env = self._environment(database, cache)
            self._build(env, posts, track=number == 1)
            if "x the posts" in label:
                targets = [t for t in TARGETS if t[0] in GROWTH_TARGETS]
                passes = [("uncached", "false", options["connections"])]
            else:
                targets = TARGETS if number == 1 else [t for t in TARGETS if t[0] in KEY_TARGETS]
                passes = [
                    ("uncached", "false", options["connections"]),
                    ("cached", "true", options["cached_connections"]),
                ]
            for name, page_cache, connections in passes:
                pass_options = {**options, "connections": connections, "posts": posts}
                rows = self._pass(env, page_cache, targets, pass_options)
                results[(label, name)] = rows
                self._report(
                    f"{label}, {name} (page cache {'on' if page_cache == 'true' else 'off'})",
                    rows,
                    pass_options,
                )
        first = self._environment(datasets[0][1], "")
        if options["load_only"]:
            self._build(first, options["posts"], track=False)
            self._load_test(first, options)
            return
        self._growth_report(results, datasets, options)
        if options["load_seconds"]:
            self._load_test(first, options)
        if options["lighthouse"]:
            self._lighthouse(first)
        self.stdout.write("")
        subprocess.run(
            [sys.executable, "manage.py", "bench_overview"],
            cwd=settings.BASE_DIR,
            # It times the overview for a signed-in administrator, not two-factor sign-in
            # (production settings would send the admin to add a device first: a 302).
            env={**first, "TWO_FACTOR_REQUIRED": "false"},
            check=True,
        )

    def _load_test(self, env, options):
        """64 connections for a minute on the cached site, one worker killed halfway."""
        seconds, connections = options["load_seconds"] or 60, 64
        self.stdout.write(
            f"\nLoad test: {connections} connections for {seconds} s over {len(TARGETS)} pages, "
            f"page cache on, {options['workers']} workers; one worker killed after {seconds // 2} s"
        )
        script = self.folder / "rotate.lua"
        paths = ", ".join(f'"{path}"' for _name, path in TARGETS)
        script.write_text(
            f"local paths = {{{paths}}}\nlocal n = 0\n"
            "request = function()\n  n = n + 1\n"
            "  return wrk.format(nil, paths[(n % #paths) + 1])\nend\n"
        )
        server = self._serve({**env, "PAGE_CACHE": "true"}, options["workers"])
        base = f"http://127.0.0.1:{self.port}"
        try:
            self._wait_for(base + "/en/")
            for _name, path in TARGETS:
                self._fetch(base + path)
            load = subprocess.Popen(
                [
                    "wrk",
                    "--latency",
                    "-t",
                    "2",
                    "-c",
                    str(connections),
                    "-d",
                    f"{seconds}s",
                    "-s",
                    str(script),
                    base + "/",
                ],
                stdout=subprocess.PIPE,
                text=True,
            )
            time.sleep(seconds / 2)
            workers = self._workers(server.pid)
            os.kill(workers[0], 9)
            output, _error = load.communicate(timeout=seconds + 30)
            alive = len(self._workers(server.pid))
        finally:
            server.terminate()
            server.wait(timeout=20)
        requests = int(re.search(r"(\d+) requests in", output).group(1))
        errors = re.search(r"Socket errors: (.*)", output)
        non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
        p99 = _latency_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
        self.stdout.write(
            f"{requests} requests, {rps:.0f} req/s, p99 {p99:.1f} ms; "
            f"socket errors: {errors.group(1) if errors else 'none'}; "
            f"error responses: {non_2xx.group(1) if non_2xx else 0}; "
            f"killed worker {workers[0]}, {alive} workers running at the end"
        )

    @staticmethod
    def _workers(master_pid):
        return sorted(pid for pid, _utime, _stime in _children(master_pid))

    def _lighthouse(self, env):
        """Lighthouse (mobile) on the home page, a news post and the Hebrew home, page cache on."""
        runner = settings.BASE_DIR / "tools" / "lighthouse"
        chromium = shutil.which("chromium")
        if shutil.which("node") is None or chromium is None:
            self.stdout.write("\nLighthouse skipped: it needs node and Chromium (make browser).")
            return
        if not (runner / "node_modules").exists():
            self.stdout.write("\nInstalling Lighthouse (npm ci, locked versions)")
            subprocess.run(
                ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                cwd=runner,
                env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"},
                check=True,
            )
        self.stdout.write("\nLighthouse (Debian's Chromium, mobile preset, page cache on)")
        server = self._serve({**env, "PAGE_CACHE": "true", "SERVE_MEDIA": "true"}, workers=2)
        base = f"http://127.0.0.1:{self.port}"
        try:
            self._wait_for(base + "/en/")
            subprocess.run(
                ["node", str(runner / "run.mjs"), base, *LIGHTHOUSE_PAGES],
                env={**os.environ, "CHROME_PATH": chromium},
                check=False,
            )
        finally:
            server.terminate()
            server.wait(timeout=20)

    def _serve(self, env, workers):
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "site_core/gunicorn.conf.py",
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
                "--access-logfile",
                "/dev/null",
                "--max-requests",
                "0",  # no worker recycling: its CPU time would be lost to the measurement
            ],
            cwd=settings.BASE_DIR,
            env=env,
        )

    def _environment(self, database, cache):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "site_core.settings.bench",
            "DATABASE_URL": database,
            "MEDIA_ROOT": str(self.folder / "media"),
            "SECRET_KEY": secrets.token_urlsafe(64),
            "SECURE_SSL_REDIRECT": "false",
            "BASE_URL": f"http://127.0.0.1:{self.port}",
            # Every pass starts from an empty cache: its own key prefix (nothing is flushed).
            "BENCH_CACHE_PREFIX": f"bench-{uuid.uuid4().hex[:12]}",
        }
        env.pop("REDIS_URL", None)
        if cache:
            env["REDIS_URL"] = cache
        return env

    def _recreate_postgres(self, admin_url, url, fresh):
        """Create <name>_bench beside DATABASE_URL's database (dropped first with --fresh)."""
        import psycopg

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(admin_url, autocommit=True) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
            if exists and fresh:
                connection.execute(f'DROP DATABASE "{name}"')
                exists = None
            if not exists:
                connection.execute(f'CREATE DATABASE "{name}"')

    def _build(self, env, posts, track):
        manage = [sys.executable, "manage.py"]
        # Static files and translations first: publishing the demo renders pages, which need
        # the production manifest of static files.
        steps = [
            ("Compiling translations", ["compile_translations", "-v0"]),
            ("Collecting static files", ["collectstatic", "--noinput", "-v0"]),
            ("Migrating the benchmark database", ["migrate", "--noinput", "-v0"]),
            ("Loading the demo site", ["load_demo", "--no-admin", "--no-index", "-v0"]),
            (
                f"Loading {posts} posts, 200 events, 20 films x every language",
                ["load_bench_posts", "--posts", str(posts)]
                + (["--track-translations"] if track else []),
            ),
        ]
        for index, (label, arguments) in enumerate(steps, start=1):
            self.stdout.write(f"[{index}/{len(steps)}] {label}")
            subprocess.run([*manage, *arguments], cwd=settings.BASE_DIR, env=env, check=True)

    def _pass(self, env, page_cache, targets, options):
        shutil.rmtree(self.folder / "cache", ignore_errors=True)
        env = {**env, "BENCH_CACHE_PREFIX": f"bench-{uuid.uuid4().hex[:12]}"}
        server = self._serve({**env, "PAGE_CACHE": page_cache}, options["workers"])
        base = f"http://127.0.0.1:{self.port}"
        try:
            self._wait_for(base + "/en/")
            targets = [*targets, ("static CSS file", self._stylesheet(base))]
            return [self._measure(base, name, path, options, server.pid) for name, path in targets]
        finally:
            server.terminate()
            server.wait(timeout=20)

    def _growth_report(self, results, datasets, options):
        growth = next((d[0] for d in datasets if "x the posts" in d[0]), None)
        if growth is None:
            return
        base = {row["name"]: row for row in results[(datasets[0][0], "uncached")]}
        grown = {row["name"]: row for row in results[(growth, "uncached")]}
        self.stdout.write("")
        self.stdout.write(
            f"Growth: server CPU ms per request, uncached, {options['posts']} posts vs "
            f"{options['posts'] * options['growth']} posts (x every language)"
        )
        header = f"{'page':<22}{'1x CPU':>9}{'grown CPU':>11}{'change':>9}"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for name in GROWTH_TARGETS:
            before, after = base[name]["page"]["cpu_ms"], grown[name]["page"]["cpu_ms"]
            self.stdout.write(
                f"{name:<22}{before:>9.2f}{after:>11.2f}{(after / before - 1) * 100:>+8.0f}%"
            )

    def _stylesheet(self, base):
        html = self._fetch(base + "/en/").decode()
        return re.search(r'href="(/static/css/site[^"]+)"', html).group(1)

    @staticmethod
    def _cpu_ticks(master_pid):
        """User + system CPU ticks of the gunicorn master's workers."""
        return sum(utime + stime for _pid, utime, stime in _children(master_pid))

    def _wait_for(self, url):
        for _ in range(300):
            try:
                urllib.request.urlopen(url, timeout=2)  # nosec B310: http://127.0.0.1 only
                return
            except OSError:
                time.sleep(0.1)
        raise CommandError(f"gunicorn did not answer at {url}")

    def _fetch(self, url):
        with urllib.request.urlopen(url, timeout=10) as response:  # nosec B310: local server
            if response.status != 200:
                raise CommandError(f"{url} answered {response.status}")
            return response.read()

    def _wrk(self, url, options):
        for _ in range(20):  # warm up caches and renditions
            self._fetch(url)
        result = subprocess.run(
            [
                "wrk",
                "--latency",
                "-t",
                "1",
                "-c",
                str(options["connections"]),
                "-d",
                f"{options['duration']}s",
                url,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        output = result.stdout
        if "Non-2xx" in output:
            raise CommandError(f"{url} gave errors under load:\n{output}")
        if "Socket errors" in output:
            raise CommandError(f"{url} gave socket errors under load:\n{output}")
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
        requests = int(re.search(r"(\d+) requests in", output).group(1))
        p50 = _latency_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
        p99 = _latency_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
        return {"rps": rps, "p50": p50, "p99": p99, "requests": requests}

    def _measure(self, base, name, path, options, master_pid):
        size = len(self._fetch(base + path))
        self.stdout.write(f"  {name}: {path} ({size} bytes)")
        ticks = os.sysconf("SC_CLK_TCK")
        before = self._cpu_ticks(master_pid)
        page = self._wrk(base + path, options)
        page["cpu_ms"] = (self._cpu_ticks(master_pid) - before) * 1000 / ticks / page["requests"]
        before = self._cpu_ticks(master_pid)
        bare = self._wrk(f"{base}/bench/bare/{size}/", options)
        bare["cpu_ms"] = (self._cpu_ticks(master_pid) - before) * 1000 / ticks / bare["requests"]
        return {"name": name, "path": path, "bytes": size, "page": page, "bare": bare}

    def _report(self, label, rows, options):
        self.stdout.write("")
        self.stdout.write(
            f"{label}: {options['workers']} gunicorn workers, wrk {options['connections']} "
            f"connections, {options['duration']} s per run, {options['posts']} posts x every "
            "language"
        )
        header = (
            f"{'page':<22}{'bytes':>8}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'CPU ms':>8}"
            f"{'bare req/s':>11}{'bare CPU':>9}{'ratio':>7}"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for row in rows:
            page, bare = row["page"], row["bare"]
            self.stdout.write(
                f"{row['name']:<22}{row['bytes']:>8}{page['rps']:>8.0f}{page['p50']:>8.1f}"
                f"{page['p99']:>8.1f}{page['cpu_ms']:>8.2f}{bare['rps']:>11.0f}"
                f"{bare['cpu_ms']:>9.2f}{page['rps'] / bare['rps']:>7.2f}"
            )
        self.stdout.write(
            "CPU ms = server (gunicorn workers) CPU time per request; ratio = page req/s ÷ bare "
            "Django view req/s (same bytes, same middleware, same run)"
        )
