"""Security headers, cookies, and what readers see when the database is down."""

from unittest import mock
from urllib.parse import urlparse

from django.conf import settings
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

import pytest

from site_core.blocks import video_embed_url
from tests.utils import soup

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/en/", "/he/", "/zh-hans/news/", "/en/events/", "/en/search/?q=vigil", "/nl/xx/"]


def policy(response, header="Content-Security-Policy"):
    directives = {}
    for part in response[header].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_have_a_strict_content_security_policy(client, url):
    csp = policy(client.get(url))
    assert csp["script-src"] == ["'self'"]  # no inline script, no eval, no other host
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["default-src"] == ["'self'"]
    every_host = {value for values in csp.values() for value in values if "://" in value}
    assert every_host == set(settings.VIDEO_PLAYER_HOSTS) == set(csp["frame-src"])
    assert not any("unsafe" in value for values in csp.values() for value in values)


def test_pages_contain_no_inline_script_the_policy_would_block(client):
    for url in [*PUBLIC_PAGES[:-1], "/en/news/man-sentenced-to-eight-more-years/"]:
        for script in soup(client.get(url)).find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", script
        html = client.get(url).content.decode()
        assert " onclick=" not in html and "javascript:" not in html and " style=" not in html


def test_the_only_third_party_frames_are_the_players_a_reader_starts():
    for url in ["https://www.youtube.com/watch?v=abc_DEF-123", "https://vimeo.com/123456"]:
        player = urlparse(video_embed_url(url))
        assert f"{player.scheme}://{player.netloc}" in settings.VIDEO_PLAYER_HOSTS


def test_a_cached_page_still_carries_the_policy(client, settings):
    settings.PAGE_CACHE_ENABLED = True
    client.get("/en/")
    hit = client.get("/en/")
    assert hit["X-Page-Cache"] == "hit"
    assert policy(hit)["script-src"] == ["'self'"]


def test_the_admin_has_its_own_policy(admin_client):
    csp = policy(admin_client.get("/admin/"))
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'self'"]  # Wagtail's previews
    assert not any(
        "://" in value and value not in settings.VIDEO_PLAYER_HOSTS
        for v in csp.values()
        for value in v
    )


@pytest.mark.parametrize("url", ["/en/", "/admin/login/", "/sitemap.xml"])
def test_security_headers(client, url):
    response = client.get(url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    features = response["Permissions-Policy"]
    for feature in ["camera=()", "microphone=()", "geolocation=()", "browsing-topics=()"]:
        assert feature in features


def test_readers_get_no_session_cookie(client):
    for url in ["/en/", "/nl/nieuws/", "/he/search/?q=רדיפה", "/en/events/ics/"]:
        response = client.get(url)
        assert settings.SESSION_COOKIE_NAME not in response.cookies, url
        assert settings.CSRF_COOKIE_NAME not in response.cookies, url
    chosen = client.get("/language/nl/?next=/nl/")
    assert list(chosen.cookies) == [settings.LANGUAGE_COOKIE_NAME]
    assert chosen.cookies[settings.LANGUAGE_COOKIE_NAME]["samesite"] == "Lax"


def test_cookies_are_secure_httponly_and_samesite_in_production():
    import subprocess
    import sys

    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, "
        "s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_HTTPONLY, s.LANGUAGE_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_SSL_REDIRECT)"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "site_core.settings.production",
            "SECRET_KEY": "x" * 60,
            "PYTHONPATH": str(settings.BASE_DIR),
        },
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    assert result.stdout.split() == ["True", "True", "Lax", "True", "True", "True", "True", "True"]


# --- the database is down ---------------------------------------------------------------------


def database_down():
    return mock.patch.object(
        BaseDatabaseWrapper, "cursor", side_effect=OperationalError("connection refused")
    )


@pytest.mark.parametrize(
    ("url", "language", "heading"),
    [("/en/news/", "en", "Back in a moment"), ("/he/", "he", None), ("/zh-hans/", "zh-Hans", None)],
)
def test_database_down_is_a_friendly_503_in_the_readers_language(url, language, heading):
    client = Client(raise_request_exception=False)
    with database_down():
        response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    html = soup(response)
    assert html.html["lang"] == language
    assert html.html["dir"] == ("rtl" if language == "he" else "ltr")
    if heading:
        assert html.h1.get_text() == heading
    else:
        assert html.h1.get_text() != "Back in a moment"  # translated
    assert "Traceback" not in response.content.decode()
    assert "connection refused" not in response.content.decode()
    assert client.get(url).status_code == 200  # back as soon as the database is


