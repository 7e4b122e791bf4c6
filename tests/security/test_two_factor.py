"""Two-factor sign-in (wagtail-2fa, site_core/security/two_factor.py)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client, override_settings

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import users
from tests.factories.users import PASSWORD
from tests.security.helpers import standard_page
from tests.security.utils import policy

pytestmark = pytest.mark.django_db


def signed_in(username, url="/admin/login/"):
    """A browser that has just given the user's password (no code yet)."""
    client = Client()
    response = client.post(url, {"username": username, "password": PASSWORD})
    assert response.status_code == 302, response
    return client


def code(device, drift=0):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, drift):06d}"


@pytest.fixture
def required(settings):
    settings.WAGTAIL_2FA_REQUIRED = True


MEMBERS = {"editor": users.editor, "reviewer-nl": lambda: users.reviewer("nl")}


@pytest.mark.parametrize("member", MEMBERS)
def test_editors_and_reviewers_must_add_a_device_when_two_factor_is_required(required, member):
    # Defect guarded: a password alone opened the admin.
    response = signed_in(MEMBERS[member]().username).get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/devices/new?next=/admin/pages/")


def test_a_session_from_the_private_page_sign_in_does_not_open_the_admin_either(required):
    users.editor()
    client = signed_in("editor", url="/en/_util/login/")
    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/devices/new")


def test_translators_may_but_need_not_use_two_factor(required):
    assert signed_in(users.translator("nl").username).get("/admin/").status_code == 200


def test_two_factor_is_not_asked_for_when_the_setting_is_off():
    assert not settings.WAGTAIL_2FA_REQUIRED  # development and tests: the demo stays easy
    users.editor()
    assert signed_in("editor").get("/admin/pages/").status_code == 200


def test_a_code_from_the_app_completes_the_sign_in(required):
    editor = users.editor()
    device = TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)
    client = signed_in("editor")
    asked = client.get("/admin/pages/")
    assert asked["Location"] == "/admin/2fa/auth?next=/admin/pages/"
    form = client.get(asked["Location"])
    assert form.status_code == 200
    assert 'autocomplete="one-time-code"' in form.content.decode()
    wrong = client.post("/admin/2fa/auth", {"otp_token": "000000", "next": "/admin/pages/"})
    assert wrong.status_code == 200  # asked again
    device.refresh_from_db()
    device.throttling_failure_count = 0  # django-otp slows down guessing: not what this tests
    device.throttling_failure_timestamp = None
    device.save()
    done = client.post("/admin/2fa/auth", {"otp_token": code(device), "next": "/admin/pages/"})
    assert done.status_code == 302
    assert done["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_an_editor_adds_an_authenticator_app_in_the_admin(required):
    users.editor()
    client = signed_in("editor")
    page = client.get("/admin/2fa/devices/new")
    assert page.status_code == 200
    assert policy(page)["script-src"] == ["'self'", "'unsafe-inline'"]  # the admin's policy
    html = page.content.decode()
    assert 'src="/admin/2fa/devices/qr-code"' in html
    assert "otpauth://totp/" in html
    qr = client.get("/admin/2fa/devices/qr-code")
    assert qr.status_code == 200 and qr["Content-Type"] == "image/svg+xml"
    device = TOTPDevice.objects.get(user__username="editor", confirmed=False)
    response = client.post(
        "/admin/2fa/devices/new",
        {"name": "My phone", "otp_token": code(device), "password": PASSWORD},
    )
    assert response.status_code == 302
    assert TOTPDevice.objects.get(user__username="editor", confirmed=True).name == "My phone"
    assert client.get("/admin/pages/").status_code == 200  # verified by that first code
    # The next sign-in asks for a code.
    assert signed_in("editor").get("/admin/")["Location"].startswith("/admin/2fa/auth")


def test_a_wrong_password_when_adding_a_device_counts_as_a_failed_sign_in(required):
    from axes.models import AccessAttempt

    users.editor()
    client = signed_in("editor")
    client.get("/admin/2fa/devices/new")
    response = client.post(
        "/admin/2fa/devices/new", {"name": "x", "otp_token": "123456", "password": "wrong-guess"}
    )
    assert response.status_code == 200
    assert AccessAttempt.objects.filter(username="editor").exists()


def test_a_code_from_five_minutes_ago_is_refused(required):
    editor = users.editor()
    device = TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)
    client = signed_in("editor")
    response = client.post("/admin/2fa/auth", {"otp_token": code(device, -10), "next": "/admin/"})
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_someone_with_two_devices_picks_the_one_they_hold(required):
    editor = users.editor()
    TOTPDevice.objects.create(user=editor, name="Old phone", confirmed=True)
    tablet = TOTPDevice.objects.create(user=editor, name="Tablet", confirmed=True)
    client = signed_in("editor")
    assert "Tablet" in client.get("/admin/2fa/auth").content.decode()
    done = client.post(
        "/admin/2fa/auth",
        {"otp_device": tablet.persistent_id, "otp_token": code(tablet), "next": "/admin/"},
    )
    assert done.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_an_administrator_removes_the_device_of_someone_who_lost_their_phone(django_user_model):
    editor = users.editor()
    device = TOTPDevice.objects.create(user=editor, name="Lost phone", confirmed=True)
    boss = django_user_model.objects.create_superuser(
        "boss", "boss@example.org", "boss-password-123"
    )
    client = Client()
    client.force_login(boss)
    assert f"/admin/2fa/devices/{editor.pk}" in client.get("/admin/users/").content.decode()
    assert "Lost phone" in client.get(f"/admin/2fa/devices/{editor.pk}").content.decode()
    response = client.post(f"/admin/2fa/devices/{device.pk}/remove", {"user_id": editor.pk})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
    # The translator next door may not.
    other = TOTPDevice.objects.create(user=editor, name="New phone", confirmed=True)
    translator = Client()
    translator.force_login(users.translator("nl"))
    translator.post(f"/admin/2fa/devices/{other.pk}/remove", {"user_id": editor.pk})
    assert TOTPDevice.objects.filter(pk=other.pk).exists()


