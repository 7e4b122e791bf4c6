"""The scheduler: a task on the background queue that publishes and unpublishes what is due, as
Wagtail's ``publish_scheduled`` command does, and queues its own next run.

One run at a time, whatever the number of workers: a run takes the scheduler's lock
(``queue.lock_scheduler``), so a second run at the same moment waits and then finds nothing left
to do; and it queues a next run only when none is pending, so the chain never doubles.
"""

import logging
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wagtail.models import DraftStateMixin, Page, Revision

from django_tasks import task

from site_core.scheduling.queue import (
    lock_scheduler,
    on_database_queue,
    pending_runs,
    prune_finished_results,
)

logger = logging.getLogger(__name__)


def scheduled_models():
    """Pages and every model with drafts (snippets): what Wagtail schedules."""
    return [Page] + [
        model
        for model in apps.get_models()
        if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]


def _each_in_a_savepoint(objects, action):
    """``action(obj)`` for each object, each in a savepoint of its own: one object that cannot be
    published (an invalid revision) is logged, and neither stops nor undoes the others."""
    done = 0
    for obj in objects:
        try:
            with transaction.atomic():
                action(obj)
            done += 1
        except Exception:
            logger.exception("Scheduled publishing failed for %r", obj)
    return done


def publish_due():
    """Unpublish what has expired and publish the revisions whose go-live time has come: the two
    steps of ``wagtail.management.commands.publish_scheduled``, with the same log actions.
    Returns how many of each it did."""
    with transaction.atomic():
        lock_scheduler()
        now = timezone.now()
        expired = [
            obj
            for model in scheduled_models()
            for obj in model.objects.filter(live=True, expire_at__lt=now).order_by("expire_at")
        ]
        unpublished = _each_in_a_savepoint(
            expired,
            lambda obj: obj.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled"),
        )
        due = Revision.objects.filter(approved_go_live_at__lt=now).order_by("approved_go_live_at")
        published = _each_in_a_savepoint(
            list(due), lambda revision: revision.publish(log_action="wagtail.publish.scheduled")
        )
    if published or unpublished:
        logger.info("Scheduled publishing: %s published, %s unpublished", published, unpublished)
    return {"published": published, "unpublished": unpublished}


def schedule_next_run(*, now=False):
    """Queues the scheduler's next run (in ``SCHEDULED_PUBLISHING_INTERVAL`` seconds, or at once
    with ``now``) unless one is pending; ``now`` also brings a pending run forward. Returns the
    queued result, or None.

    Only on the database queue: with a backend that runs tasks where they are queued, a run
    that queued the next would never end."""
    if not on_database_queue(publish_scheduled_task):
        return None
    with transaction.atomic():
        lock_scheduler()
        start = timezone.now()
        pending = pending_runs(publish_scheduled_task)
        if now:
            pending.filter(run_after__gt=start).update(run_after=start)
        if pending.exists():
            return None
        if not now:
            start += timedelta(seconds=settings.SCHEDULED_PUBLISHING_INTERVAL)
        return publish_scheduled_task.using(run_after=start).enqueue()


# Before Wagtail's own tasks (default priority 0): a backlog of search index updates does not
# delay a go-live time.
@task(priority=10)
def publish_scheduled_task():
    """Publishes what is due, then is run again in ``SCHEDULED_PUBLISHING_INTERVAL`` seconds.

    The next run is queued first: a run that fails still has a successor."""
    schedule_next_run()
    done = publish_due()
    if on_database_queue(publish_scheduled_task):
        prune_finished_results()
    return done
