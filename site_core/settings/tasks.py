"""Background tasks (Wagtail's django-tasks integration) and scheduled publishing.

Search index and reference index updates, CDN purges, file clean-up and scheduled publishing
are queued in the database (django-tasks-db) and run by the worker that `make run` and
`make serve` start beside the web server: ``manage.py run_worker`` (site_core.scheduling;
README.md, "Scheduled publishing and the background worker"). The tests run them at once.
"""

from site_core.settings import environment as env

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# How often the worker publishes and unpublishes what is due (seconds).
SCHEDULED_PUBLISHING_INTERVAL = env.SCHEDULED_PUBLISHING_INTERVAL
