"""Uploads in the admin: size and pixel limits, allowed types only, nothing half-stored."""

import io
import random
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents.models import Document
from wagtail.images.models import Image

import pytest
from PIL import Image as PILImage

from tests.factories import news_index, publish_post

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


def gif(frames=1, size=(40, 30)):
    buffer = io.BytesIO()
    images = [PILImage.new("RGB", size, (60 * frame % 256, 90, 30)) for frame in range(frames)]
    images[0].save(buffer, "GIF", save_all=True, append_images=images[1:])
    return buffer.getvalue()


DAMAGED_GIFS = {
    "header-then-garbage": b"GIF89a" + b"\x00garbage" * 20,
    "cut-in-the-middle": gif()[: len(gif()) // 2],
    "animation-cut-in-a-later-frame": gif(frames=3)[: len(gif(frames=3)) * 2 // 3],
    "gif-html-polyglot": b"GIF89a<html><script>alert(1)</script></html>",
    "gif-js-polyglot": b"GIF89a/*\x01\x00\x01\x00\x00\x00\x00*/=alert(1)//;",
    "whole-gif-then-html": gif() + b"<html><script>alert(1)</script></html>",
    "broken-pixel-data": gif()[:-10] + b"\xff" * 10,
}


def admin_speaks(user, language):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.mark.parametrize("name", DAMAGED_GIFS)
def test_a_damaged_gif_gets_a_translated_form_error_and_the_form_keeps_its_fields(
    admin_client, admin_user, name
):
    # A GIF header followed by garbage, a GIF cut short or a GIF/HTML polyglot passed Wagtail's
    # header-only check and then raised from Pillow while Wagtail read its size: a 500.
    admin_speaks(admin_user, "nl")
    images, files = Image.objects.count(), stored_files()
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "Flyer for the vigil",
            "tags": "vigil, flyer",
            "file": SimpleUploadedFile(f"{name}.gif", DAMAGED_GIFS[name], "image/gif"),
        },
    )
    assert response.status_code == 200
    assert b'<html lang="nl"' in response.content
    # What the editor reads (the form's messages are lazy: the page shows them in Dutch).
    assert (
        "Dit afbeeldingsbestand is beschadigd of onvolledig en kan niet worden getoond. Open "
        "het in een beeldbewerkingsprogramma, sla het opnieuw op en upload het nieuwe bestand."
    ) in response.content.decode()
    form = response.context["form"]
    assert list(form.errors) == ["file"]
    assert form["title"].value() == "Flyer for the vigil"
    assert "vigil" in str(form["tags"].value())
    assert Image.objects.count() == images
    assert stored_files() == files


def test_the_multiple_uploader_refuses_a_damaged_gif_and_takes_the_others(admin_client):
    # Each file of a multiple upload is its own request: the damaged one answered 500.
    images = Image.objects.count()
    answers = [
        admin_client.post(
            "/admin/images/multiple/add/",
            {"files[]": SimpleUploadedFile(name, content, "image/gif")},
        )
        for name, content in [
            ("first.gif", gif()),
            ("cut.gif", DAMAGED_GIFS["cut-in-the-middle"]),
            ("polyglot.gif", DAMAGED_GIFS["gif-html-polyglot"]),
            ("animated.gif", gif(frames=3)),
        ]
    ]
    assert [answer.status_code for answer in answers] == [200, 200, 200, 200]
    assert [answer.json()["success"] for answer in answers] == [True, False, False, True]
    assert "damaged or incomplete" in answers[1].json()["error_message"]
    assert Image.objects.count() == images + 2


def test_a_damaged_image_already_stored_shows_as_missing_and_never_breaks_a_page(client):
    # An image stored before uploads were checked (or spoilt on disk) made every page that
    # shows it answer 500 when its renditions were made.
    from django.core.files.images import ImageFile

    image = Image.objects.create(
        title="Damaged", file=ImageFile(io.BytesIO(gif()), name="damaged.gif")
    )
    with open(image.file.path, "wb") as stored:
        stored.write(DAMAGED_GIFS["cut-in-the-middle"])
    post = publish_post(
        news_index(),
        title="A post with a damaged picture",
        hero_image=image,
    )
    for url in [post.url, post.get_parent().url]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"A post with a damaged picture" in response.content
    assert not image.renditions.exists()


