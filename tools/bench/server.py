"""The measured server: gunicorn on a free local port, its workers and their CPU time."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request

from django.conf import settings
from django.core.management.base import CommandError


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def children(master_pid):
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


def worker_pids(master_pid):
    """The gunicorn master's worker processes, oldest pid first."""
    return sorted(pid for pid, _utime, _stime in children(master_pid))


def cpu_ticks(master_pid):
    """User + system CPU ticks of the gunicorn master's workers."""
    return sum(utime + stime for _pid, utime, stime in children(master_pid))


def serve(env, workers, port):
    """Start gunicorn (the project's gunicorn.conf.py) with ``env`` on ``port``."""
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
            f"127.0.0.1:{port}",
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


@contextlib.contextmanager
def running(env, workers, port):
    """gunicorn serving, once its English home page answers; stopped on the way out.

    Yields the server process and its base address.
    """
    server = serve(env, workers, port)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/en/")
        yield server, base
    finally:
        server.terminate()
        server.wait(timeout=20)


def wait_for(url):
    """Wait (up to about 30 s) until ``url`` answers."""
    for _ in range(300):
        try:
            urllib.request.urlopen(url, timeout=2)  # nosec B310: http://127.0.0.1 only
            return
        except OSError:
            time.sleep(0.1)
    raise CommandError(f"gunicorn did not answer at {url}")


def fetch(url):
    """The body of ``url``, which must answer 200."""
    with urllib.request.urlopen(url, timeout=10) as response:  # nosec B310: local server
        if response.status != 200:
            raise CommandError(f"{url} answered {response.status}")
        return response.read()
