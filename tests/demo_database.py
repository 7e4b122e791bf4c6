"""The test database: migrated and filled with the whole multilingual demo once per test run.

Migrating and loading the demo take about a minute. With pytest-xdist the first worker that
needs a database builds it under a file lock (tests/shared.py) and every worker, the builder
included, gets its own copy:

- PostgreSQL: the built database (``test_<name>``) is the template of each worker's
  ``test_<name>_gw0``, ``..._gw1`` (``CREATE DATABASE ... TEMPLATE``); the controller drops it
  when the run ends.
- SQLite: the test database lives in memory; the builder saves it to a file in the run's shared
  folder and each worker reads it back into its own in-memory database (SQLite's backup API).

The demo's uploaded images are copied into each worker's MEDIA_ROOT beside the database.
Without xdist the one process builds the database and uses it directly.
"""

import json
import shutil
import sqlite3

from django.conf import settings
from django.core.management import call_command
from django.db import connection

import pytest
from pytest_django.plugin import blocking_manager_key

from tests.shared import SharedBuild, exclusive, shared_folder, worker_id

SQLITE_FILE = "demo.sqlite3"
INFO_FILE = "database.json"


def _use_database(name):
    """Points the default connection at ``name`` (Django's settings and the connection's)."""
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = name
    connection.settings_dict["NAME"] = name


def create_demo_database(verbosity):
    """Django's test database with the demo loaded; returns (test name, name before)."""
    original = connection.settings_dict["NAME"]
    name = connection.creation.create_test_db(verbosity=verbosity, autoclobber=True)
    call_command("load_demo", "--no-admin", verbosity=0)
    return name, original


def build_template(folder, verbosity):
    """The shared copy: a PostgreSQL template database or a SQLite file, plus the media."""
    name, original = create_demo_database(verbosity)
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(folder / SQLITE_FILE) as target:
            connection.connection.backup(target)
        target.close()
    shutil.copytree(settings.MEDIA_ROOT, folder / "media")
    info = {"vendor": connection.vendor, "name": name, "original": original}
    (folder / INFO_FILE).write_text(json.dumps(info))
    # A template database must have no connection while it is copied.
    connection.close()


def _clone_postgresql(template, clone):
    _use_database(template)
    with connection._nodb_cursor() as cursor:
        quote = connection.ops.quote_name
        cursor.execute(f"DROP DATABASE IF EXISTS {quote(clone)}")
        cursor.execute(f"CREATE DATABASE {quote(clone)} TEMPLATE {quote(template)}")
    _use_database(clone)


def _clone_sqlite(folder, name):
    _use_database(name)
    connection.ensure_connection()
    with sqlite3.connect(f"file:{folder / SQLITE_FILE}?mode=ro", uri=True) as source:
        source.backup(connection.connection)
    source.close()


def clone_for_worker(build, worker):
    """This worker's own copy of the shared database and media; returns the name to restore."""
    folder = build.folder()
    info = json.loads((folder / INFO_FILE).read_text())
    with exclusive(build.lock):
        if info["vendor"] == "postgresql":
            _clone_postgresql(info["name"], f"{info['name']}_{worker}")
        else:
            _clone_sqlite(folder, info["name"])
    shutil.copytree(folder / "media", settings.MEDIA_ROOT, dirs_exist_ok=True)
    return info["original"]


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, tmp_path_factory):
    """Every test starts from the full multilingual demo site (and rolls back its changes)."""
    verbosity = request.config.option.verbose
    worker = worker_id()
    with django_db_blocker.unblock():
        if worker is None:
            _name, original = create_demo_database(verbosity)
        else:
            build = SharedBuild(
                tmp_path_factory, "demo-database", lambda f: build_template(f, verbosity)
            )
            original = clone_for_worker(build, worker)
    yield
    with django_db_blocker.unblock():
        connection.creation.destroy_test_db(original, verbosity=verbosity)


def pytest_sessionfinish(session):
    """The controller of an xdist run drops the PostgreSQL template its workers copied."""
    if worker_id() is not None or not hasattr(session.config, "_tmp_path_factory"):
        return
    info_path = shared_folder(session.config._tmp_path_factory) / "demo-database" / INFO_FILE
    if not info_path.exists():
        return
    info = json.loads(info_path.read_text())
    if info["vendor"] == "postgresql":
        blocker = session.config.stash[blocking_manager_key]
        with blocker.unblock(), connection._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(info['name'])}")
    info_path.unlink()
