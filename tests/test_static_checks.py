"""Static checks that run with the suite: bandit finds nothing of medium or high severity, and
no secret is committed."""

import json
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
CODE = ["site_core", "home", "news", "events", "films", "manage.py"]

SECRET_PATTERNS = {
    "private key": re.compile(r"-----BEGIN (?:RSA |EC |DSA |OPENSSH )?PRIVATE KEY-----"),
    "AWS access key": re.compile(r"AKIA[0-9A-Z]{16}"),
    "GitHub token": re.compile(r"gh[pousr]_[A-Za-z0-9]{36}"),
    "Slack token": re.compile(r"xox[baprs]-[A-Za-z0-9-]{10,}"),
    "Stripe live key": re.compile(r"sk_live_[A-Za-z0-9]{16,}"),
    "DeepL key": re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:fx"),
    "URL with a password": re.compile(
        r"\w+://[^/\s:@'\"]+:(?!password@)[^/\s:@'\"{}…$]{6,}@(?![\w.]*example\.)"
    ),
    # A literal key (a generated one, "$(…)" or "${SECRET_KEY…}", is fine).
    "hard-coded secret key": re.compile(r"SECRET_KEY\s*=\s*[\"'](?![$]|(?:dev|test)-only-key)"),
}


def test_bandit_finds_nothing_of_medium_or_high_severity():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bandit",
            "--quiet",
            "--recursive",
            "--format",
            "json",
            "--severity-level",
            "medium",
            "--confidence-level",
            "medium",
            *CODE,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    report = json.loads(result.stdout)
    findings = [
        f"{r['filename']}:{r['line_number']} {r['test_id']} {r['issue_text']}"
        for r in report["results"]
    ]
    assert findings == []
    assert report["errors"] == []


def test_no_secret_is_committed():
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    found = []
    for name in tracked:
        path = ROOT / name
        if path == Path(__file__):  # its own samples, in test_the_secret_scan_would_catch_a_secret
            continue
        if path.suffix in {".png", ".jpg", ".webp", ".mo", ".gz", ".lock"} or not path.is_file():
            continue
        text = path.read_text(errors="ignore")
        for label, pattern in SECRET_PATTERNS.items():
            for match in pattern.finditer(text):
                found.append(f"{name}: {label}: {match.group(0)[:40]}")
    assert found == []


def test_the_secret_scan_would_catch_a_secret():
    samples = {
        "private key": "-----BEGIN RSA PRIVATE KEY-----",
        "AWS access key": "AKIAABCDEFGHIJKLMNOP",
        "URL with a password": "postgres://admin:s3cretpass@db.internal:5432/site",
        "hard-coded secret key": 'SECRET_KEY = "k8#2lq-real-looking-key"',
    }
    for label, sample in samples.items():
        assert SECRET_PATTERNS[label].search(sample), label
    assert not SECRET_PATTERNS["hard-coded secret key"].search('SECRET_KEY="$${SECRET_KEY:-x}"')
