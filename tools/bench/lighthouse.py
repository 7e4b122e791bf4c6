"""Lighthouse (tools/lighthouse, Node) on a few pages of the benchmark's site."""

import os
import shutil
import subprocess

from django.conf import settings

from tools.bench.server import running
from tools.bench.targets import LIGHTHOUSE_PAGES


def lighthouse(env, port, write):
    """Lighthouse (mobile) on the home page, a news post and the Hebrew home, page cache on."""
    runner = settings.BASE_DIR / "tools" / "lighthouse"
    chromium = shutil.which("chromium")
    if shutil.which("node") is None or chromium is None:
        write("\nLighthouse skipped: it needs node and Chromium (make browser).")
        return
    if not (runner / "node_modules").exists():
        write("\nInstalling Lighthouse (npm ci, locked versions)")
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=runner,
            env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"},
            check=True,
        )
    write("\nLighthouse (Debian's Chromium, mobile preset, page cache on)")
    with running({**env, "PAGE_CACHE": "true", "SERVE_MEDIA": "true"}, 2, port) as (_s, base):
        subprocess.run(
            ["node", str(runner / "run.mjs"), base, *LIGHTHOUSE_PAGES],
            env={**os.environ, "CHROME_PATH": chromium},
            check=False,
        )
