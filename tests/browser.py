"""What the browser tests share: Debian's Chromium (never a downloaded browser) driven by
Playwright, against one development server per test process with its own copy of the demo site
(tests/demo_site.py).

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

import pytest

from tests.demo_site import ADMIN_PASSWORD, ROOT, USERS_PASSWORD, copy_demo_site

ARTIFACTS = ROOT / "test-results"
CHROMIUM = shutil.which("chromium")
__all__ = ["ADMIN_PASSWORD", "USERS_PASSWORD"]


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


def _wait_for(server, url, seconds=90):
    """Until the server answers (on a busy machine, with several test workers starting their
    servers at once, Django can take tens of seconds to start)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the development server stopped (exit status {server.returncode})")
        try:
            urllib.request.urlopen(f"{url}/en/", timeout=5)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the development server did not start")


@pytest.fixture(scope="session")
def base_url(demo_site, tmp_path_factory):
    """A development server on a free port, with its own copy of the demo site."""
    folder = tmp_path_factory.mktemp("browser-site")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = copy_demo_site(demo_site, folder / "db.sqlite3", folder / "media", url)
    env["SCHEDULED_PUBLISHING_INTERVAL"] = "1"  # a post scheduled in a test goes live in time
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # The background worker beside it, as `make run` starts one (search index updates,
    # scheduled publishing); it looks at the queue often, so a page just published is found.
    options = ["--interval", "0.1", "--no-startup-delay", "--parent-pid", str(os.getpid())]
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", *options],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(server, url)
        yield url
    finally:
        for process in (server, worker):
            process.terminate()
            process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this process for the rest of the session:
    # Django would then refuse every new database connection of a later test in this worker
    # ("SynchronousOnlyOperation", seen on PostgreSQL, which opens one per copied database).
    # The tests are synchronous code that only looks async to Django.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
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


def log_in(page, base_url, username="admin"):
    """Signs ``username`` of the demo team in to the admin (after signing anyone else out)."""
    page.context.clear_cookies()
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", ADMIN_PASSWORD if username == "admin" else USERS_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")
