"""The database task queue as the scheduler sees it: pending runs of a task, a lock that
serialises the scheduler across processes, and Wagtail's tasks run inline for batch commands.

Only ``django_tasks_db``'s backend keeps a queue that other processes see; with another backend
(the tests' ``ImmediateBackend``) a task runs where it is queued and nothing is pending.
"""

from contextlib import contextmanager
from datetime import timedelta

from django.db import connection
from django.utils import timezone

from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import TaskResultStatus
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

# A PostgreSQL advisory lock key of its own ("sched" in ASCII): two runs of the scheduler, in two
# workers or two servers' workers, never publish at the same time.
SCHEDULER_LOCK = 0x7363686564


def on_database_queue(task) -> bool:
    return isinstance(task.get_backend(), DatabaseBackend)


def pending_runs(task):
    """Runs of ``task`` queued and not started yet (READY), soonest first."""
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.READY,
        task_path=task.module_path,
        backend_name=task.get_backend().alias,
    ).order_by("run_after")


def lock_scheduler():
    """Inside a transaction: wait until no other process holds the scheduler's lock, then hold
    it until the transaction ends. On SQLite the transaction itself is the lock: the settings
    open every transaction IMMEDIATE, which takes the database's one write lock first."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SCHEDULER_LOCK])


@contextmanager
def tasks_run_inline(alias=DEFAULT_TASK_BACKEND_ALIAS):
    """Tasks queued inside the block (by this thread) run at once, as if no queue were set:
    for batch commands such as ``load_demo`` that save hundreds of pages and want the search
    and reference indexes complete when they end, without leaving that work to a worker."""
    previous = task_backends[alias]
    task_backends[alias] = ImmediateBackend(alias, {})
    try:
        yield
    finally:
        task_backends[alias] = previous


def prune_finished_results(now=None):
    """Forgets finished tasks: successful ones after a day (the scheduler alone leaves 1,440 a
    day), failed ones after two weeks (long enough to read their tracebacks)."""
    now = now or timezone.now()
    finished = DBTaskResult.objects.filter(finished_at__isnull=False)
    finished.filter(
        status=TaskResultStatus.SUCCESSFUL, finished_at__lt=now - timedelta(days=1)
    ).delete()
    finished.filter(
        status=TaskResultStatus.FAILED, finished_at__lt=now - timedelta(days=14)
    ).delete()
