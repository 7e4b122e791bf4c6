"""Starting the site: `make run` and `make serve` at once, gunicorn's settings, the root redirect.

Issue 14: two setups started together in a fresh clone crashed (one migrated while the other
did, both installed into one virtualenv); gunicorn's control socket was one path for every
server of the user; the per-reader redirect at "/" said nothing about who may keep it.
"""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.utils.cache import get_max_age

import pytest

from tests.factories import news_index

ROOT = Path(__file__).resolve().parents[2]

# Stands in for the virtualenv's python: logs each setup step's start and end (with which make
# ran it), taking long enough that two makes at once would overlap.
FAKE_PYTHON = """#!/usr/bin/env bash
echo "start $MAKE_LABEL $*" >> "$STEP_LOG"
sleep 0.4
echo "end $MAKE_LABEL $*" >> "$STEP_LOG"
"""


def make_folder(tmp_path):
    """A folder with the project's Makefile, a virtualenv whose python only logs, and
    requirements newer than the last install (so both makes want to install)."""
    folder = tmp_path / "clone"
    (folder / ".venv" / "bin").mkdir(parents=True)
    shutil.copy(ROOT / "Makefile", folder / "Makefile")
    python = folder / ".venv" / "bin" / "python"
    python.write_text(FAKE_PYTHON)
    python.chmod(0o755)
    (folder / ".venv" / ".installed").touch()
    old = time.time() - 60
    os.utime(folder / ".venv" / ".installed", (old, old))
    (folder / "requirements.lock").write_text("# pinned\n")
    return folder


def test_two_setups_at_once_run_one_after_the_other(tmp_path):
    # Defect: `make run` and `make serve` started together in a fresh clone both ran pip in one
    # virtualenv and migrate on one database at once: one crashed ("no such table").
    folder = make_folder(tmp_path)
    log = tmp_path / "steps.log"
    env = {**os.environ, "STEP_LOG": str(log), "MAKEFLAGS": ""}
    env.pop("SETUP_LOCK_HELD", None)
    makes = []
    for label in ("first", "second"):
        makes.append(
            subprocess.Popen(
                ["make", "--no-print-directory", "setup"],
                cwd=folder,
                env={**env, "MAKE_LABEL": label},
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
        )
        time.sleep(0.2)  # the first has taken the lock
    outputs = [make.communicate(timeout=120)[0] for make in makes]
    assert [make.returncode for make in makes] == [0, 0], outputs
    lines = log.read_text().splitlines()
    labels = [line.split()[1] for line in lines]
    steps = {
        label: [" ".join(line.split()[2:]) for line in lines if line.startswith(f"start {label}")]
        for label in ("first", "second")
    }
    # Every step of the first make (install, migrate, translations, demo, static files) ends
    # before any step of the second starts: never two at once.
    assert labels == sorted(labels, key=["first", "second"].index), lines
    for step in ("pip install", "migrate", "compile_translations", "load_demo", "collectstatic"):
        assert any(step in line for line in steps["first"]), (step, steps)
    # The second waited, then found the packages installed (its other steps change nothing).
    assert "Another make is setting up this folder" in outputs[1]
    assert not any("pip install" in line for line in steps["second"]), steps


def test_setup_lock_file_is_ignored_by_git():
    assert "/.setup.lock" in (ROOT / ".gitignore").read_text().splitlines()


def test_gunicorn_opens_no_control_socket_shared_with_other_servers(tmp_path):
    # Defect: gunicorn 25+ opened $HOME/.gunicorn/gunicorn.ctl, one path for every gunicorn of
    # the user: a second `make serve` took it over and stopping either removed it.
    (tmp_path / "hello.py").write_text(
        "def app(environ, start_response):\n"
        "    start_response('200 OK', [])\n"
        "    return [b'hello']\n"
    )
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "PROXY_COUNT": "0"}
    env.pop("XDG_RUNTIME_DIR", None)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "site_core/gunicorn.conf.py",
            "--bind",
            f"unix:{tmp_path / 'app.sock'}",
            "--workers",
            "1",
            "--pythonpath",
            str(tmp_path),
            "hello:app",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.time() + 30
        while time.time() < deadline and not (tmp_path / "app.sock").exists():
            time.sleep(0.1)
        assert (tmp_path / "app.sock").exists(), "gunicorn did not start"
        time.sleep(1)  # the control socket starts beside the workers
    finally:
        server.send_signal(signal.SIGTERM)
        output = server.communicate(timeout=30)[0]
    assert "Control socket listening" not in output, output
    assert not (home / ".gunicorn").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/news/", "/search/"])
def test_the_language_redirect_is_never_shared_between_readers(client, path):
    # Defect: "/" answered 302 with no Cache-Control, though where it leads depends on the
    # reader's cookie and Accept-Language: a shared cache could send everyone to one language.
    news_index("nl")
    response = client.get(path, headers={"accept-language": "nl"})
    assert response.status_code == 302
    assert response["Location"].startswith("/nl/")
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-cache"} <= cache_control
    assert get_max_age(response) in (None, 0)
    vary = {part.strip().lower() for part in response["Vary"].split(",")}
    assert {"accept-language", "cookie"} <= vary
