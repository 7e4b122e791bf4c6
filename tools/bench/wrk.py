"""One measurement pass: each page, then a bare view of the same size, under wrk."""

import os
import re
import shutil
import subprocess
import uuid

from django.core.management.base import CommandError

from tools.bench.server import cpu_ticks, fetch, running


def measure_pass(env, page_cache, targets, options, folder, port, write):
    """Serve one data set with the page cache on (``"true"``) or off and measure ``targets``
    and the stylesheet; one row per page (see :func:`measure`)."""
    shutil.rmtree(folder / "cache", ignore_errors=True)
    env = {**env, "BENCH_CACHE_PREFIX": f"bench-{uuid.uuid4().hex[:12]}"}
    with running({**env, "PAGE_CACHE": page_cache}, options["workers"], port) as (server, base):
        targets = [*targets, ("static CSS file", stylesheet(base))]
        return [measure(base, name, path, options, server.pid, write) for name, path in targets]


def stylesheet(base):
    """The address of the site's hashed stylesheet, as the English home page links it."""
    html = fetch(base + "/en/").decode()
    return re.search(r'href="(/static/css/site[^"]+)"', html).group(1)


def measure(base, name, path, options, master_pid, write):
    """wrk on the page at ``path``, then on the bare view answering as many bytes.

    Both with the server's CPU milliseconds per request (``cpu_ms``).
    """
    size = len(fetch(base + path))
    write(f"  {name}: {path} ({size} bytes)")
    page = _with_cpu(master_pid, lambda: run_wrk(base + path, options))
    bare = _with_cpu(master_pid, lambda: run_wrk(f"{base}/bench/bare/{size}/", options))
    return {"name": name, "path": path, "bytes": size, "page": page, "bare": bare}


def _with_cpu(master_pid, run):
    """``run()``'s wrk result, plus the workers' CPU milliseconds per request it served."""
    ticks = os.sysconf("SC_CLK_TCK")
    before = cpu_ticks(master_pid)
    result = run()
    result["cpu_ms"] = (cpu_ticks(master_pid) - before) * 1000 / ticks / result["requests"]
    return result


def run_wrk(url, options):
    """Requests per second, p50 and p99 latency (ms) and requests served, after a warm-up."""
    for _ in range(20):  # warm up caches and renditions
        fetch(url)
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
    p50 = latency_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = latency_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    return {"rps": rps, "p50": p50, "p99": p99, "requests": requests}


def latency_ms(text):
    """A wrk latency (``812.00us``, ``3.2ms``, ``1.01s``) in milliseconds."""
    value = float(re.match(r"([\d.]+)", text).group(1))
    if text.endswith("us"):
        return value / 1000
    if text.endswith("ms"):
        return value
    if text.endswith("s"):
        return value * 1000
    return value
