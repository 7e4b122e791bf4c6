"""The test settings with the database task queue: the settings of tests/scheduling/test_worker.py's
worker processes (the suite itself runs tasks at once)."""

from site_core.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
