"""The test databases: two kinds, built once per test run and copied for every xdist worker.

- **site** (most tests): migrated, a locale per configured language, an empty home page in every
  language (English the source, the others its wagtail-localize translations), the default site
  and the translators' roles and review workflows (``setup_roles``): a new installation before
  anyone writes a page (tests/factories/site.py). A test builds the rest with tests/factories.
- **demo** (tests marked ``demo``: the demo's own tests and the site-wide crawls): the freshly
  migrated database with the whole multilingual demo (``load_demo``).

The first worker that needs them builds both under a file lock (tests/shared.py); each worker,
the builder included, gets its own copy of each:

- PostgreSQL: the built databases are templates (``test_<name>``, ``test_<name>_demo``) of
  each worker's ``test_<name>_gw0``, ``test_<name>_demo_gw0``, ...; the controller drops the
  templates when the run ends.
- SQLite: the builder saves each to a file; a worker reads them back into two in-memory
  databases (SQLite's backup API), each held open by a connection of its own so that switching
  between them loses neither.

``TEST_DATABASES_KEEP=<folder>`` (SQLite only, for working on tests): the built files are kept
in that folder, under a name that changes with the code that builds them, and reused by later
runs, which then start in seconds.

Before each test the default connection is pointed at the test's kind (``pytest_runtest_setup``,
before any fixture opens the test's transaction); the transaction is rolled back as usual. Both
kinds are migrated alike, so content types and permissions have the same ids in each.
"""

import hashlib
import json
import os
import shutil
import sqlite3
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

import pytest
from pytest_django.plugin import blocking_manager_key

from tests.shared import SharedBuild, exclusive, shared_folder, worker_id

KINDS = ("site", "demo")
INFO_FILE = "database.json"
# The in-memory name of a worker's SQLite copy of each kind (Django's own for "site").
SQLITE_MEMORY = "file:memorydb_{}?mode=memory&cache=shared"


class Databases:
    """This process's copies: the connection name of each kind, and which one is in use."""

    names = {}
    holders = []  # SQLite: one open connection per in-memory database keeps it alive
    current = None
    wanted = "site"


def _use_database(name):
    """Points the default connection at ``name`` (Django's settings and the connection's)."""
    # Django ignores close() on an in-memory SQLite database (it would vanish); the holders
    # keep ours alive, so the connection may really close.
    BaseDatabaseWrapper.close(connection)
    settings.DATABASES[connection.alias]["NAME"] = name
    connection.settings_dict["NAME"] = name


def use(kind):
    """The default connection on this process's copy of ``kind`` ("site" or "demo"), and the
    per-process caches of database ids forgotten (the kinds share ids today; nothing makes
    them)."""
    Databases.wanted = kind
    if Databases.names and Databases.current != kind:
        _use_database(Databases.names[kind])
        Databases.current = kind
        _forget_process_caches()


def _forget_process_caches():
    # Imported here: this plugin loads before Django is set up.
    from django.contrib.contenttypes.models import ContentType

    from site_core.navigation import locale_codes

    ContentType.objects.clear_cache()
    locale_codes.cache_clear()


def _save_sqlite(path):
    connection.ensure_connection()
    with sqlite3.connect(path) as target:
        connection.connection.backup(target)
    target.close()


def _restore_sqlite(path):
    """The connection's in-memory database replaced by the one saved at ``path``."""
    connection.ensure_connection()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as source:
        source.backup(connection.connection)
    source.close()


def build_templates(folder, verbosity):
    """Both kinds, as PostgreSQL template databases or SQLite files, plus the demo's media.

    The demo is loaded into a copy of the freshly migrated database (not into the empty site:
    load_demo would keep that site's home page instead of making its own).
    """
    # Imported here: the factories import Wagtail models, which need Django set up first.
    from tests.factories.site import build_empty_site

    original = connection.settings_dict["NAME"]
    name = connection.creation.create_test_db(verbosity=verbosity, autoclobber=True)
    names = {"site": name, "demo": f"{name}_demo"}
    if connection.vendor == "sqlite":
        _save_sqlite(folder / "migrated.sqlite3")
        build_empty_site()
        _save_sqlite(folder / "site.sqlite3")
        _restore_sqlite(folder / "migrated.sqlite3")
    else:
        _copy_postgresql(name, names["demo"])
        _use_database(name)
        build_empty_site()
        _use_database(names["demo"])
    call_command("load_demo", "--no-admin", verbosity=0)
    if connection.vendor == "sqlite":
        _save_sqlite(folder / "demo.sqlite3")
        (folder / "migrated.sqlite3").unlink()
    shutil.copytree(settings.MEDIA_ROOT, folder / "media")
    info = {"vendor": connection.vendor, "names": names, "original": original}
    (folder / INFO_FILE).write_text(json.dumps(info))
    # A template database must have no connection while it is copied.
    BaseDatabaseWrapper.close(connection)


