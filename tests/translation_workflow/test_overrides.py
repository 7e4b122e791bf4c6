"""A translation's overrides (links, e-mail addresses) are validated, and unsafe links are never
rendered."""

from urllib.parse import urlencode

from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
)

import pytest

from site_core.models import Footer
from tests.factories import home, translator
from tests.translation_workflow.helpers import (
    footer,
    translation_of,
)

pytestmark = pytest.mark.django_db


def social_link_override(footer):
    """The Dutch footer's translation and the override of its first social link's address."""
    translation = translation_of(footer, "nl")
    segment = (
        OverridableSegment.objects.filter(source=translation.source, context__path__endswith=".url")
        .order_by("order")
        .first()
    )
    return translation, segment


def put_override(client, translation, segment, value, multipart=False):
    url = reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])
    if multipart:  # as the translation editor sends it (FormData)
        return client.put(
            url,
            encode_multipart(BOUNDARY, {"value": value}),
            content_type=MULTIPART_CONTENT,
        )
    return client.put(
        url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )


@pytest.mark.parametrize(
    "value",
    [
        "javascript:alert(document.domain)",
        " JaVa\tScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "not a web address",
    ],
)
def test_a_translated_link_address_must_be_a_valid_safe_address(client, value):
    # Defect guarded: wagtail-localize's override view stored any string: a translator could
    # make a footer social link "javascript:…", and every Dutch page then carried it.
    translation, segment = social_link_override(footer("nl"))
    client.force_login(translator("nl"))
    for multipart in (False, True):
        response = put_override(client, translation, segment, value, multipart=multipart)
        assert response.status_code == 400, multipart
        assert response.json()["value"]
    assert not SegmentOverride.objects.filter(
        context=segment.context, locale=translation.target_locale
    ).exists()

    response = put_override(client, translation, segment, "https://example.nl/", multipart=True)
    assert response.status_code in {200, 201}
    override = SegmentOverride.objects.get(
        context=segment.context, locale=translation.target_locale
    )
    assert override.data_json == '"https://example.nl/"'


def test_a_translated_e_mail_address_must_be_an_e_mail_address(client):
    translation = translation_of(footer("nl"), "nl")
    segment = OverridableSegment.objects.filter(
        source=translation.source, context__path="contact_email"
    ).first()
    if segment is None:
        pytest.skip("the footer's e-mail address is not overridable")
    client.force_login(translator("nl"))
    assert put_override(client, translation, segment, "javascript:alert(1)").status_code == 400
    assert put_override(client, translation, segment, "info@example.nl").status_code in {200, 201}


def test_an_unsafe_link_stored_in_a_translation_is_not_rendered(client):
    # Values stored before the check (or by any other way in) are checked again on render.
    translation, segment = social_link_override(footer("nl"))
    SegmentOverride.objects.create(
        context=segment.context,
        locale=translation.target_locale,
        data_json='"javascript:alert(document.domain)"',
    )
    translation.save_target(publish=False)
    Footer.objects.get(
        pk=Footer.objects.get(locale__language_code="nl").pk
    ).get_latest_revision().publish()
    html = client.get(home("nl").url).content.decode()
    assert 'class="site-footer' in html and "[nl] Write to us." in html  # the Dutch footer
    assert "javascript:" not in html
