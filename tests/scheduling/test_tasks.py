"""The scheduler task: publishes what is due and nothing else, unpublishes what expired, queues
exactly one next run on the database queue, and never publishes anything twice."""

from datetime import timedelta

from django.db import IntegrityError
from django.test import override_settings
from django.utils import timezone

from wagtail.models import ModelLogEntry, PageLogEntry

import pytest
from django_tasks.signals import task_finished
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult
from modelsearch.tasks import insert_or_update_object_task

from news.models import NewsCategory
from site_core.scheduling.queue import pending_runs, prune_finished_results, tasks_run_inline
from site_core.scheduling.tasks import publish_due, publish_scheduled_task, schedule_next_run
from tests.factories import NewsCategoryFactory, news_index, publish_post
from tests.scheduling.helpers import DATABASE_QUEUE, expiring_post, schedule_post

pytestmark = pytest.mark.django_db


def scheduled_publishes(page):
    return PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").count()


def test_a_due_post_is_published_and_a_future_one_is_not():
    due = schedule_post(timedelta(seconds=-5), title="Due post")
    future = schedule_post(timedelta(hours=1), title="Future post")
    assert publish_due() == {"published": 1, "unpublished": 0}
    due.refresh_from_db()
    future.refresh_from_db()
    assert due.live and due.title == "Due post"
    assert not future.live
    assert scheduled_publishes(due) == 1
    assert future.scheduled_revision is not None  # still waiting for its time


def test_an_expired_post_is_unpublished():
    post = expiring_post(timedelta(seconds=5))
    assert publish_due() == {"published": 0, "unpublished": 1}
    post.refresh_from_db()
    assert not post.live and post.expired


def test_a_scheduled_snippet_goes_live():
    category = NewsCategoryFactory(live=False, name="Scheduled category")
    category.go_live_at = timezone.now() + timedelta(days=1)
    category.save_revision().publish()
    revision = category.latest_revision
    revision.content["go_live_at"] = (timezone.now() - timedelta(seconds=1)).isoformat()
    revision.approved_go_live_at = timezone.now() - timedelta(seconds=1)
    revision.save(update_fields=["content", "approved_go_live_at"])
    publish_due()
    assert NewsCategory.objects.get(pk=category.pk).live
    assert ModelLogEntry.objects.filter(action="wagtail.publish.scheduled").count() == 1


def test_two_runs_one_after_the_other_publish_once():
    post = schedule_post(timedelta(seconds=-5))
    publish_due()
    assert publish_due() == {"published": 0, "unpublished": 0}
    assert scheduled_publishes(post) == 1


@override_settings(TASKS=DATABASE_QUEUE, SCHEDULED_PUBLISHING_INTERVAL=60)
def test_each_run_queues_exactly_one_next_run_about_an_interval_later():
    post = schedule_post(timedelta(seconds=-5))
    for _ in range(3):
        publish_scheduled_task.call()
    runs = list(pending_runs(publish_scheduled_task))
    assert len(runs) == 1
    assert timedelta(seconds=55) < runs[0].run_after - timezone.now() <= timedelta(seconds=60)
    assert runs[0].priority > 0  # before a backlog of index updates
    assert scheduled_publishes(post) == 1


@override_settings(TASKS=DATABASE_QUEUE)
def test_a_starting_worker_brings_the_pending_run_forward_without_adding_one():
    schedule_next_run()
    for _ in range(2):  # two workers start
        schedule_next_run(now=True)
    runs = list(pending_runs(publish_scheduled_task))
    assert len(runs) == 1
    assert runs[0].run_after <= timezone.now()


def test_without_the_database_queue_a_run_queues_no_next_run():
    # The tests' ImmediateBackend runs a task where it is queued: a run that queued the next
    # would recurse for ever.
    result = publish_scheduled_task.enqueue()
    assert result.return_value == {"published": 0, "unpublished": 0}
    assert not DBTaskResult.objects.exists()


@override_settings(TASKS=DATABASE_QUEUE)
def test_page_saves_queue_wagtail_tasks_except_inside_tasks_run_inline():
    publish_post(news_index())
    queued = DBTaskResult.objects.count()
    assert queued > 0  # search and reference index updates wait for the worker
    with tasks_run_inline():
        publish_post(news_index())
    assert DBTaskResult.objects.count() == queued


@override_settings(TASKS=DATABASE_QUEUE)
def test_finished_results_are_pruned_after_a_day_failed_ones_after_two_weeks():
    now = timezone.now()
    for status, age in [
        ("SUCCESSFUL", 2),
        ("SUCCESSFUL", 0),
        ("FAILED", 2),
        ("FAILED", 20),
    ]:
        result = publish_scheduled_task.using(run_after=now).enqueue()
        DBTaskResult.objects.filter(pk=result.id).update(
            status=status, finished_at=now - timedelta(days=age, minutes=1)
        )
    prune_finished_results(now)
    kept = sorted((row.status, (now - row.finished_at).days) for row in DBTaskResult.objects.all())
    assert kept == [("FAILED", 2), ("SUCCESSFUL", 0)]


def fail_index_update(error):
    """A search index update on the database queue that failed with ``error``, as the worker
    reports it (the task_finished signal)."""
    result = insert_or_update_object_task.enqueue("news", "newspage", "1")
    row = DBTaskResult.objects.get(pk=result.id)
    row.set_failed(error)
    task_finished.send(sender=DatabaseBackend, task_result=row.task_result)


@override_settings(TASKS=DATABASE_QUEUE)
def test_an_index_update_that_lost_a_race_with_another_worker_runs_once_more():
    fail_index_update(IntegrityError("UNIQUE constraint failed"))
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    fail_index_update(IntegrityError("UNIQUE constraint failed"))  # the retry failed too
    assert DBTaskResult.objects.filter(status="READY").count() == 1  # no retry of the retry
    fail_index_update(ValueError("not a race"))
    assert DBTaskResult.objects.filter(status="READY").count() == 1