def _copy_postgresql(template, copy):
    """``copy`` made from ``template`` (which must have no other connection); the
    connection is left on ``copy``."""
    _use_database(template)
    with connection._nodb_cursor() as cursor:
        quote = connection.ops.quote_name
        cursor.execute(f"DROP DATABASE IF EXISTS {quote(copy)}")
        cursor.execute(f"CREATE DATABASE {quote(copy)} TEMPLATE {quote(template)}")
    _use_database(copy)


def _clone_sqlite(folder, kind):
    memory = SQLITE_MEMORY.format("default" if kind == "site" else kind)
    holder = sqlite3.connect(memory, uri=True, check_same_thread=False)
    with sqlite3.connect(f"file:{folder / kind}.sqlite3?mode=ro", uri=True) as source:
        source.backup(holder)
    source.close()
    Databases.holders.append(holder)
    return memory


def clone_for_worker(build, worker):
    """This worker's copy of each kind and of the media; returns the database name to restore."""
    folder = build.folder()
    info = json.loads((folder / INFO_FILE).read_text())
    with exclusive(build.lock):
        for kind in KINDS:
            template = info["names"][kind]
            if info["vendor"] == "postgresql":
                Databases.names[kind] = f"{template}_{worker}"
                _copy_postgresql(template, Databases.names[kind])
            else:
                Databases.names[kind] = _clone_sqlite(folder, kind)
    shutil.copytree(folder / "media", settings.MEDIA_ROOT, dirs_exist_ok=True)
    return info["original"]


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "demo: runs on the whole demo site (only the demo's own tests and the site-wide crawls; "
        "other tests build their data with tests/factories)",
    )


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Each test on its kind of database, chosen before its fixtures open a transaction."""
    use("demo" if item.get_closest_marker("demo") else "site")


def kept_folder():
    """Where the built SQLite files are kept between runs (TEST_DATABASES_KEEP), or None."""
    keep = os.environ.get("TEST_DATABASES_KEEP")
    if not keep or connection.vendor != "sqlite":
        return None
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    sources = [p for p in sorted(root.glob("*/**/*.py")) if ".venv" not in p.parts]
    for path in sources:
        if path.parts[len(root.parts)] != "tests" or path.parent.name == "factories":
            digest.update(path.read_bytes())
    digest.update(Path(__file__).read_bytes())
    for lock in sorted(root.glob("requirements*.lock")):
        digest.update(lock.read_bytes())
    return Path(keep) / digest.hexdigest()[:16]


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, tmp_path_factory):
    """Both kinds of database for this process; each test rolls back its changes."""
    verbosity = request.config.option.verbose
    worker = worker_id() or "main"
    with django_db_blocker.unblock():
        build = SharedBuild(
            tmp_path_factory,
            "test-databases",
            lambda f: build_templates(f, verbosity),
            base=kept_folder(),
        )
        original = clone_for_worker(build, worker)
        Databases.current = None
        use(Databases.wanted)
    yield
    with django_db_blocker.unblock():
        _drop_worker_copies(original, verbosity)


@pytest.fixture(scope="module")
def module_data(django_db_setup, django_db_blocker):
    """Data a module's tests all read, built once for the module (Django's setUpTestData):
    a module-scoped fixture calls ``module_data(builder)``, which runs ``builder()`` the first
    time, inside a transaction that stays open while the module's tests run (each test's own
    transaction is a savepoint in it) and is rolled back after the last one. Only a
    module-scoped fixture may call it (a test's own fixtures run inside the test's savepoint,
    which is rolled back after the test). Tests must not keep changes to the returned objects:
    read them again from the database."""
    built = {}
    block = transaction.atomic()
    with django_db_blocker.unblock():
        block.__enter__()

    def build(builder):
        if builder not in built:
            with django_db_blocker.unblock():
                built[builder] = builder()
        return built[builder]

    yield build
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        block.__exit__(None, None, None)


def _drop_worker_copies(original, verbosity):
    if connection.vendor == "postgresql":
        _use_database(Databases.names["demo"])
        connection.creation.destroy_test_db(original, verbosity=verbosity)
        _use_database(Databases.names["site"])
        connection.creation.destroy_test_db(original, verbosity=verbosity)
    for holder in Databases.holders:
        holder.close()
    Databases.holders.clear()


def pytest_sessionfinish(session):
    """The controller (or the only process) drops the PostgreSQL templates it copied."""
    if worker_id() is not None or not hasattr(session.config, "_tmp_path_factory"):
        return
    info_path = shared_folder(session.config._tmp_path_factory) / "test-databases" / INFO_FILE
    if not info_path.exists():
        return
    info = json.loads(info_path.read_text())
    if info["vendor"] == "postgresql":
        blocker = session.config.stash[blocking_manager_key]
        quote = connection.ops.quote_name
        with blocker.unblock(), connection._nodb_cursor() as cursor:
            for name in info["names"].values():
                cursor.execute(f"DROP DATABASE IF EXISTS {quote(name)}")
    info_path.unlink()
