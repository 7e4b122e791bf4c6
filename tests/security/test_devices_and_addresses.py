"""Device cookies and addresses (site_core/security/{devices,addresses}.py): the owner signs
in while others block the address; addresses are counted by network and never stored or logged."""

from django.conf import settings
from django.test import Client, override_settings

import pytest

from tests.security.utils import (
    assert_refused,
    browser,
    device_cookie_of,
    sign_in,
    sign_in_with,
    spray,
)

pytestmark = pytest.mark.django_db


def test_the_owner_signs_in_with_their_device_cookie_while_someone_else_blocks_the_address(
    editor,
):
    # Defect guarded: 29 wrong passwords for made-up names from one address (behind nginx
    # without PROXY_COUNT, every visitor's) locked every account out, the owner's too.
    cookie = device_cookie_of("chief-editor", "a-long-correct-password")
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert "chief-editor" not in cookie.value  # a keyed hash of the account, signed
    spray("203.0.113.7")  # the sprayer is stopped...
    assert_refused(sign_in("chief-editor", "a-long-correct-password"))  # ...a new browser too
    for url in ["/admin/login/", "/en/_util/login/"]:
        owner = browser(device=cookie.value)
        assert (
            sign_in_with(owner, "chief-editor", "a-long-correct-password", url).status_code == 302
        )


def test_the_device_cookie_is_secure_in_production(editor, settings):
    settings.SESSION_COOKIE_SECURE = True
    assert device_cookie_of("chief-editor", "a-long-correct-password")["secure"]


def test_a_forged_or_another_accounts_device_cookie_does_not_lift_the_limits(
    editor, django_user_model
):
    django_user_model.objects.create_user("insider", password="insider-own-password")
    insiders = device_cookie_of("insider", "insider-own-password").value
    genuine = device_cookie_of("chief-editor", "a-long-correct-password", "198.51.100.9").value
    with override_settings(SECRET_KEY="test-only-key-of-another-site-0123456789abcdefghijklm"):
        other_key = device_cookie_of("chief-editor", "a-long-correct-password").value
    value, signature = genuine.rsplit(":", 1)
    tampered = f"{value}:{signature[::-1]}"
    spray("203.0.113.7")
    for cookie in [insiders, other_key, tampered, "made-up", ""]:
        attacker = browser(device=cookie)
        assert_refused(sign_in_with(attacker, "chief-editor", "a-long-correct-password"))
    # The insider's own cookie is good for the insider's own account only.
    assert (
        sign_in_with(browser(device=insiders), "insider", "insider-own-password").status_code == 302
    )


def test_failures_with_a_device_cookie_block_only_that_device(editor, django_user_model):
    cookie = device_cookie_of("chief-editor", "a-long-correct-password").value
    thief = browser(device=cookie)  # someone with the owner's browser (or a copy of its cookie)
    for _ in range(4):
        assert sign_in_with(thief, "chief-editor", "wrong-guess").status_code == 200
    assert_refused(sign_in_with(thief, "chief-editor", "wrong-guess"))
    assert_refused(sign_in_with(thief, "chief-editor", "a-long-correct-password"))
    # Neither the address nor that account from it were charged with the device's failures.
    assert sign_in("chief-editor", "a-long-correct-password").status_code == 302
    django_user_model.objects.create_user("insider", password="insider-own-password")
    for number in range(25):  # had the device's 5 failures been the address's, 30 now
        sign_in(f"made-up-{number}", "wrong-guess")
    assert sign_in("insider", "insider-own-password").status_code == 302


def test_one_ipv6_network_counts_as_one_address(editor):
    # Defect guarded: IPv6 addresses were counted one by one, and one client owns a /64
    # (2^64 addresses), so the per-address limits never applied to it.
    for number in range(29):
        sign_in(f"someone-{number}", "wrong-guess", f"2001:db8:1:2::{number + 1:x}")
    assert_refused(sign_in("someone-else", "wrong-guess", "2001:db8:1:2:ffff:ffff:ffff:ffff"))
    assert sign_in("chief-editor", "a-long-correct-password", "2001:db8:1:3::1").status_code == 302


def test_an_ipv4_address_in_ipv6_form_counts_as_the_ipv4_address():
    from django.test import RequestFactory

    from site_core.security.addresses import client_pseudonym

    def pseudonym(address):
        return client_pseudonym(RequestFactory().get("/", REMOTE_ADDR=address))

    assert pseudonym("::ffff:203.0.113.7") == pseudonym("203.0.113.7")
    assert pseudonym("203.0.113.7") != pseudonym("203.0.113.8")
    assert pseudonym("2001:db8::1") == pseudonym("2001:db8::2") != pseudonym("2001:db8:0:1::1")


def test_attempts_are_stored_without_the_readers_address(editor):
    from axes.models import AccessAttempt, AccessLog

    sign_in(" Chief-Editor ", "wrong-guess", "203.0.113.7")
    sign_in("chief-editor", "a-long-correct-password", "198.51.100.9")
    attempt = AccessAttempt.objects.get()
    assert attempt.username == "chief-editor"
    assert attempt.ip_address.startswith("fd")  # a keyed pseudonym (site_core.security.sign_in)
    assert "203.0.113.7" not in str(list(AccessAttempt.objects.values()))
    assert "wrong-guess" not in attempt.post_data
    assert not AccessLog.objects.exists()  # successful sign-ins are not recorded


def test_addresses_behind_a_proxy_are_the_ones_the_proxy_saw(settings):
    from django.test import RequestFactory

    from site_core.security.addresses import client_address, client_pseudonym

    settings.PROXY_COUNT = 1
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7"
    )
    assert client_address(request) == "203.0.113.7"  # the client cannot forge the nearest hop
    forged = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7"
    )
    assert client_pseudonym(forged) == client_pseudonym(request)


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
