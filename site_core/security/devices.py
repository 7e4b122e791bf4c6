"""Device cookies (OWASP's): nobody can lock an editor out by blocking their address.

A browser that signed in to an account gets a signed, HttpOnly cookie naming a keyed hash of the
account and a random device number. An attempt at that account with it is counted as that
device's only (``trusted_device``), never against the address's limits.
"""

import secrets

from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac

from axes.helpers import get_client_username

from site_core.security.addresses import pseudonym


def _account_hash(account):
    """The keyed hash of a (normalised) account name that a device cookie holds."""
    return salted_hmac("site_core.sign_in.device", account, algorithm="sha256").hexdigest()[:32]


def _devices(request):
    """{account hash: device number} of the request's device cookie; {} if none or not genuine."""
    value = getattr(request, "COOKIES", {}).get(settings.SIGN_IN_DEVICE_COOKIE)
    if not value:
        return {}
    try:
        devices = signing.loads(
            value,
            salt="site_core.sign_in.device",
            max_age=settings.SIGN_IN_DEVICE_COOKIE_AGE,
        )
    except (signing.BadSignature, ValueError):  # forged, altered or expired
        return {}
    return devices if isinstance(devices, dict) else {}


def trusted_device(request, credentials=None):
    """The pseudonym of the device this attempt comes from, if its cookie names this account.

    None when the request carries no genuine device cookie for the account tried (another
    account's cookie does not count): the attempt then meets the address's limits.
    """
    if request is None:
        return None
    account = get_client_username(request, credentials)
    number = _devices(request).get(_account_hash(account)) if account else None
    return pseudonym(f"device {number}") if isinstance(number, str) else None


def remember_device(request, response):
    """After a sign-in: the browser's device cookie names the account (kept with up to 4 more)."""
    account = getattr(request, "sign_in_account", None)
    if not account:
        return
    devices = _devices(request)
    key = _account_hash(account)
    number = devices.pop(key, None) or secrets.token_urlsafe(16)
    devices = dict(list(devices.items())[-4:])  # a shared computer: its last five accounts
    devices[key] = number
    response.set_cookie(
        settings.SIGN_IN_DEVICE_COOKIE,
        signing.dumps(devices, salt="site_core.sign_in.device"),  # signed, dated, URL-safe
        max_age=settings.SIGN_IN_DEVICE_COOKIE_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


class DeviceCookieMiddleware:
    """Gives a browser that has just signed in its device cookie (``remember_device``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        remember_device(request, response)
        return response
