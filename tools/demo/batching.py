"""Work that every save of a page repeats, done once for the whole demo load.

A translated page is saved five times or so (copied, saved by ``save_target``, revised,
published): each save queues the same search and reference index updates of that page and
starts a new page-cache generation. Done once each, after the demo is built, the result is the
same and the load takes a fraction of the time.
"""

from contextlib import contextmanager

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks.backends.immediate import ImmediateBackend

from site_core.caching.invalidation import connect_signals
from site_core.caching.page_cache import new_generation

# The receivers site_core.caching.invalidation.connect_signals connects for changes to content.
GENERATION_RECEIVERS = [
    (post_save, "page-cache-save"),
    (post_delete, "page-cache-delete"),
    (m2m_changed, "page-cache-m2m"),
]


class RunOnceBackend(ImmediateBackend):
    """An immediate backend that holds what is queued until ``run_queued``, each distinct call
    (task, arguments) once, in the order first queued. (Wagtail's index updates read the
    object when they run, so one run at the end does the work of all.)
    """

    def __init__(self, alias, params):
        super().__init__(alias, params)
        self.queued = {}

    def _execute_task(self, task_result):
        key = (task_result.task.module_path, repr(task_result.args), repr(task_result.kwargs))
        self.queued.setdefault(key, task_result)

    def run_queued(self):
        while self.queued:
            queued, self.queued = self.queued, {}
            for task_result in queued.values():
                if still_there(task_result.args):
                    super()._execute_task(task_result)


def still_there(args):
    """False for an index update of a row deleted since it was queued (a home page's featured
    pages are written anew on each save): there is nothing left to index."""
    if len(args) != 3 or not all(isinstance(arg, str) for arg in args[:2]):
        return True
    try:
        model = apps.get_model(args[0], args[1])
    except LookupError:
        return True
    return model._base_manager.filter(pk=args[2]).exists()


@contextmanager
def tasks_run_once(alias=DEFAULT_TASK_BACKEND_ALIAS):
    """Tasks queued inside the block run when it ends without an error, each distinct one once
    (errors are recorded on the task's result, as the immediate backend does)."""
    previous = task_backends[alias]
    backend = RunOnceBackend(alias, {})
    task_backends[alias] = backend
    try:
        yield
        backend.run_queued()
    finally:
        task_backends[alias] = previous


@contextmanager
def one_cache_generation():
    """Changes inside the block start no new page-cache generation each; one starts when it
    ends (with the file cache, each would be a file written and renamed)."""
    disconnected = [signal.disconnect(dispatch_uid=uid) for signal, uid in GENERATION_RECEIVERS]
    try:
        yield
    finally:
        if any(disconnected):
            connect_signals()
        new_generation()
