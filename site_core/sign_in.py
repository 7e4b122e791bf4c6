"""Sign-in limits on top of django-axes: every password check counts, nobody can be locked out.

django-axes counts every failed ``authenticate()`` (Django's ``user_login_failed`` signal), from
whichever view: the admin's sign-in, Wagtail's sign-in for private pages (one per language), the
password asked for when adding a two-factor device. The guesses at a password-protected page's
password count too (``authenticate_with_password`` below). Over ``AXES_COOLOFF_TIME`` (15 min):

- one account from one address: ``SIGN_IN_FAILURE_LIMITS[0]`` failures block that pair (only
  the person guessing is stopped: the editor, from their own address, signs in as usual);
- one address, any account: ``SIGN_IN_FAILURE_LIMITS[1]`` failures block the address (password
  spraying).

There is no limit for one account from any address: that would let anyone lock an editor out.
A botnet guessing one account's password gets a few guesses per address, each answered a second
later, and the password alone does not open the admin where two-factor sign-in is required.

Accounts are counted by the name the authentication backend would find (``account_key``), and
addresses are stored only as keyed pseudonyms (``client_pseudonym``): the attempts table and the
logs never hold a reader's address.
"""

import hashlib
import hmac
import ipaddress
import time
import unicodedata

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed
from django.db.models import Sum
from django.http import HttpResponse
from django.template import loader

from wagtail import views as wagtail_views

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off, get_failure_limit


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


def client_pseudonym(request):
    """The reader's address as axes stores and counts it: a keyed hash, shaped as an address.

    The same address always gives the same pseudonym (so it is counted), but the attempts table
    and the logs cannot be turned back into the address. It is an IPv6 address in the private
    fd00::/8 range because axes keeps addresses in an address column (``inet`` on PostgreSQL).
    """
    address = client_address(request)
    try:
        address = str(ipaddress.ip_address(address))
    except ValueError:
        address = ""  # no usable address: all such requests share one counter
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).digest()
    return str(ipaddress.IPv6Address(b"\xfd" + digest[:15]))


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
    """axes' database handler with one limit per counter, and slower answers to failures.

    axes compares one number with AXES_FAILURE_LIMIT. Here each counter of
    AXES_LOCKOUT_PARAMETERS has its own limit (SIGN_IN_FAILURE_LIMITS, in the same order), and
    ``get_failures`` gives the count of the counter nearest its limit, scaled to
    AXES_FAILURE_LIMIT: the attempt is refused as soon as any one counter reaches its limit.
    """

    def get_failures(self, request, credentials=None):
        limit = get_failure_limit(request, credentials)
        scaled = [0]
        for attempts, counter_limit in zip(
            self.get_user_attempts(request, credentials),
            settings.SIGN_IN_FAILURE_LIMITS,
            strict=True,
        ):
            failures = attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            scaled.append(failures * limit // counter_limit)
        return max(scaled)

    def reset_user_attempts(self, request, credentials=None):
        """A successful sign-in forgets that account's failures from that address, and no more.

        (axes would forget every counter the attempt matches, the whole address's among them:
        someone with an account could then guess another's password without end.)
        """
        count, _ = self.filter_user_attempts(request, credentials)[0].delete()
        return count

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        # Refused attempts are answered at once (cheap, with Retry-After); wrong passwords late.
        if request is not None and not getattr(request, "axes_locked_out", False):
            time.sleep(settings.SIGN_IN_FAILURE_DELAY)


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
