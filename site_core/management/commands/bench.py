"""`make bench`: throughput and latency of real pages next to a bare Django view.

Loads the demo plus --posts news posts in every language into a separate SQLite database, serves
it with gunicorn under production settings (DEBUG off, whitenoise), and measures each page with
wrk next to a bare view that returns the same number of bytes, in the same run.
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

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

TARGETS = [
    ("home page", "/en/"),
    ("news index", "/en/news/"),
    ("news page", "/en/news/bench-post-10/"),
    ("home page (zh-hans)", "/zh-hans/"),
    ("event index", "/en/events/"),
    ("film index", "/en/films/"),
    ("film page", "/en/films/hard-to-believe/"),
    ("search", "/en/search/?q=persecution"),
]


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
        parser.add_argument("--fresh", action="store_true", help="rebuild the benchmark database")

    def handle(self, *args, **options):
        if shutil.which("wrk") is None:
            raise CommandError("wrk is not installed: apt-get install wrk (make bench does this).")
        folder = settings.BASE_DIR / ".bench"
        database = folder / "bench.sqlite3"
        if options["fresh"] and folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(exist_ok=True)
        port = _free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "site_core.settings.bench",
            "DATABASE_URL": f"sqlite:///{database}",
            "MEDIA_ROOT": str(folder / "media"),
            "SECRET_KEY": secrets.token_urlsafe(64),
            "SECURE_SSL_REDIRECT": "false",
            "BASE_URL": f"http://127.0.0.1:{port}",
        }
        env.pop("REDIS_URL", None)
        manage = [sys.executable, "manage.py"]
        steps = [
            ("Migrating the benchmark database", ["migrate", "--noinput", "-v0"]),
            ("Loading the demo site", ["load_demo", "--no-admin", "--no-index", "-v0"]),
            (
                f"Loading {options['posts']} posts x every language",
                ["load_bench_posts", "--posts", str(options["posts"])],
            ),
            ("Compiling translations", ["compile_translations", "-v0"]),
            ("Collecting static files", ["collectstatic", "--noinput", "-v0"]),
        ]
        for index, (label, arguments) in enumerate(steps, start=1):
            self.stdout.write(f"[{index}/{len(steps) + 1}] {label}")
            subprocess.run([*manage, *arguments], cwd=settings.BASE_DIR, env=env, check=True)

        self.stdout.write(f"[{len(steps) + 1}/{len(steps) + 1}] Measuring with gunicorn + wrk")
        passes = [
            ("uncached (page cache off)", "false", options["connections"]),
            ("cached (page cache on)", "true", options["cached_connections"]),
        ]
        for label, page_cache, connections in passes:
            shutil.rmtree(folder / "cache", ignore_errors=True)
            server = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "-c",
                    "site_core/gunicorn.conf.py",
                    "--workers",
                    str(options["workers"]),
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--log-level",
                    "warning",
                    "--access-logfile",
                    "/dev/null",
                    "--max-requests",
                    "0",  # no worker recycling: its CPU time would be lost to the measurement
                ],
                cwd=settings.BASE_DIR,
                env={**env, "PAGE_CACHE": page_cache},
            )
            base = f"http://127.0.0.1:{port}"
            try:
                self._wait_for(base + "/en/")
                pass_options = {**options, "connections": connections}
                targets = [*TARGETS, ("static CSS file", self._stylesheet(base))]
                rows = [
                    self._measure(base, name, path, pass_options, server.pid)
                    for name, path in targets
                ]
            finally:
                server.terminate()
                server.wait(timeout=20)
            self._report(label, rows, pass_options)
        self.stdout.write("")
        subprocess.run([*manage, "bench_overview"], cwd=settings.BASE_DIR, env=env, check=True)

    def _stylesheet(self, base):
        html = self._fetch(base + "/en/").decode()
        return re.search(r'href="(/static/css/site[^"]+)"', html).group(1)

    @staticmethod
    def _cpu_ticks(master_pid):
        """User + system CPU ticks of the gunicorn master's workers."""
        total = 0
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == master_pid:  # ppid
                total += int(fields[11]) + int(fields[12])  # utime + stime
        return total

    def _wait_for(self, url):
        for _ in range(300):
            try:
                urllib.request.urlopen(url, timeout=2)
                return
            except OSError:
                time.sleep(0.1)
        raise CommandError(f"gunicorn did not answer at {url}")

    def _fetch(self, url):
        with urllib.request.urlopen(url, timeout=10) as response:
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
            "language, SQLite"
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