# --- Pictures that are also pages or scripts (polyglots) -----------------------------------------


def noise(size):
    """Random pixels: compressed, they are as close to random bytes as a real photo's data."""
    return PILImage.frombytes("RGB", size, random.Random(size[0]).randbytes(size[0] * size[1] * 3))


def encoded(image_format, size=(40, 30), text=None):
    """A Pillow-made image, with ``text`` in the place each format keeps free text: a GIF
    comment, a PNG text chunk, a JPEG comment, WebP's XMP metadata."""
    options = {}
    if text is not None:
        options = {
            "GIF": {"comment": text},
            "PNG": {"pnginfo": png_text(text)},
            "JPEG": {"comment": text},
            "WEBP": {"xmp": text},
        }[image_format]
    buffer = io.BytesIO()
    noise(size).save(buffer, image_format, **options)
    return buffer.getvalue()


def png_text(text):
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Comment", text.decode("latin-1"))
    return info


EXTENSIONS = {"GIF": "gif", "PNG": "png", "JPEG": "jpg", "WEBP": "webp"}
MARKUP = [
    b"<html><script>x</script>",
    b"<SCRIPT SRC=//evil.example/a.js>",
    b"<!DocType html><p>hi",
    b"<svg onload=alert(1)>",
    b"<svg><animate onbegin=alert(1) attributeName=x>",
    b"<SvG/onload=alert(1)>",
    b"<iframe src=//evil.example>",
    b"<?php system($_GET['c']); ?>",
    b'<a href="JaVaScRiPt:alert(1)">',
    b"<HTML lang=en>",
]


@pytest.mark.parametrize(
    ("image_format", "markup"),
    [(list(EXTENSIONS)[number % 4], markup) for number, markup in enumerate(MARKUP)]
    + [(image_format, MARKUP[0]) for image_format in EXTENSIONS],
)
def test_an_image_that_is_also_a_page_or_a_script_is_refused(admin_client, image_format, markup):
    # Defect: only a GIF's last byte was checked, so a GIF with "<html><script>x</script>" in a
    # comment (or any PNG, JPEG or WebP with a script in its metadata) was stored and served as
    # uploaded at /media/original_images/.
    images, files = Image.objects.count(), stored_files()
    content = encoded(image_format, text=markup)
    assert markup in content  # the image carries the text as given, and still decodes
    PILImage.open(io.BytesIO(content)).load()
    response = upload_image(admin_client, f"flyer.{EXTENSIONS[image_format]}", content)
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "This image file also contains web page or script code, which a picture never needs, "
        "so it cannot be accepted. Open it in an image editor, save it as a new file and "
        "upload that."
    ]
    assert Image.objects.count() == images
    assert stored_files() == files


@pytest.mark.parametrize("image_format", EXTENSIONS)
@pytest.mark.parametrize("size", [(40, 30), (640, 480), (1200, 900)])
def test_real_pictures_of_every_format_and_size_are_accepted(admin_client, image_format, size):
    content = encoded(image_format, size, text=b"Vigil on Dam Square, 20 July <3 > 2")
    images = Image.objects.count()
    response = upload_image(admin_client, f"photo.{EXTENSIONS[image_format]}", content)
    assert response.status_code == 302, response.context["form"].errors
    assert Image.objects.count() == images + 1


def test_the_markup_check_finds_nothing_in_64_megabytes_of_random_bytes():
    # Compressed photos are near-random bytes: the markers are long enough that a photo is
    # practically never refused (about 1 in 13,000 at the 10 MB limit,
    # site_core/security/images.py).
    from site_core.security.images import carries_markup

    data = random.Random(14).randbytes(64 * 1024 * 1024)
    assert not carries_markup(io.BytesIO(data))
    assert carries_markup(io.BytesIO(data[:1000] + b"<sVg>" + data[1000:]))
