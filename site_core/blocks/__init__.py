"""The shared StreamField block library. Keys are stable: they are stored in the database."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from site_core.blocks.callouts import CallToActionBlock, StatisticBlock
from site_core.blocks.media import ImageBlock, VideoBlock, video_embed_url
from site_core.blocks.text import RICH_TEXT_FEATURES, HeadingBlock, ParagraphBlock, QuoteBlock

__all__ = [
    "RICH_TEXT_FEATURES",
    "BodyBlock",
    "CallToActionBlock",
    "HeadingBlock",
    "ImageBlock",
    "ParagraphBlock",
    "QuoteBlock",
    "StatisticBlock",
    "VideoBlock",
    "video_embed_url",
]


class BodyBlock(blocks.StreamBlock):
    """The body of every page: text, media and calls to action."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    statistic = StatisticBlock()
    video = VideoBlock()

    class Meta:
        label = _("Body")
