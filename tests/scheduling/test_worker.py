"""Real worker processes on a real database: two workers (two servers' workers, one started as
`make run` and `make serve` start theirs) publish a post due while none ran and a post due two
seconds ahead, each once, leave one pending scheduler run, and stop with their server.

They need a database other processes can open: a copy of this run's empty site (a SQLite file,
or a PostgreSQL database made from the run's template; tests/databases.py), with
``SCHEDULED_PUBLISHING_INTERVAL=1``.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from django.db import connection, connections

import pytest
from django_tasks_db.models import DBTaskResult

from site_core.scheduling.retries import RACE, RETRIED_TASKS
from site_core.scheduling.tasks import publish_scheduled_task
from tests.databases import INFO_FILE, kept_folder
from tests.shared import SharedBuild, exclusive

ROOT = Path(__file__).resolve().parents[2]


def _site_build(tmp_path_factory):
    """The folder and lock of this run's built databases (tests/databases.py)."""
    return SharedBuild(tmp_path_factory, "test-databases", build=None, base=kept_folder())


def _postgresql_url(settings_dict):
    password = f":{quote(settings_dict['PASSWORD'])}" if settings_dict["PASSWORD"] else ""
    host = f"{settings_dict['HOST'] or '127.0.0.1'}:{settings_dict['PORT'] or 5432}"
    return f"postgres://{quote(settings_dict['USER'])}{password}@{host}/{settings_dict['NAME']}"


@pytest.fixture
def site_copy(tmp_path, tmp_path_factory, django_db_setup, django_db_blocker):
    """(DATABASE_URL, settings of a connection to it) of a copy of the empty site."""
    build = _site_build(tmp_path_factory)
    settings_dict = {**connection.settings_dict}
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            settings_dict["NAME"] = str(tmp_path / "db.sqlite3")
            with (
                sqlite3.connect(f"file:{build.path / 'site.sqlite3'}?mode=ro", uri=True) as built,
                sqlite3.connect(settings_dict["NAME"]) as copy,
            ):
                built.backup(copy)
            built.close()
            copy.close()
            yield f"sqlite:///{settings_dict['NAME']}", settings_dict
            return
        template = json.loads((build.path / INFO_FILE).read_text())["names"]["site"]
        settings_dict["NAME"] = f"{template}_queue_{os.getpid()}"
        quote_name = connection.ops.quote_name
        with exclusive(build.lock), connection._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quote_name(settings_dict['NAME'])}")
            cursor.execute(
                f"CREATE DATABASE {quote_name(settings_dict['NAME'])} "
                f"TEMPLATE {quote_name(template)}"
            )
        yield _postgresql_url(settings_dict), settings_dict
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quote_name(settings_dict['NAME'])} (FORCE)")


class Copy:
    """Reads the copy from the test process, on a connection of its own (a database alias for
    the test's time: django.contrib.postgres looks each new connection up by its alias)."""

    ALIAS = "queue-copy"

    def __init__(self, settings_dict):
        connections.settings[self.ALIAS] = settings_dict
        self.connection = connections[self.ALIAS]

    def close(self):
        self.connection.close()
        del connections[self.ALIAS]
        del connections.settings[self.ALIAS]

    def value(self, sql, *params):
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()[0]

    def live(self, page_id):
        return bool(self.value("SELECT live FROM wagtailcore_page WHERE id = %s", page_id))

    def scheduled_publishes(self, page_id):
        return self.value(
            "SELECT COUNT(*) FROM wagtailcore_pagelogentry WHERE page_id = %s AND action = %s",
            page_id,
            "wagtail.publish.scheduled",
        )

    def failures(self):
        """(task, exception) of each failed task."""
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT task_path, exception_class_path FROM {DBTaskResult._meta.db_table} "
                "WHERE status = 'FAILED'"
            )
            return set(cursor.fetchall())

    def pending_scheduler_runs(self):
        return self.value(
            f"SELECT COUNT(*) FROM {DBTaskResult._meta.db_table} "
            "WHERE status = 'READY' AND task_path = %s",
            publish_scheduled_task.module_path,
        )


