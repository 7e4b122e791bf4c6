"""Scheduled publishing on the background worker, and overdue schedules shown in the admin.

Wagtail publishes a page or snippet at its go-live time (and unpublishes it at its expiry) only
when something runs its ``publish_scheduled`` logic. Here that is a task on the durable
database queue (``tasks.publish_scheduled_task``) that queues its own next run about every
``SCHEDULED_PUBLISHING_INTERVAL`` seconds; ``manage.py run_worker`` (started by `make run` and
`make serve`) runs the queue and seeds that chain. When nothing runs it, ``overdue`` finds what
should be live by now and the admin says so (``wagtail_hooks``).
"""
