"""Sign-in attempts limited by address and by account, without letting an attacker lock editors out.

Three counters in the shared cache, over a 15-minute window:
- one address and one account name: 5 failures block that pair for 15 minutes (only the
  person guessing is stopped: the editor, elsewhere, signs in as usual);
- one address, any account: 30 failures block the address for 15 minutes (password spraying);
- one account, any address: 50 failures slow that account down to one attempt a minute (a
  botnet guessing one password; the real editor waits a minute at most).
A successful sign-in clears the pair's counter. Addresses and names are kept only as keyed
hashes. Blocked attempts get a 429 page with Retry-After, before the password is even checked.
"""

import contextlib
import hashlib
import hmac
import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.http import HttpResponse
from django.template import loader

WINDOW = 15 * 60
LIMITS = {
    # counter: (failures allowed in the window, seconds blocked once over)
    "pair": (5, 15 * 60),
    "address": (30, 15 * 60),
    "account": (50, 60),
}
LOGIN_PATHS = ("/admin/login/",)


def client_address(request):
    """The reader's address; behind PROXY_COUNT proxies, the one the nearest proxy saw."""
    proxies = getattr(settings, "PROXY_COUNT", 0)
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _digest(value):
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, str(value).lower().encode(), hashlib.sha256).hexdigest()[:24]


def _keys(request, username):
    address, account = _digest(client_address(request)), _digest(username or "")
    return {
        "pair": f"login:pair:{address}:{account}",
        "address": f"login:address:{address}",
        "account": f"login:account:{account}",
    }


def blocked_for(request, username):
    """Seconds until this sign-in may be tried again (0: go ahead)."""
    try:
        found = cache.get_many([f"{key}:blocked" for key in _keys(request, username).values()])
    except Exception:  # the cache being down must not stop editors from signing in
        return 0
    return max([round(until - time.time()) for until in found.values()] + [0])


def connect_signals():
    user_login_failed.connect(_count_failure, dispatch_uid="login-limits-failure")
    user_logged_in.connect(_forget_failures, dispatch_uid="login-limits-success")


def _count_failure(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    username = credentials.get("username", "")
    with contextlib.suppress(Exception):  # counting is best effort when the cache is down
        for name, key in _keys(request, username).items():
            allowed, block = LIMITS[name]
            cache.add(key, 0, WINDOW)
            failures = cache.incr(key)
            if failures >= allowed:
                cache.set(f"{key}:blocked", time.time() + block, block)


def _forget_failures(sender, request=None, user=None, **kwargs):
    if request is None or user is None:
        return
    key = _keys(request, user.get_username())["pair"]
    with contextlib.suppress(Exception):  # a cache that is down has nothing to forget
        cache.delete_many([key, f"{key}:blocked"])


class LoginLimitMiddleware:
    """Answers 429 to sign-in attempts that are over a limit, before checking the password."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path_info in LOGIN_PATHS:
            seconds = blocked_for(request, request.POST.get("username", ""))
            if seconds:
                minutes = max(1, round(seconds / 60))
                html = loader.render_to_string(
                    "site_core/too_many_attempts.html", {"minutes": minutes}, request=request
                )
                response = HttpResponse(html, status=429)
                response["Retry-After"] = str(seconds)
                response["Cache-Control"] = "no-store"
                return response
        return self.get_response(request)
