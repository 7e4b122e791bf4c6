"""Uploads in the admin: size and pixel limits, allowed types only, nothing half-stored."""

import io
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents.models import Document
from wagtail.images.models import Image

import pytest
from PIL import Image as PILImage

pytestmark = pytest.mark.django_db


def png(size=(40, 30), mode="RGB"):
    buffer = io.BytesIO()
    PILImage.new(mode, size).save(buffer, "PNG")
    return buffer.getvalue()


def stored_files():
    root = Path(settings.MEDIA_ROOT)
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


def upload_image(client, name, content, content_type="image/png"):
    return client.post(
        "/admin/images/add/",
        {"title": name, "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )


def upload_document(client, name, content, content_type="application/octet-stream"):
    return client.post(
        "/admin/documents/add/",
        {"title": name, "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("huge.png", b"\x89PNG" + b"0" * (10 * 1024 * 1024 + 1), "too large"),
        ("bomb.png", png((8000, 6000), mode="1"), "pixels"),
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>', "svg"),
        ("fake.png", b"this is not an image at all", "not an image"),
        ("page.html", b"<html><script>alert(1)</script></html>", "html"),
    ],
)
def test_refused_images_get_a_form_error_and_leave_nothing_behind(
    admin_client, name, content, reason
):
    images, files = Image.objects.count(), stored_files()
    response = upload_image(admin_client, name, content)
    assert response.status_code == 200, reason  # the form again, not a redirect
    form = response.context["form"]
    assert form.errors.get("file"), reason
    assert Image.objects.count() == images
    assert stored_files() == files


def test_a_valid_image_is_accepted(admin_client):
    images = Image.objects.count()
    response = upload_image(admin_client, "fine.png", png())
    assert response.status_code == 302
    assert Image.objects.count() == images + 1


@pytest.mark.parametrize(
    "name", ["virus.exe", "page.html", "drawing.svg", "script.js", "archive.zip", "macro.docm"]
)
def test_only_allowed_document_types_are_accepted(admin_client, name):
    documents, files = Document.objects.count(), stored_files()
    response = upload_document(admin_client, name, b"MZ\x90\x00 whatever")
    assert response.status_code == 200
    assert response.context["form"].errors.get("file")
    assert Document.objects.count() == documents
    assert stored_files() == files


def test_oversized_documents_are_refused_and_a_pdf_is_accepted(admin_client):
    documents = Document.objects.count()
    big = upload_document(admin_client, "big.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024 + 1))
    assert big.status_code == 200 and big.context["form"].errors.get("file")
    assert Document.objects.count() == documents
    fine = upload_document(admin_client, "report.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
    assert fine.status_code == 302
    assert Document.objects.count() == documents + 1


def test_documents_are_served_as_attachments_not_run_in_the_site(admin_client, client):
    upload_document(admin_client, "notes.txt", b"<script>alert(1)</script>", "text/plain")
    document = Document.objects.latest("pk")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
