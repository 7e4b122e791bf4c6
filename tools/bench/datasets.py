"""The benchmark's data sets: their databases, the environment that serves them and the
commands that fill them."""

import os
import secrets
import subprocess
import sys
import uuid
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings

from site_core.settings import environment

GROWTH_MARK = "x the posts"  # in the label of the data set with more posts


def datasets(options, folder, write):
    """(label, database URL, Redis URL, posts) of each data set to measure, SQLite first."""
    found = [("SQLite", f"sqlite:///{folder / 'bench.sqlite3'}", "", options["posts"])]
    if options["growth"] > 1:
        found.append(
            (
                f"SQLite, {options['growth']}{GROWTH_MARK}",
                f"sqlite:///{folder / 'bench-growth.sqlite3'}",
                "",
                options["posts"] * options["growth"],
            )
        )
    postgres = environment.DATABASE_URL.startswith(("postgres://", "postgresql://"))
    redis = environment.REDIS_URL
    if postgres and redis:
        url, _source = postgres_bench_url(environment.DATABASE_URL)
        recreate_postgres(environment.DATABASE_URL, url, fresh=options["fresh"])
        found.append(("PostgreSQL + Redis", url, redis, options["posts"]))
    elif postgres or redis:
        write(
            "Set both DATABASE_URL (PostgreSQL) and REDIS_URL to also measure on PostgreSQL + "
            "Redis; measuring on SQLite only."
        )
    return found


def postgres_bench_url(url):
    """The address of a database beside DATABASE_URL's, named <name>_bench (never the same)."""
    parts = urlsplit(url)
    name = parts.path.lstrip("/") or "postgres"
    return urlunsplit(parts._replace(path=f"/{name}_bench")), name


def recreate_postgres(admin_url, url, fresh):
    """Create <name>_bench beside DATABASE_URL's database (dropped first with --fresh)."""
    # Imported here: psycopg is needed only when the benchmark runs on PostgreSQL.
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if exists and fresh:
            connection.execute(f'DROP DATABASE "{name}"')
            exists = None
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def server_environment(folder, port, database, cache):
    """The environment of the commands and servers of one data set (bench settings)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_core.settings.bench",
        "DATABASE_URL": database,
        "MEDIA_ROOT": str(folder / "media"),
        "SECRET_KEY": secrets.token_urlsafe(64),
        "SECURE_SSL_REDIRECT": "false",
        "BASE_URL": f"http://127.0.0.1:{port}",
        # Every pass starts from an empty cache: its own key prefix (nothing is flushed).
        "BENCH_CACHE_PREFIX": f"bench-{uuid.uuid4().hex[:12]}",
    }
    env.pop("REDIS_URL", None)
    if cache:
        env["REDIS_URL"] = cache
    return env


def build(env, posts, track, write):
    """Fill a data set's database: the demo, then ``posts`` posts (and events, films)."""
    manage = [sys.executable, "manage.py"]
    # Static files and translations first: publishing the demo renders pages, which need
    # the production manifest of static files.
    steps = [
        ("Compiling translations", ["compile_translations", "-v0"]),
        ("Collecting static files", ["collectstatic", "--noinput", "-v0"]),
        ("Migrating the benchmark database", ["migrate", "--noinput", "-v0"]),
        ("Loading the demo site", ["load_demo", "--no-admin", "--no-index", "-v0"]),
        (
            f"Loading {posts} posts, 200 events, 20 films x every language",
            ["load_bench_posts", "--posts", str(posts)]
            + (["--track-translations"] if track else []),
        ),
    ]
    for index, (label, arguments) in enumerate(steps, start=1):
        write(f"[{index}/{len(steps)}] {label}")
        subprocess.run([*manage, *arguments], cwd=settings.BASE_DIR, env=env, check=True)
