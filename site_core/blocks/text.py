"""Text blocks: headings, paragraphs and quotes."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    """A section heading inside the page body."""

    text = blocks.CharBlock(label=_("Text"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subsection heading"))],
        default="h2",
        search_index=False,  # a layout choice, not words readers search for
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        group = _("Text")
        description = _("A heading that starts a new section of the page.")
        preview_value = {"text": "Voices from around the world", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    """Body text with simple formatting and links."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "blocks/paragraph_block.html"
        group = _("Text")
        description = _("One or more paragraphs of text with links and lists.")
        preview_value = (
            "<p>Practitioners hold information stands in city centres to tell passers-by "
            "about the persecution.</p>"
        )


class QuoteBlock(blocks.StructBlock):
    """A quotation with the name of the person quoted."""

    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"
        group = _("Text")
        description = _("A quotation set apart from the text, with who said it.")
        preview_value = {
            "quote": "Truthfulness, compassion, forbearance.",
            "attribution": "The principles of Falun Gong",
        }
