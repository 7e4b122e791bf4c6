"""Sign-in limits on top of django-axes: every password check counts, nobody can be locked out.

django-axes counts every failed ``authenticate()`` (Django's ``user_login_failed`` signal), from
whichever view: the admin's sign-in, Wagtail's sign-in for private pages (one per language), the
password asked for when adding a two-factor device. The guesses at a password-protected page's
password (``authenticate_with_password``) and at the old password in the admin's change-password
form (``PasswordChangeForm``) count too. Over ``AXES_COOLOFF_TIME`` (15 min):

- one account from one address: ``SIGN_IN_FAILURE_LIMITS[0]`` failures block that pair (only
  the person guessing is stopped: the editor, from their own address, signs in as usual);
- one address, any account: ``SIGN_IN_FAILURE_LIMITS[1]`` failures block the address (password
  spraying). An IPv6 address counts as its /64 network, which one client usually holds whole.

There is no limit for one account from any address: that would let anyone lock an editor out.
Nor can anyone lock an editor out by blocking their address (a shared office, or everybody
behind a proxy): a browser that signed in to an account gets a device cookie (OWASP's "device
cookies": signed, HttpOnly, naming a keyed hash of the account and a random device number), and
an attempt at that account with it meets only its own limit, ``SIGN_IN_DEVICE_FAILURE_LIMIT``
failures of that device, never the address's limits. A botnet guessing one account's password
gets a few guesses per address, each slowed by the password hasher, and the password alone does
not open the admin where two-factor sign-in is required.

Accounts are counted by the name the authentication backend would find (``account_key``), and
addresses and devices are stored only as keyed pseudonyms (``client_pseudonym``): the attempts
table and the logs never hold a reader's address.
"""

import hashlib
import hmac
import ipaddress
import secrets
import unicodedata
from contextlib import contextmanager

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.signals import user_login_failed
from django.core import checks, signing
from django.db.models import Sum
from django.http import HttpResponse
from django.template import loader
from django.utils.crypto import salted_hmac

from wagtail import views as wagtail_views
from wagtail.admin.forms.auth import PasswordChangeForm as WagtailPasswordChangeForm
from wagtail.admin.views import account as wagtail_account

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt


