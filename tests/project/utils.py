"""Running ``manage.py`` in a subprocess, under other settings or environment variables."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def run_manage(*args, env_overrides):
    """``manage.py *args`` in a subprocess with the environment changed by ``env_overrides``."""
    # (DJANGO_ALLOW_ASYNC_UNSAFE: the test process's own allowance, once a browser test has
    # run in it, tests/browser.py; production's checks rightly refuse it.)
    own = {"SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {key: value for key, value in os.environ.items() if key not in own}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def production_settings(code, **env):
    """Values printed by ``code`` under the production settings (a subprocess)."""
    result = run_manage(
        "shell",
        "-c",
        f"from django.conf import settings as s; print(repr({code}))",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "site_core.settings.production",
            "SECRET_KEY": "x" * 60,
            "REDIS_URL": "",
            "PROXY_COUNT": "0",
            **env,
        },
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]
