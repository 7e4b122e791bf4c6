"""What the browser tests share: Debian's Chromium (never a downloaded browser) driven by
Playwright, against one development server with its own copy of the demo site per test run.

Test modules that use it say ``pytestmark = pytest.mark.browser`` and call
``require_chromium()`` at import time.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-results"
CHROMIUM = shutil.which("chromium")
ADMIN_PASSWORD = "browser-test-admin-password"
USERS_PASSWORD = "browser-test-users-password"


def require_chromium():
    """Skips the calling module without Chromium, except in CI, where it is an error."""
    if CHROMIUM is not None:
        return
    if os.environ.get("CI") or os.environ.get("REQUIRE_BROWSER"):
        raise RuntimeError("Chromium is required in CI: apt-get install chromium fonts-noto-cjk")
    pytest.skip(
        "Chromium is not installed: apt-get install chromium fonts-noto-cjk",
        allow_module_level=True,
    )


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def base_url(tmp_path_factory):
    """A development server on a free port, with the demo loaded into a throwaway database."""
    folder = tmp_path_factory.mktemp("browser-site")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_core.settings.dev",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "PYTHONUNBUFFERED": "1",
        "DEMO_ADMIN_PASSWORD": ADMIN_PASSWORD,
        "DEMO_USERS_PASSWORD": USERS_PASSWORD,
    }
    env.pop("REDIS_URL", None)
    port = _free_port()
    env["BASE_URL"] = f"http://127.0.0.1:{port}"
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "load_demo", "-v0"], cwd=ROOT, env=env, check=True)
    server = subprocess.Popen(
        [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/en/", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("the development server did not start")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


def csp_violations(page):
    """Collects what the Content-Security-Policy blocked on ``page`` (Chromium's console)."""
    blocked = []

    def record(message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            blocked.append(message.text)

    page.on("console", record)
    return blocked


@pytest.fixture
def page(browser):
    """A desktop-sized page; every test fails if the Content-Security-Policy blocked anything."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    blocked = csp_violations(page)
    yield page
    context.close()
    assert blocked == [], blocked
