"""Files under /media/ and /static/: only public images are served, whatever the path spells.

Private documents live under MEDIA_ROOT/documents/ and are served only by Wagtail's document
view, which asks a private collection's readers to sign in (issue 14).
"""

import textwrap

from django.conf import settings
from django.test import Client

import pytest
from PIL import Image as PILImage

from tests.project.utils import run_manage

pytestmark = pytest.mark.django_db


SECRET = b"SECRET board minutes"

# Every spelling of "go up one folder" a client can send: raw, percent-encoded (Django decodes the
# path once, as a WSGI server does), encoded slashes, backslashes, double encoding, a NUL byte,
# empty and absolute segments.
ESCAPES = [
    "images/../documents/secret.txt",
    "images/%2e%2e/documents/secret.txt",
    "images/%2E%2E/documents/secret.txt",
    "images/.%2e/documents/secret.txt",
    "original_images/..%2fdocuments/secret.txt",
    "original_images/..%2Fdocuments%2Fsecret.txt",
    "images/%2e%2e%2fdocuments%2fsecret.txt",
    "images/..\\documents\\secret.txt",
    "images/..%5cdocuments%5csecret.txt",
    "images/%252e%252e/documents/secret.txt",
    "images/%252e%252e%252fdocuments%252fsecret.txt",
    "images/x/../../documents/secret.txt",
    "images/./../documents/secret.txt",
    "images//../documents/secret.txt",
    "images/../../media/documents/secret.txt",
    "images/..%00/documents/secret.txt",
    "images/photo.png%00/../../documents/secret.txt",
    "images/%2fdocuments/secret.txt",
    "images//" + "{media_root}/documents/secret.txt",
    "documents/secret.txt",
    "Documents/secret.txt",
    "images%2f..%2fdocuments/secret.txt",
]


@pytest.fixture
def media_files():
    """A private document's file, a public image and a public rendition, on disk."""
    root = settings.MEDIA_ROOT
    (root / "documents").mkdir(parents=True, exist_ok=True)
    (root / "documents" / "secret.txt").write_bytes(SECRET)
    for folder in ("images", "original_images"):
        (root / folder).mkdir(parents=True, exist_ok=True)
        PILImage.new("RGB", (4, 3)).save(root / folder / "photo.png")
    yield root
    (root / "documents" / "secret.txt").unlink()


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("escape", ESCAPES)
def test_no_spelling_of_a_media_path_reaches_a_private_document(
    media_files, production_like_urls, escape
):
    # Defect: /media/images/../documents/secret.txt answered 200 with the private file: only the
    # first folder was checked, and the file was then looked up from MEDIA_ROOT.
    client = Client(raise_request_exception=False)
    response = client.get("/media/" + escape.format(media_root=str(media_files).lstrip("/")))
    assert response.status_code in (400, 404), response.status_code
    assert SECRET not in body(response)


@pytest.mark.parametrize("folder", ["images", "original_images"])
def test_public_images_are_still_served_from_media(media_files, production_like_urls, folder):
    response = Client().get(f"/media/{folder}/photo.png")
    assert response.status_code == 200
    assert body(response).startswith(b"\x89PNG")


@pytest.mark.parametrize(
    "path",
    [
        "/static/../manage.py",
        "/static/%2e%2e/manage.py",
        "/static/js/../../../manage.py",
        "/static/..%2f..%2fmanage.py",
        "/static/..\\..\\manage.py",
        "/static/%252e%252e/manage.py",
    ],
)
def test_static_files_cannot_reach_outside_their_folders(path):
    response = Client(raise_request_exception=False).get(path)
    assert response.status_code in (400, 404), response.status_code
    assert b"execute_from_command_line" not in body(response)


PROBE = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from django.conf import settings
    from django.core.exceptions import SuspiciousFileOperation
    from django.http import Http404
    from django.test import RequestFactory
    from django.urls import Resolver404, resolve
    from whitenoise.middleware import WhiteNoiseMiddleware

    root = Path(settings.MEDIA_ROOT)
    paths = json.loads(Path(root, "paths.json").read_text())
    static = WhiteNoiseMiddleware(get_response=lambda request: None)
    answers = {}
    for path in paths:
        request = RequestFactory().get(path)
        if static(request) is not None:  # whitenoise answered with a file
            answers[path] = "whitenoise"
            continue
        try:
            match = resolve(request.path_info)
        except Resolver404:
            answers[path] = "404"
            continue
        if match.url_name == "wagtail_serve":
            answers[path] = "404"  # the page tree: no file is read from disk there
            continue
        try:
            response = match.func(request, *match.args, **match.kwargs)
        except Http404:
            answers[path] = "404"
        except SuspiciousFileOperation:
            answers[path] = "400"
        except ValueError:  # a NUL byte
            answers[path] = "error"
        else:
            content = b"".join(response.streaming_content)
            answers[path] = "secret" if b"SECRET" in content else str(response.status_code)
    print(json.dumps(answers))
    """
)


def test_the_production_settings_serve_no_private_file_at_any_spelling(tmp_path):
    # The same escapes against `make serve`'s settings (site_core.settings.production with
    # SERVE_MEDIA=true), through its URLs and its whitenoise. (A subprocess: settings are read
    # once; each view is called directly, as a 404 page would need a database.)
    import json
    from urllib.parse import unquote

    media = tmp_path / "media"
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "secret.txt").write_bytes(SECRET)
    for folder in ("images", "original_images"):
        (media / folder).mkdir()
        PILImage.new("RGB", (4, 3)).save(media / folder / "photo.png")
    escapes = ["/media/" + e.format(media_root=str(media).lstrip("/")) for e in ESCAPES]
    public = ["/media/images/photo.png", "/media/original_images/photo.png"]
    # RequestFactory takes the path as a WSGI server passes it: decoded once.
    (media / "paths.json").write_text(json.dumps([unquote(p) for p in escapes + public]))
    result = run_manage(
        "shell",
        "-c",
        PROBE,
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "site_core.settings.production",
            "SECRET_KEY": "x" * 60,
            "SERVE_MEDIA": "true",
            "MEDIA_ROOT": str(media),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
            "REDIS_URL": "",
        },
    )
    assert result.returncode == 0, result.stderr[-3000:]
    answers = json.loads(result.stdout.strip().splitlines()[-1])
    for path in escapes:
        assert answers[unquote(path)] in ("400", "404", "error"), (path, answers[unquote(path)])
    for path in public:
        assert answers[path] == "200", (path, answers[path])
