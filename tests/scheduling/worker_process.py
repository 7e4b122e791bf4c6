"""What tests/scheduling/test_worker.py runs in processes of their own (``manage.py shell``) on
its copy of the site: the first worker (``main``) and two scheduler runs at once (``race``)."""

import json
import sys
import threading
from datetime import timedelta

from django.core.management import call_command
from django.db import connection

from wagtail.models import PageLogEntry

from site_core.scheduling.tasks import publish_due
from tests.scheduling.helpers import schedule_post

# Go-live times from now (seconds): fell due while no worker ran, due in a moment, far ahead.
POSTS = {"overdue": -60, "soon": 2, "later": 3600}


def main():
    ids = {
        name: schedule_post(timedelta(seconds=seconds), title=f"{name} post").pk
        for name, seconds in POSTS.items()
    }
    sys.stdout.write(json.dumps(ids) + "\n")
    sys.stdout.flush()
    call_command("run_worker", "--no-startup-delay")


def race(posts=5):
    """Two runs of the scheduler at the same moment, each on its own connection (two threads),
    over ``posts`` overdue posts; says how many each published and each post's publications."""
    ids = [schedule_post(timedelta(seconds=-5)).pk for _ in range(posts)]
    start = threading.Barrier(2)
    done = []

    def run():
        start.wait()
        try:
            done.append(publish_due()["published"])
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    entries = PageLogEntry.objects.filter(page_id__in=ids, action="wagtail.publish.scheduled")
    counts = [entries.filter(page_id=page).count() for page in ids]
    sys.stdout.write(json.dumps({"runs": sorted(done), "publications": counts}) + "\n")
