"""``manage.py run_worker``: the background worker of the database task queue (django-tasks-db's
``db_worker``), with the scheduled publishing chain seeded at start."""

import logging
import os
import signal
import threading
import time

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from site_core.scheduling.tasks import schedule_next_run


def stop_with_parent(parent):
    """Stops this process (as Ctrl+C would: the current task ends first) once process ``parent``,
    which started it, has ended, however it ended — even before this one was ready to watch it:
    `make run` and `make serve` start the worker beside the server, and no worker may outlive
    its server."""

    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="stop-with-parent", daemon=True).start()


class Command(DatabaseWorkerCommand):
    help = (
        "Run the background worker: the tasks queued in the database (search index, reference "
        "index, CDN purges, file clean-up) and scheduled publishing every "
        "SCHEDULED_PUBLISHING_INTERVAL seconds. Several may run at once, on one machine or many."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # Code changes need a restart of the worker (db_worker reloads when DEBUG is on, but its
        # reloader runs the worker in a child process that outlives a killed parent).
        parser.set_defaults(reload=False)
        parser.add_argument(
            "--parent-pid",
            type=int,
            help="Stop when this process, the one that started the worker, ends (make run and "
            "make serve give the server's).",
        )

    def configure_logging(self, verbosity):
        """Warnings and failed tasks always; what the scheduler did from -v1 (the default);
        every task from -v2."""
        super().configure_logging(verbosity)
        if verbosity == 1:
            logging.getLogger("django_tasks").setLevel(logging.WARNING)
            logging.getLogger("django_tasks_db").setLevel(logging.WARNING)
        if verbosity >= 1:
            logging.getLogger("site_core.scheduling").setLevel(logging.INFO)

    def handle(self, *args, **options):
        parent = options.pop("parent_pid")
        if parent:
            stop_with_parent(parent)
        # The scheduler's first run at once (publishing what fell due while no worker ran);
        # any number of workers starting together leave one pending run.
        schedule_next_run(now=True)
        super().handle(*args, **options)
