"""The first worker of tests/scheduling/test_worker.py, in its own process (``manage.py shell``):
schedules the posts, says their ids, then works as ``manage.py run_worker`` does."""

import json
import sys
from datetime import timedelta

from django.core.management import call_command

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
