"""Scheduled posts for the scheduling tests: due in the future, or overdue (their approved go-live
time already passed, as when no worker ran at that moment)."""

from datetime import timedelta

from django.utils import timezone

from wagtail.models import Revision

from tests.factories import NewsPageFactory, news_index

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def schedule_post(go_live_in, code=None, **fields):
    """A post never published, approved to go live ``go_live_in`` (a timedelta) from now; a
    negative one is overdue. Returns the post (not live)."""
    at = timezone.now() + go_live_in
    post = NewsPageFactory.build(live=False, **fields)
    news_index(code).add_child(instance=post)
    post.go_live_at = timezone.now() + timedelta(days=1)  # in the future, so publish() waits
    revision = post.save_revision()
    revision.publish()
    # As if approved when ``at`` was ahead (the revision's copy of the page says when, too).
    revision.content["go_live_at"] = at.isoformat()
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=at, content=revision.content)
    type(post).objects.filter(pk=post.pk).update(go_live_at=at)
    post.refresh_from_db()
    assert not post.live
    return post


def expiring_post(expired_for, code=None, **fields):
    """A live post whose expiry time passed ``expired_for`` (a timedelta) ago."""
    post = NewsPageFactory.build(**fields)
    news_index(code).add_child(instance=post)
    post.save_revision().publish()
    type(post).objects.filter(pk=post.pk).update(expire_at=timezone.now() - expired_for)
    post.refresh_from_db()
    return post
