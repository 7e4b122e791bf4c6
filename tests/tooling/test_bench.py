"""The benchmark's parts that need no server: wrk's output read, tables, data sets."""

from pathlib import Path

from site_core.settings import environment
from tools.bench.datasets import GROWTH_MARK, datasets, postgres_bench_url, server_environment
from tools.bench.load import summary
from tools.bench.report import growth_report, report
from tools.bench.wrk import latency_ms

WRK_OUTPUT = """Running 30s test @ http://127.0.0.1:8123/
  2 threads and 64 connections
  Latency Distribution
     50%    1.20ms
     75%    2.00ms
     90%    3.00ms
     99%   15.50ms
  48210 requests in 30.01s, 1.20GB read
  Socket errors: connect 0, read 3, write 0, timeout 0
Requests/sec:   1606.43
Transfer/sec:     40.95MB
"""


def row(name, rps, cpu_ms, bare_rps=2000.0):
    timing = {"rps": rps, "p50": 1.0, "p99": 9.0, "requests": 100, "cpu_ms": cpu_ms}
    bare = {"rps": bare_rps, "p50": 0.5, "p99": 2.0, "requests": 100, "cpu_ms": 0.5}
    return {"name": name, "path": "/en/", "bytes": 1234, "page": timing, "bare": bare}


def test_wrk_latencies_read_in_milliseconds():
    assert latency_ms("812.00us") == 0.812
    assert latency_ms("3.20ms") == 3.2
    assert latency_ms("1.01s") == 1010.0


def test_load_test_summary_reads_requests_rate_p99_and_errors():
    line = summary(WRK_OUTPUT, killed=4242, alive=2)
    assert line == (
        "48210 requests, 1606 req/s, p99 15.5 ms; "
        "socket errors: connect 0, read 3, write 0, timeout 0; error responses: 0; "
        "killed worker 4242, 2 workers running at the end"
    )


def test_report_gives_each_page_its_ratio_to_the_bare_view():
    lines = []
    options = {"workers": 2, "connections": 8, "duration": 5, "posts": 50}
    rows = [row("home page", 500.0, 4.0)]
    report(lines.append, "SQLite, uncached (page cache off)", rows, options)
    assert lines[1].startswith("SQLite, uncached (page cache off): 2 gunicorn workers, wrk 8")
    assert lines[4].startswith("home page") and lines[4].endswith("   0.25")
    assert lines[-1].startswith("CPU ms = server (gunicorn workers) CPU time per request")


def test_growth_report_gives_the_change_in_cpu():
    lines = []
    base = [row("home page", 500.0, 4.0), row("news index", 400.0, 5.0)]
    grown = [row("home page", 450.0, 5.0), row("news index", 300.0, 10.0)]
    growth_report(lines.append, base, grown, {"posts": 50, "growth": 10})
    assert "50 posts vs 500 posts" in lines[1]
    assert lines[4].split()[-1] == "+25%" and lines[5].split()[-1] == "+100%"


def test_data_sets_sqlite_then_growth(tmp_path, monkeypatch):
    # Neither PostgreSQL nor Redis configured: nothing is created beside a real database.
    monkeypatch.setattr(environment, "DATABASE_URL", "sqlite:///db.sqlite3")
    monkeypatch.setattr(environment, "REDIS_URL", "")
    options = {"posts": 50, "growth": 3, "fresh": False}
    found = datasets(options, Path(tmp_path), print)
    assert [(label, posts) for label, _db, _cache, posts in found[:2]] == [
        ("SQLite", 50),
        (f"SQLite, 3{GROWTH_MARK}", 150),
    ]
    no_growth = datasets({**options, "growth": 1}, Path(tmp_path), print)
    assert [label for label, *_rest in no_growth if GROWTH_MARK in label] == []


def test_postgres_bench_database_is_never_the_configured_one():
    url, name = postgres_bench_url("postgres://user@db:5432/site")
    assert (url, name) == ("postgres://user@db:5432/site_bench", "site")


def test_served_data_sets_use_the_bench_settings(tmp_path):
    env = server_environment(Path(tmp_path), 8123, "sqlite:///x.sqlite3", "")
    assert env["DJANGO_SETTINGS_MODULE"] == "site_core.settings.bench"
    assert env["BASE_URL"] == "http://127.0.0.1:8123"
    assert "REDIS_URL" not in env
    assert server_environment(Path(tmp_path), 1, "x", "redis://r")["REDIS_URL"] == "redis://r"
