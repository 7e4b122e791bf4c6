"""The load test: many connections on the cached site, one gunicorn worker killed halfway."""

import os
import re
import subprocess
import time

from tools.bench.server import fetch, running, worker_pids
from tools.bench.targets import TARGETS
from tools.bench.wrk import latency_ms

CONNECTIONS = 64


def load_test(env, options, folder, port, write):
    """64 connections for a minute on the cached site, one worker killed halfway."""
    seconds = options["load_seconds"] or 60
    write(
        f"\nLoad test: {CONNECTIONS} connections for {seconds} s over {len(TARGETS)} pages, "
        f"page cache on, {options['workers']} workers; one worker killed after {seconds // 2} s"
    )
    script = rotation_script(folder)
    with running({**env, "PAGE_CACHE": "true"}, options["workers"], port) as (server, base):
        for _name, path in TARGETS:
            fetch(base + path)
        wrk = ["wrk", "--latency", "-t", "2", "-c", str(CONNECTIONS), "-d", f"{seconds}s"]
        load = subprocess.Popen(
            [*wrk, "-s", str(script), base + "/"], stdout=subprocess.PIPE, text=True
        )
        time.sleep(seconds / 2)
        killed = worker_pids(server.pid)[0]
        os.kill(killed, 9)
        output, _error = load.communicate(timeout=seconds + 30)
        alive = len(worker_pids(server.pid))
    write(summary(output, killed, alive))


def rotation_script(folder):
    """A wrk script (Lua) that asks for each of the measured pages in turn."""
    script = folder / "rotate.lua"
    paths = ", ".join(f'"{path}"' for _name, path in TARGETS)
    script.write_text(
        f"local paths = {{{paths}}}\nlocal n = 0\n"
        "request = function()\n  n = n + 1\n"
        "  return wrk.format(nil, paths[(n % #paths) + 1])\nend\n"
    )
    return script


def summary(output, killed, alive):
    """One line from wrk's output: requests, rate, p99, errors and the workers at the end."""
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = re.search(r"Socket errors: (.*)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p99 = latency_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    return (
        f"{requests} requests, {rps:.0f} req/s, p99 {p99:.1f} ms; "
        f"socket errors: {errors.group(1) if errors else 'none'}; "
        f"error responses: {non_2xx.group(1) if non_2xx else 0}; "
        f"killed worker {killed}, {alive} workers running at the end"
    )
