"""Previews of pages and translations render the public template under /admin/: they get the
public Content-Security-Policy (no inline script), framed only by the admin."""

from django.conf import settings
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from tests.security.helpers import standard_page, translated
from tests.security.hostile_markup import superuser

pytestmark = pytest.mark.django_db


def policy(response):
    header = response.headers["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


def assert_public_policy_framed_by_the_admin(response):
    csp = policy(response)
    public = {
        name: [str(value) for value in values] for name, values in settings.SECURE_CSP.items()
    }
    assert csp["script-src"] == public["script-src"] == ["'self'"]  # no inline script
    assert not any("unsafe" in value for values in csp.values() for value in values)
    assert csp["frame-ancestors"] == ["'self'"]  # the editor's preview panel frames it
    assert {name: values for name, values in csp.items() if name != "frame-ancestors"} == {
        name: values for name, values in public.items() if name != "frame-ancestors"
    }


def test_the_editors_preview_gets_the_public_policy_and_can_be_framed_by_the_admin(client):
    # Previews render the public template under /admin/: they must not get the admin's policy
    # (inline scripts allowed), and the preview panel (an iframe of the admin) must still work.
    client.force_login(superuser())
    page = translated(standard_page(title="Our appeal"), "nl")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    form = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": "",
            "body": streamfield([("paragraph", rich_text("<p>Voorbeeldtekst</p>"))]),
            "comments": inline_formset([]),
        }
    )
    assert client.post(url, form).json()["is_valid"]
    response = client.get(url, {"in_preview_panel": "true"})
    assert response.status_code == 200
    assert "Voorbeeldtekst" in response.content.decode()
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert_public_policy_framed_by_the_admin(response)


def test_the_translation_preview_gets_the_public_policy(client, hostile_translation):
    _page, translation = hostile_translation
    client.force_login(superuser())
    response = client.get(reverse("wagtail_localize:preview_translation", args=[translation.pk]))
    assert response.status_code == 200
    assert_public_policy_framed_by_the_admin(response)


def test_the_admin_and_the_public_site_keep_their_own_policies(client):
    client.force_login(superuser())
    assert policy(client.get(reverse("wagtailadmin_home")))["script-src"] == [
        "'self'",
        "'unsafe-inline'",
    ]
    client.logout()
    public = policy(client.get("/en/"))
    assert public["frame-ancestors"] == ["'none'"]
