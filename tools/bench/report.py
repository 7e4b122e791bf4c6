"""The benchmark's tables: each pass's pages next to the bare view, and the growth in CPU."""

from tools.bench.targets import GROWTH_TARGETS


def report(write, label, rows, options):
    """One pass: rate, latency and server CPU of each page and of its bare view, and the ratio."""
    write("")
    write(
        f"{label}: {options['workers']} gunicorn workers, wrk {options['connections']} "
        f"connections, {options['duration']} s per run, {options['posts']} posts x every "
        "language"
    )
    header = (
        f"{'page':<22}{'bytes':>8}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'CPU ms':>8}"
        f"{'bare req/s':>11}{'bare CPU':>9}{'ratio':>7}"
    )
    write(header)
    write("-" * len(header))
    for row in rows:
        page, bare = row["page"], row["bare"]
        write(
            f"{row['name']:<22}{row['bytes']:>8}{page['rps']:>8.0f}{page['p50']:>8.1f}"
            f"{page['p99']:>8.1f}{page['cpu_ms']:>8.2f}{bare['rps']:>11.0f}"
            f"{bare['cpu_ms']:>9.2f}{page['rps'] / bare['rps']:>7.2f}"
        )
    write(
        "CPU ms = server (gunicorn workers) CPU time per request; ratio = page req/s ÷ bare "
        "Django view req/s (same bytes, same middleware, same run)"
    )


def growth_report(write, base_rows, grown_rows, options):
    """Server CPU per request of the growth pages, uncached, before and after more posts."""
    base = {row["name"]: row for row in base_rows}
    grown = {row["name"]: row for row in grown_rows}
    write("")
    write(
        f"Growth: server CPU ms per request, uncached, {options['posts']} posts vs "
        f"{options['posts'] * options['growth']} posts (x every language)"
    )
    header = f"{'page':<22}{'1x CPU':>9}{'grown CPU':>11}{'change':>9}"
    write(header)
    write("-" * len(header))
    for name in GROWTH_TARGETS:
        before, after = base[name]["page"]["cpu_ms"], grown[name]["page"]["cpu_ms"]
        write(f"{name:<22}{before:>9.2f}{after:>11.2f}{(after / before - 1) * 100:>+8.0f}%")
