"""The benchmark's photographs: a few photograph-sized JPEGs drawn with Pillow (nothing is
downloaded), shared by all the benchmark pages, as an editor reuses a few."""

import io

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from PIL import Image as PILImage
from PIL import ImageDraw

PICTURES = 6
PICTURE_SIZE = (1600, 900)


def pictures():
    """The benchmark's pictures, drawn the first time."""
    Image = get_image_model()
    found = []
    for number in range(PICTURES):
        title = f"Benchmark picture {number}"
        picture = Image.objects.filter(title=title).first()
        if picture is None:
            picture = Image.objects.create(
                title=title,
                file=ImageFile(draw(number), name=f"benchmark-picture-{number}.jpg"),
            )
        found.append(picture)
    return found


def draw(number):
    """JPEG number ``number``: a tinted gradient with shapes, so it compresses like a photo."""
    canvas = PILImage.linear_gradient("L").resize(PICTURE_SIZE).convert("RGB")
    tint = PILImage.new("RGB", PICTURE_SIZE, ((70 * number) % 256, 120, 200))
    canvas = PILImage.blend(canvas, tint, 0.5)
    drawing = ImageDraw.Draw(canvas)
    for shape in range(12):
        x, y = (shape * 137 + number * 59) % 1500, (shape * 71 + number * 31) % 800
        drawing.ellipse((x, y, x + 90 + shape * 9, y + 90), fill=(250, 200 - shape * 9, 60))
    buffer = io.BytesIO()
    canvas.save(buffer, "JPEG", quality=85)
    return buffer
