"""Backup and restore: the demo site goes into a backup and comes back whole in a new database."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def manage(env, *arguments):
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def environment(folder, name):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_core.settings.dev",
        "DATABASE_URL": f"sqlite:///{folder / f'{name}.sqlite3'}",
        "MEDIA_ROOT": str(folder / f"media-{name}"),
        "DEMO_USERS_PASSWORD": "backup-test-password",
    }
    env.pop("REDIS_URL", None)
    return env


def files(folder):
    return {p.relative_to(folder) for p in folder.rglob("*") if p.is_file()}


def test_the_demo_site_round_trips_through_a_portable_backup(tmp_path):
    site = environment(tmp_path, "site")
    manage(site, "migrate", "--noinput", "-v0")
    manage(site, "load_demo", "--no-admin", "-v0")
    output = manage(site, "backup", str(tmp_path / "backup"))
    assert "Backup in" in output
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    counts = manifest["counts"]
    assert counts["pages"] > 100 and counts["revisions"] > 100 and counts["translations"] > 10

    fresh = environment(tmp_path, "fresh")
    output = manage(fresh, "restore", str(tmp_path / "backup"))
    assert "Restored in" in output  # the command compares every count with the manifest
    restored = json.loads(
        manage(
            fresh,
            "shell",
            "-c",
            "import json; from site_core.management.commands.backup import content_counts; "
            "print(json.dumps(content_counts()))",
        ).splitlines()[-1]  # after the shell's own "objects imported" line
    )
    assert restored == counts
    assert files(tmp_path / "media-fresh") >= files(tmp_path / "media-site")
    urls = ["/en/", "/nl/nieuws/", "/he/", "/zh-hans/search/?q=迫害"]
    check = (
        'from django.test import Client; c = Client(HTTP_HOST="localhost"); '
        f"print(*[c.get(u).status_code for u in {urls}])"
    )
    assert manage(fresh, "shell", "-c", check).splitlines()[-1].split() == ["200"] * 4


def test_backup_and_restore_refuse_what_would_lose_data(tmp_path):
    site = environment(tmp_path, "site")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "something").write_text("keep me")
    result = subprocess.run(
        [sys.executable, "manage.py", "backup", str(tmp_path / "full")],
        cwd=ROOT,
        env=site,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0 and "not empty" in result.stderr
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(tmp_path)],
        cwd=ROOT,
        env=site,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0 and "manifest.json" in result.stderr