def test_cached_pages_are_still_served_while_the_database_is_down(settings):
    settings.PAGE_CACHE_ENABLED = True
    client = Client(raise_request_exception=False)
    client.get("/en/")
    with database_down():
        assert client.get("/en/").status_code == 200
        assert client.get("/en/news/").status_code == 503


# --- sign-in limits -----------------------------------------------------------------------------


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "chief-editor", "chief@example.org", "a-long-correct-password"
    )


def sign_in(username, password, address="203.0.113.7"):
    client = Client(REMOTE_ADDR=address)
    return client.post("/admin/login/", {"username": username, "password": password})


def test_guessing_a_password_is_stopped_but_the_editor_elsewhere_signs_in(editor):
    for _ in range(5):
        assert sign_in("chief-editor", "wrong-guess").status_code == 200  # the form again
    blocked = sign_in("chief-editor", "a-long-correct-password")
    assert blocked.status_code == 429
    assert 0 < int(blocked["Retry-After"]) <= 15 * 60
    assert "Too many sign-in attempts" in blocked.content.decode()
    # The real editor, at another address, is not locked out.
    assert sign_in("chief-editor", "a-long-correct-password", "198.51.100.9").status_code == 302


def test_one_address_spraying_many_accounts_is_stopped(editor):
    for number in range(30):
        sign_in(f"someone-{number}", "wrong-guess")
    assert sign_in("chief-editor", "a-long-correct-password").status_code == 429
    assert sign_in("chief-editor", "a-long-correct-password", "198.51.100.9").status_code == 302


def test_many_addresses_guessing_one_account_only_slow_it_down_for_a_minute(editor):
    for number in range(50):
        sign_in("chief-editor", "wrong-guess", f"10.0.{number // 200}.{number % 200}")
    blocked = sign_in("chief-editor", "a-long-correct-password", "198.51.100.9")
    assert blocked.status_code == 429
    assert int(blocked["Retry-After"]) <= 60


def test_a_successful_sign_in_clears_the_count(editor):
    for _ in range(4):
        sign_in("chief-editor", "wrong-guess")
    assert sign_in("chief-editor", "a-long-correct-password").status_code == 302
    for _ in range(4):
        sign_in("chief-editor", "wrong-guess")
    assert sign_in("chief-editor", "a-long-correct-password").status_code == 302


def test_addresses_behind_a_proxy_are_the_ones_the_proxy_saw(settings, editor):
    from django.test import RequestFactory

    from site_core.login_limits import client_address

    settings.PROXY_COUNT = 1
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7"
    )
    assert client_address(request) == "203.0.113.7"  # the client cannot forge the nearest hop


def test_weak_passwords_are_refused():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ["short", "password1234", "123456789012"]:
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("correct horse battery staple")


def test_error_reports_never_carry_form_bodies():
    import sys

    from django.test import RequestFactory
    from django.views.debug import ExceptionReporter

    request = RequestFactory().post(
        "/en/search/", {"message": "my home address is 12 Secret Lane", "password": "hunter2"}
    )
    try:
        raise ValueError("boom")
    except ValueError:
        report = ExceptionReporter(request, *sys.exc_info()).get_traceback_text()
    assert "Secret Lane" not in report and "hunter2" not in report
    assert "message" in report  # the field names stay, for debugging


def test_logs_never_carry_client_addresses(editor, caplog):
    """Readers' privacy: neither the access log nor Django's own log lines name an address."""
    import logging
    from pathlib import Path

    caplog.set_level(logging.DEBUG)
    address = "203.0.113.77"
    client = Client(REMOTE_ADDR=address, HTTP_X_FORWARDED_FOR=address)
    client.get("/en/no-such-page/")  # a 404 is logged
    client.get("/en/search/?q=" + "x" * 300)
    for _ in range(6):  # failures, then a 429
        client.post("/admin/login/", {"username": "chief-editor", "password": "wrong-guess"})
    assert caplog.records, "nothing was logged: the test would prove nothing"
    assert address not in caplog.text
    gunicorn = (Path(settings.BASE_DIR) / "site_core" / "gunicorn.conf.py").read_text()
    access_format = next(
        line for line in gunicorn.splitlines() if line.startswith("access_log_format")
    )
    # %(h)s is the remote address; {x-forwarded-for}i and {x-real-ip}i would be the reader's.
    for directive in ("%(h)s", "forwarded", "real-ip", "%(u)s"):
        assert directive not in access_format.lower()