def test_the_owner_is_told_when_a_device_is_added_to_their_account(required):
    # Defect guarded: whoever first had the password of an account without a device could
    # enrol their own authenticator unseen; now the owner gets an e-mail and the admin's
    # history shows it.
    from django.core import mail

    from wagtail.models import ModelLogEntry

    mail.outbox.clear()
    editor = users.editor()
    client = signed_in("editor")
    client.get("/admin/2fa/devices/new")
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    response = client.post(
        "/admin/2fa/devices/new",
        {"name": "Unknown phone", "otp_token": code(device), "password": PASSWORD},
    )
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [editor.email]
    assert "Unknown phone" in message.body
    assert "administrator" in message.body
    entry = ModelLogEntry.objects.filter(action="site_core.two_factor_device_added").get()
    assert entry.object_id == str(editor.pk) and entry.user_id == editor.pk
    assert "Unknown phone" in str(entry.data)
    history = Client()
    history.force_login(
        get_user_model().objects.create_superuser("boss", "boss@example.org", "boss-password-1")
    )
    with override_settings(WAGTAIL_2FA_REQUIRED=False):  # the boss has no device in this test
        report = history.get("/admin/reports/site-history/").content.decode()
    assert "Two-factor device “Unknown phone” added" in report


def test_an_editor_who_still_owes_a_code_can_read_the_public_site(required):
    # Defect guarded: wagtail-2fa's middleware sent them to the device setup from /en/about/.
    page = standard_page(title="About us")
    users.editor()
    client = signed_in("editor")
    response = client.get(page.url)
    assert response.status_code == 200
    assert client.get("/admin/pages/")["Location"].startswith("/admin/2fa/devices/new")


def test_a_password_without_the_code_opens_no_private_page(required):
    # Outside the admin, someone who still owes a code is an anonymous reader: a password alone
    # opens neither the admin nor a page kept for signed-in users.
    from wagtail.models import PageViewRestriction

    page = standard_page(title="Members only")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    users.editor()
    client = signed_in("editor")
    response = client.get(page.url)
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]