def start(command, database_url, **options):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.scheduling.worker_settings",
        "DATABASE_URL": database_url,
        "SCHEDULED_PUBLISHING_INTERVAL": "1",
        "PYTHONUNBUFFERED": "1",
    }
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **options,
    )


def gone(pid):
    """Whether process ``pid`` has ended (a zombie nobody reaped has ended too)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1].startswith("Z")
    except (FileNotFoundError, ProcessLookupError):
        return True


def wait_until(condition, seconds):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def start_two_workers(database_url):
    """The first schedules the posts (worker_process.py), then works; the second is started as
    `make serve` starts it: the shell that started it is replaced by the server (here `cat`,
    which ends when its input is closed). Returns both processes and the second worker's id."""
    setup = "import tests.scheduling.worker_process as w; w.main()"
    first = start([sys.executable, "manage.py", "shell", "-v0", "-c", setup], database_url)
    beside_a_server = (
        f"{sys.executable} manage.py run_worker --parent-pid $$ --no-startup-delay & "
        "echo $!; exec cat"
    )
    second = start(["bash", "-c", beside_a_server], database_url, stdin=subprocess.PIPE)
    return first, second, int(second.stdout.readline())


def test_two_workers_publish_each_due_post_once_and_stop_with_their_server(
    site_copy, django_db_blocker
):
    database_url, settings_dict = site_copy
    first, second, worker = start_two_workers(database_url)
    copy = Copy(settings_dict)
    try:
        ids = json.loads(first.stdout.readline())  # the posts are scheduled
        with django_db_blocker.unblock():
            # Due two seconds after it was scheduled; the workers look every second (a busy
            # machine may take longer).
            wait_until(lambda: copy.live(ids["soon"]), seconds=10)
            assert copy.live(ids["overdue"])
            assert not copy.live(ids["later"])
            publishes = {name: copy.scheduled_publishes(page) for name, page in ids.items()}
            assert publishes == {"overdue": 1, "soon": 1, "later": 0}
            assert copy.pending_scheduler_runs() == 1
        second.stdin.close()  # its server stops: so does the worker
        wait_until(lambda: gone(worker), seconds=5)
        first.send_signal(signal.SIGTERM)  # Ctrl+C, or the service stopped
        assert first.wait(timeout=10) == 0, first.stderr.read()
        with django_db_blocker.unblock():
            # At most an index update that lost a race with the other worker (run again:
            # site_core/scheduling/retries.py).
            assert copy.failures() <= {(path, RACE) for path in RETRIED_TASKS}
    finally:
        for process in (first, second):
            if process.poll() is None:
                process.kill()
        with django_db_blocker.unblock():
            copy.close()


def test_a_worker_whose_server_ended_while_it_started_stops(site_copy):
    # Defect: Ctrl+C while `make serve` was starting stopped gunicorn before the worker watched
    # it; the worker (which ignores Ctrl+C until it is ready: a background job of the recipe's
    # shell) stayed behind for ever.
    database_url, _settings = site_copy
    shell = start(
        ["bash", "-c", f"{sys.executable} manage.py run_worker --parent-pid $$ & echo $!"],
        database_url,
    )
    worker = int(shell.stdout.readline())
    assert shell.wait(timeout=5) == 0  # the "server" has ended already
    wait_until(lambda: gone(worker), seconds=20)


def test_two_scheduler_runs_at_the_same_moment_publish_each_post_once(site_copy):
    # Runs never overlap (PostgreSQL: an advisory lock; SQLite: one writer), so the second
    # finds nothing left to publish.
    database_url, _settings = site_copy
    code = "import tests.scheduling.worker_process as w; w.race()"
    process = start([sys.executable, "manage.py", "shell", "-v0", "-c", code], database_url)
    out, errors = process.communicate(timeout=60)
    assert process.returncode == 0, errors
    assert json.loads(out) == {"runs": [0, 5], "publications": [1, 1, 1, 1, 1]}