def client_address(request):
    """The reader's address; behind PROXY_COUNT proxies, the one the nearest proxy saw."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "PROXY_COUNT", 0)
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    return address


def counted_address(address):
    """The address as it is counted: an IPv6 address by its /64 network, IPv4 as it is.

    One IPv6 client (a home line, a cloud server) is given a whole /64: counted address by
    address, it would have 2^64 fresh counters. An IPv4 address written as IPv6
    (``::ffff:203.0.113.7``) is that IPv4 address. Not an address: "".
    """
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return ""
    if ip.version == 6 and ip.ipv4_mapped:
        return str(ip.ipv4_mapped)
    if ip.version == 6:
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


def _pseudonym(text):
    """A keyed hash of ``text``, shaped as an address in the private fd00::/8 range."""
    digest = hmac.new(settings.SECRET_KEY.encode(), text.encode(), hashlib.sha256).digest()
    return str(ipaddress.IPv6Address(b"\xfd" + digest[:15]))


def client_pseudonym(request):
    """The reader's address as axes stores and counts it: a keyed hash, shaped as an address.

    The same address (IPv6: the same /64) always gives the same pseudonym, so it is counted, but
    the attempts table and the logs cannot be turned back into the address. It is an IPv6
    address in the private fd00::/8 range because axes keeps addresses in an address column
    (``inet`` on PostgreSQL). Requests without a usable address share one counter.
    """
    return _pseudonym(counted_address(client_address(request)))


def normalise_account(name):
    """An account name as the sign-in form and backend would match it, for counting.

    The form strips spaces and applies Unicode NFKC ("ｅｄｉｔｏｒ" is "editor"); case is folded as
    well, so that every spelling that could reach one account (on any database) shares its
    counter. Cut to the username column's length.
    """
    if name is None:
        return None
    name = unicodedata.normalize("NFKC", str(name)).strip().casefold()
    return unicodedata.normalize("NFKC", name)[:150]


def account_key(request, credentials):
    """AXES_USERNAME_CALLABLE: the normalised account name of a sign-in attempt."""
    field = get_user_model().USERNAME_FIELD
    if credentials:
        name = credentials.get(field, credentials.get("username"))
    else:
        name = getattr(request, "POST", {}).get(field)
    return normalise_account(name)


# --- device cookies --------------------------------------------------------------------------


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
    return _pseudonym(f"device {number}") if isinstance(number, str) else None


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


# --- the counters ------------------------------------------------------------------------------


class SignInAttempts(AxesDatabaseHandler):
    """axes' database handler with one limit per counter, and device cookies.

    axes compares one number with AXES_FAILURE_LIMIT. Here each counter of
    AXES_LOCKOUT_PARAMETERS has its own limit (SIGN_IN_FAILURE_LIMITS, in the same order), and
    ``get_failures`` gives the count of the counter nearest its limit, scaled to
    AXES_FAILURE_LIMIT: the attempt is refused as soon as any one counter reaches its limit.

    An attempt that carries a device cookie for its account (``trusted_device``) is counted,
    and limited, as that device's only: its failures are stored under the device's pseudonym
    in place of the address's, and only they count (SIGN_IN_DEVICE_FAILURE_LIMIT).
    """

    @contextmanager
    def _counted_as_device(self, request, credentials):
        """Within: axes records a failure under the device's pseudonym, not the address's."""
        device = trusted_device(request, credentials)
        address = getattr(request, "axes_ip_address", None)
        if device is not None:
            request.axes_ip_address = device
        try:
            yield
        finally:
            if device is not None:
                request.axes_ip_address = address

    def filter_user_attempts(self, request, credentials=None):
        device = trusted_device(request, credentials)
        if device is None:
            return super().filter_user_attempts(request, credentials)
        username = get_client_username(request, credentials)
        return [AccessAttempt.objects.filter(username=username, ip_address=device)]

    def _limits(self, request, credentials):
        if trusted_device(request, credentials) is not None:
            return [settings.SIGN_IN_DEVICE_FAILURE_LIMIT]
        return settings.SIGN_IN_FAILURE_LIMITS

    def get_failures(self, request, credentials=None):
        limit = get_failure_limit(request, credentials)
        scaled = [0]
        for attempts, counter_limit in zip(
            self.get_user_attempts(request, credentials),
            self._limits(request, credentials),
            strict=True,
        ):
            failures = attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            scaled.append(failures * limit // counter_limit)
        return max(scaled)

    def reset_user_attempts(self, request, credentials=None):
        """A successful sign-in forgets that account's failures from that address (or device).

        (axes would forget every counter the attempt matches, the whole address's among them:
        someone with an account could then guess another's password without end.)
        """
        count, _ = self.filter_user_attempts(request, credentials)[0].delete()
        return count

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        with self._counted_as_device(request, credentials):
            super().user_login_failed(sender, credentials, request=request, **kwargs)

    def user_logged_in(self, sender, request, user, **kwargs):
        super().user_logged_in(sender, request, user, **kwargs)
        # DeviceCookieMiddleware gives the browser its device cookie for this account.
        request.sign_in_account = normalise_account(user.get_username())


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the translated "too many attempts" page, 429 with Retry-After."""
    seconds = int(get_cool_off(request).total_seconds())
    minutes = max(1, round(seconds / 60))
    html = loader.render_to_string(
        "site_core/too_many_attempts.html", {"minutes": minutes}, request=request
    )
    response = HttpResponse(html, status=429)
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's form for a password-protected page, each wrong password counted as a failure.

    The page's password is one "account" (per restriction), so guesses at it meet the same
    limits as sign-ins: per address and page, and per address.
    """
    credentials = {"username": f"page password {page_view_restriction_id}"}
    if request.method == "POST" and not AxesProxyHandler.is_allowed(request, credentials):
        return lockout_response(request, None, credentials)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if request.method == "POST" and response.status_code == 200:  # the form again: wrong
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    return response


class PasswordChangeForm(WagtailPasswordChangeForm):
    """The admin's change-password form, its old-password check counted as a sign-in.

    Django's form checks the old password with ``check_password()``, which tells axes nothing:
    someone at a signed-in editor's keyboard could guess the password without limit. Here it is
    an ``authenticate()``, so a wrong one is a failure and a blocked one is refused (429).
    """

    request = None  # set by ChangePasswordPanel

    def clean_old_password(self):
        if self.request is None:  # not from a request: nothing to count it against
            return super().clean_old_password()
        old_password = self.cleaned_data.get("old_password") or ""
        # Wagtail's account page builds and checks this form twice when it shows the errors:
        # one check (one failure) per request.
        verdict = getattr(self.request, "old_password_verdict", None)
        if verdict is None:
            found = authenticate(
                self.request, username=self.user.get_username(), password=old_password
            )
            verdict = found is not None and found.pk == self.user.pk
            self.request.old_password_verdict = verdict
        if not verdict:
            raise forms.ValidationError(
                self.error_messages["password_incorrect"], code="password_incorrect"
            )
        return old_password


class ChangePasswordPanel(wagtail_account.ChangePasswordPanel):
    form_class = PasswordChangeForm

    def get_form(self):
        form = super().get_form()
        form.request = self.request
        return form


class AccountView(wagtail_account.AccountView):
    """Wagtail's account page (site_core.urls), its password panel counted as sign-ins."""

    def get_panels(self):
        return [
            ChangePasswordPanel(panel.request, panel.user, panel.profile)
            if type(panel) is wagtail_account.ChangePasswordPanel
            else panel
            for panel in super().get_panels()
        ]


@checks.register(checks.Tags.security, deploy=True)
def check_proxy_count(app_configs=None, **kwargs):
    """``check --deploy``: PROXY_COUNT must be said, since behind a proxy 0 is wrong."""
    if settings.PROXY_COUNT or settings.PROXY_COUNT_GIVEN:
        return []
    return [
        checks.Warning(
            "PROXY_COUNT is not set: behind a reverse proxy every reader would have the proxy's "
            "address, and share one sign-in counter.",
            hint="Behind nginx (README.md, Production) set PROXY_COUNT=1; with no proxy in "
            "front of gunicorn, say so with PROXY_COUNT=0.",
            id="site_core.W001",
        )
    ]
