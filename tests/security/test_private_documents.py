"""Private documents are served only through Wagtail's view, after sign-in."""

from django.conf import settings
from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

import pytest

from tests.factories.images import image as stored_image

pytestmark = pytest.mark.django_db


def test_private_documents_are_served_only_after_sign_in(client, production_like_urls):
    # Defect: /media/documents/<file> served a private collection's files to anyone.
    collection = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    private = Document.objects.create(
        title="Minutes",
        collection=collection,
        file=ContentFile(b"private minutes", name="minutes.txt"),
    )
    public = Document.objects.create(
        title="Leaflet", file=ContentFile(b"public leaflet", name="leaflet.txt")
    )
    assert client.get(settings.MEDIA_URL + private.file.name).status_code == 404
    assert client.get(settings.MEDIA_URL + public.file.name).status_code == 404
    asks = client.get(private.url)
    assert asks.status_code == 302 and "login" in asks["Location"]
    download = client.get(public.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"public leaflet"
    # Images are public: served at /media/.
    image = stored_image("Poster")
    assert client.get(settings.MEDIA_URL + image.file.name).status_code == 200


def test_documents_go_through_wagtails_view_in_every_environment():
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
