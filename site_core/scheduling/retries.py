"""Index updates that lost a race with another worker run once more.

Two workers (two servers on one database) may run two updates of one object's search or
reference index at the same moment: both find no entry and both add one, and the second fails
on the unique constraint (``IntegrityError``), possibly having read a newer version of the
object than the first. These tasks only make an index match the object as it is now, so running
one again is safe: it is queued once more, a second later, unless it already failed within the
last minute (an error that stays is left for people to read, not retried for ever).
"""

from datetime import timedelta

from django.dispatch import receiver
from django.utils import timezone

from django_tasks.base import TaskResultStatus
from django_tasks.signals import task_finished
from django_tasks_db.models import DBTaskResult

from site_core.scheduling.queue import on_database_queue

RETRIED_TASKS = {
    "modelsearch.tasks.insert_or_update_object_task",
    "wagtail.tasks.update_reference_index_task",
}
RACE = "django.db.utils.IntegrityError"


def lost_a_race(task_result):
    return (
        task_result.status == TaskResultStatus.FAILED
        and task_result.task.module_path in RETRIED_TASKS
        and any(error.exception_class_path == RACE for error in task_result.errors)
        and on_database_queue(task_result.task)
    )


@receiver(task_finished)
def retry_index_update_that_lost_a_race(sender, task_result, **kwargs):
    if not lost_a_race(task_result):
        return
    now = timezone.now()
    failed_before = DBTaskResult.objects.filter(
        task_path=task_result.task.module_path,
        status=TaskResultStatus.FAILED,
        args_kwargs={"args": list(task_result.args), "kwargs": task_result.kwargs},
        finished_at__gte=now - timedelta(minutes=1),
    ).exclude(pk=task_result.id)
    if not failed_before.exists():
        task_result.task.using(run_after=now + timedelta(seconds=1)).enqueue(
            *task_result.args, **task_result.kwargs
        )
