"""Machine-readable page data shared by every app: HTML dates, JSON-LD blocks, social pictures."""

import json
from datetime import date, datetime

from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from wagtail.images.models import SourceImageIOError

JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def html_datetime(value):
    """A date or time as HTML's ``<time datetime>`` (and schema.org, sitemaps) accept it.

    Whole seconds with the UTC offset ("2026-11-30T18:00:00+01:00"), or the date alone for a
    ``date``: ``date:'c'`` and ``isoformat()`` print six digits of a second, which HTML does
    not allow (at most three). In a template the time is in the current time zone (so inside
    ``{% timezone %}`` it keeps that zone's offset); a naive time is taken to be in it.
    """
    if not isinstance(value, datetime):
        return value.isoformat() if isinstance(value, date) else ""
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value.isoformat(timespec="seconds").replace("+00:00", "Z")


def jsonld_script(data):
    """A JSON-LD data block that no value can break out of."""
    payload = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    safe_payload = mark_safe(payload)  # nosec B308 B703: JSON with <, > and & escaped
    return format_html('<script type="application/ld+json">{}</script>', safe_payload)


def social_rendition(image):
    """The picture shared on social networks (1200×630 JPEG), or None: no image, or one whose
    file is missing or cannot be decoded (the page still answers, without it)."""
    if image is None:
        return None
    try:
        return image.get_rendition("fill-1200x630|format-jpeg")
    except SourceImageIOError:
        return None


def absolute_image_urls(request, image):
    """``[absolute address of the social picture]`` for JSON-LD's ``image``, or [] without one."""
    rendition = social_rendition(image)
    return [] if rendition is None else [request.build_absolute_uri(rendition.url)]
