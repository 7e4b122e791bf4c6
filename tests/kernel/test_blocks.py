"""The shared block library: every block renders its preview value; videos load on click only."""

from django.core.exceptions import ValidationError

from wagtail.blocks import StructBlockValidationError

import pytest

from site_core.blocks import BodyBlock, CallToActionBlock, VideoBlock, video_embed_url
from tests.factories.images import ImageFactory
from tests.utils import soup

pytestmark = pytest.mark.django_db


class _Rendered:
    def __init__(self, html):
        self.content = html.encode()


@pytest.mark.parametrize("name", list(BodyBlock().child_blocks))
def test_every_block_has_an_icon_template_and_label(name):
    block = BodyBlock().child_blocks[name]
    assert block.meta.icon and block.meta.icon != "placeholder"
    assert block.meta.template.startswith("blocks/")
    assert block.label


@pytest.fixture
def library_image():
    """An image in the library (the image block previews the first one there)."""
    return ImageFactory(title="A picture")


@pytest.mark.parametrize("name", list(BodyBlock().child_blocks))
def test_every_block_renders_its_preview_value(name, library_image):
    block = BodyBlock().child_blocks[name]
    preview = block.get_preview_value()
    assert preview is not None
    value = block.to_python(block.get_prep_value(block.normalize(preview)))
    assert block.render(value).strip()


def test_video_renders_a_link_and_no_iframe_until_clicked():
    block = VideoBlock()
    value = block.to_python(
        {"url": "https://www.youtube.com/watch?v=abc123", "title": "Trailer", "caption": ""}
    )
    document = soup(_Rendered(block.render(value)))
    assert document.find("iframe") is None
    assert document.select_one("a.video__play")["href"] == "https://www.youtube.com/watch?v=abc123"
    figure = document.select_one("[data-video-embed]")
    assert figure["data-video-embed"].startswith("https://www.youtube-nocookie.com/embed/abc123")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://youtu.be/abc123", "https://www.youtube-nocookie.com/embed/abc123?autoplay=1"),
        ("https://vimeo.com/12345", "https://player.vimeo.com/video/12345?autoplay=1&dnt=1"),
        ("https://example.org/video.mp4", ""),
        ("https://www.youtube.com/watch?v=<script>", ""),
    ],
)
def test_video_embed_url(url, expected):
    assert video_embed_url(url) == expected


def test_video_block_rejects_other_hosts():
    block = VideoBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"url": "https://example.org/a.mp4", "title": "x"}))


def test_call_to_action_needs_a_page_or_an_address_but_not_both():
    block = CallToActionBlock()
    value = block.to_python({"heading": "Act", "button_label": "Go", "url": ""})
    with pytest.raises((StructBlockValidationError, ValidationError)):
        block.clean(value)
