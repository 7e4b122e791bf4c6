"""Signing in from a given address, with or without a device cookie; reading a response's
Content-Security-Policy."""

from django.test import Client


def sign_in(username, password, address="203.0.113.7", url="/admin/login/"):
    client = Client(REMOTE_ADDR=address)
    return client.post(url, {"username": username, "password": password})


def assert_refused(response, heading="Too many sign-in attempts"):
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 15 * 60
    assert response["Cache-Control"] == "no-store"
    assert heading in response.content.decode()


# Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser the
# owner signed in with keeps signing in while others' failures block their address.

DEVICE_COOKIE = "sign_in_device"  # settings.SIGN_IN_DEVICE_COOKIE


def browser(address="203.0.113.7", device=None):
    client = Client(REMOTE_ADDR=address)
    if device is not None:
        client.cookies[DEVICE_COOKIE] = device
    return client


def sign_in_with(client, username, password, url="/admin/login/"):
    return client.post(url, {"username": username, "password": password})


def device_cookie_of(username, password, address="203.0.113.7"):
    owner = browser(address)
    assert sign_in_with(owner, username, password).status_code == 302
    return owner.cookies[DEVICE_COOKIE]


def spray(address, url="/en/_util/login/"):
    """Wrong passwords for made-up names until the address is blocked (the 30th failure)."""
    for number in range(29):
        assert sign_in(f"made-up-{number}", "wrong-guess", address, url=url).status_code == 200
    assert_refused(sign_in("made-up-29", "wrong-guess", address, url=url))


def policy(response, header="Content-Security-Policy"):
    directives = {}
    for part in response[header].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives
