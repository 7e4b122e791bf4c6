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

Addresses: ``site_core.security.addresses``; device cookies: ``site_core.security.devices``.
"""

import unicodedata
from contextlib import contextmanager

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.signals import user_login_failed
from django.db.models import Sum
from django.http import HttpResponse
from django.template import loader

from wagtail import views as wagtail_views
from wagtail.admin.forms.auth import PasswordChangeForm as WagtailPasswordChangeForm
from wagtail.admin.views import account as wagtail_account

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt

from site_core.security.devices import trusted_device


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
