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


def _petal(cx, cy, length, width, angle):
    """A pointed petal from (cx, cy) outwards at ``angle`` degrees, as a polygon."""
    points = []
    steps = 24
    for index in range(steps + 1):
        t = index / steps
        along = length * t
        across = width * math.sin(math.pi * t) ** 0.8
        points.append((along, across))
    outline = points + [(along, -across) for along, across in reversed(points)]
    rad = math.radians(angle)
    return [
        (cx + x * math.cos(rad) - y * math.sin(rad), cy + x * math.sin(rad) + y * math.cos(rad))
        for x, y in outline
    ]


def lotus(size):
    image = _gradient(size, (10, 28, 66), (30, 74, 138))
    width, height = size
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    cx, cy = width * 0.5, height * 0.72
    scale = min(width, height)
    for length, spread, colour in (
        (0.52, 0.13, (214, 150, 40, 200)),
        (0.44, 0.11, (240, 182, 62, 225)),
        (0.34, 0.09, (255, 214, 110, 240)),
    ):
        count = 7
        for index in range(count):
            angle = -180 + (index + 0.5) * 180 / count
            draw.polygon(
                _petal(cx, cy, scale * length, scale * spread, angle),
                fill=colour,
                outline=(255, 236, 170, 255),
            )
    draw.ellipse(
        [cx - scale * 0.07, cy - scale * 0.05, cx + scale * 0.07, cy + scale * 0.05],
        fill=(255, 228, 140, 255),
    )
    for ripple in range(3):
        offset = scale * (0.08 + ripple * 0.06)
        draw.arc(
            [cx - offset * 3, cy + offset * 0.4, cx + offset * 3, cy + offset * 1.2],
            0,
            180,
            fill=(140, 180, 230, 120),
            width=3,
        )
    layer = layer.filter(ImageFilter.SMOOTH)
    image.paste(layer, (0, 0), layer)
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
