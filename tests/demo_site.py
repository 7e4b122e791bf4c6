"""A development site with the whole demo (administrator included), outside the test process:
what the browser tests serve and what the backup tests back up.

``migrate`` and ``load_demo`` in a new SQLite file take over a minute, so a test run builds the
site once (tests/shared.py: for all pytest-xdist workers), starting in the background as soon as
the collected tests show that one needs it; each user gets its own copy of the database and
the uploaded files (``copy_demo_site``).
"""

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.shared import SharedBuild

ROOT = Path(__file__).resolve().parent.parent
ADMIN_PASSWORD = "browser-test-admin-password"
USERS_PASSWORD = "browser-test-users-password"
DATABASE = "db.sqlite3"
MEDIA = "media"
# The address the site is built for; each copy names its own (copy_demo_site).
BUILD_URL = "http://127.0.0.1:8000"
FIXTURES = {"demo_site", "base_url"}
_BUILD = pytest.StashKey[SharedBuild]()


def site_environment(database, media, base_url):
    """The environment of a ``manage.py`` (development settings) for one copy of the site."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_core.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(media),
        "PYTHONUNBUFFERED": "1",
        "DEMO_ADMIN_PASSWORD": ADMIN_PASSWORD,
        "DEMO_USERS_PASSWORD": USERS_PASSWORD,
        "BASE_URL": base_url,
    }
    env.pop("REDIS_URL", None)
    return env


def build_demo_site(folder):
    env = site_environment(folder / DATABASE, folder / MEDIA, BUILD_URL)
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput", "-v0"], ["load_demo", "-v0"]):
        subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True)


def copy_demo_site(source, database, media, base_url):
    """A copy of the built site at ``database`` and ``media``, its Wagtail site answering at
    ``base_url`` (as if load_demo had run with that BASE_URL); returns its environment."""
    with (
        sqlite3.connect(f"file:{source / DATABASE}?mode=ro", uri=True) as original,
        sqlite3.connect(database) as copy,
    ):
        original.backup(copy)
        address = urlsplit(base_url)
        copy.execute(
            "UPDATE wagtailcore_site SET hostname = ?, port = ? WHERE is_default_site",
            (address.hostname, address.port),
        )
    original.close()
    copy.close()
    shutil.copytree(source / MEDIA, media)
    return site_environment(database, media, base_url)


def _demo_site_build(config):
    return SharedBuild(config._tmp_path_factory, "demo-site", build_demo_site)


def pytest_collection_finish(session):
    """Starts building the site in the background when a collected test will need it."""
    if any(FIXTURES & set(getattr(item, "fixturenames", ())) for item in session.items):
        build = _demo_site_build(session.config)
        build.start()
        session.config.stash[_BUILD] = build


@pytest.fixture(scope="session")
def demo_site(pytestconfig):
    """The folder of the built site (``db.sqlite3``, ``media``): copy it, never change it."""
    build = pytestconfig.stash.get(_BUILD, None) or _demo_site_build(pytestconfig)
    return build.folder()
