"""Small abstract pictures drawn for the demo (our own work, no downloads)."""

import math
from io import BytesIO

from PIL import Image, ImageDraw, ImageFilter


def _gradient(size, top, bottom):
    width, height = size
    image = Image.new("RGB", size, top)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        ratio = y / max(height - 1, 1)
        colour = tuple(round(a + (b - a) * ratio) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    return image


def lotus(size):
    image = _gradient(size, (12, 32, 74), (28, 70, 130))
    width, height = size
    petals = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(petals)
    cx, cy = width * 0.68, height * 0.62
    radius = min(width, height) * 0.42
    for index in range(9):
        angle = math.radians(-90 + (index - 4) * 20)
        px = cx + math.cos(angle) * radius * 0.45
        py = cy + math.sin(angle) * radius * 0.45
        box = [px - radius * 0.18, py - radius * 0.55, px + radius * 0.18, py + radius * 0.25]
        draw.ellipse(box, fill=(242, 190, 60, 150), outline=(255, 225, 140, 220), width=3)
    draw.ellipse(
        [cx - radius * 0.2, cy - radius * 0.15, cx + radius * 0.2, cy + radius * 0.15],
        fill=(255, 214, 102, 230),
    )
    petals = petals.filter(ImageFilter.GaussianBlur(1.2))
    image.paste(petals, (0, 0), petals)
    return image


def banners(size):
    image = _gradient(size, (210, 226, 240), (160, 182, 204))
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.rectangle([0, height * 0.78, width, height], fill=(120, 120, 128))
    for row in range(3):
        y = height * (0.3 + row * 0.14)
        for column in range(6):
            x = width * (0.06 + column * 0.16) + row * 30
            draw.rectangle([x, y, x + width * 0.12, y + height * 0.1], fill=(246, 196, 48))
            draw.line([(x, y), (x, y + height * 0.35)], fill=(90, 70, 40), width=4)
    return image


STYLES = {"lotus": lotus, "banners": banners}


def render(style, size):
    """Return JPEG bytes of the named drawing."""
    buffer = BytesIO()
    STYLES[style](size).save(buffer, format="JPEG", quality=85, optimize=True)
    return buffer.getvalue()
