"""Readers' addresses as the sign-in limits count them, and never store them.

An address is counted as the nearest proxy saw it (``PROXY_COUNT``), an IPv6 address by its /64
network, and stored only as a keyed pseudonym (``client_pseudonym``): the attempts table and
the logs never hold a reader's address.
"""

import hashlib
import hmac
import ipaddress

from django.conf import settings
from django.core import checks


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


def pseudonym(text):
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
    return pseudonym(counted_address(client_address(request)))


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
