"""Expensive things a test run builds once and every pytest-xdist worker shares (the demo
database, the browser tests' demo site): the first worker that asks builds it under a file
lock, the others wait for it and copy it.

Without xdist the single process builds it, as before.
"""

import fcntl
import os
import shutil
import threading
from contextlib import contextmanager, suppress
from pathlib import Path

DONE = ".done"


def worker_id():
    """``gw0``, ``gw1``, ... in a pytest-xdist worker; None without xdist."""
    return os.environ.get("PYTEST_XDIST_WORKER")


def shared_folder(tmp_path_factory):
    """The run's base temporary folder: xdist gives each worker a folder inside it."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if worker_id() else base


@contextmanager
def exclusive(lock_path, blocking=True):
    """A lock on ``lock_path`` across processes (and threads: one open file each); yields
    whether it was taken (always True when ``blocking``)."""
    with open(lock_path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class SharedBuild:
    """``build(folder)`` runs once per test run into ``<shared folder>/<name>``.

    ``folder()`` waits for it (building it when nobody has); ``start()`` begins it in a
    background thread of this worker when nobody has, so that it is ready (or nearly) when the
    first test needs it. A failed build leaves no ``.done``: the next caller builds again and
    sees the error itself.
    """

    def __init__(self, tmp_path_factory, name, build, base=None):
        shared = Path(base) if base else shared_folder(tmp_path_factory)
        shared.mkdir(parents=True, exist_ok=True)
        self.path = shared / name
        self.lock = shared / f"{name}.lock"
        self.build = build
        self.thread = None

    def _build_unless_done(self):
        if (self.path / DONE).exists():
            return
        shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True)
        self.build(self.path)
        (self.path / DONE).touch()

    def start(self):
        """Builds in a background thread when no other worker has taken the build."""
        claimed = threading.Event()

        def run():
            with exclusive(self.lock, blocking=False) as taken:
                claimed.set()
                # A failure shows where folder() builds again and meets it.
                if taken:
                    with suppress(Exception):
                        self._build_unless_done()

        self.thread = threading.Thread(target=run, name=f"build-{self.path.name}", daemon=True)
        self.thread.start()
        claimed.wait()

    def folder(self):
        with exclusive(self.lock):
            self._build_unless_done()
        return Path(self.path)
