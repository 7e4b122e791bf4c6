"""Blocks that ask for attention: calls to action and key statistics."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class CallToActionBlock(blocks.StructBlock):
    """A short appeal with one button, to a page on this site or elsewhere."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an external address"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Choose a page or give an address, not both."))
                }
            )
        return value

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action_block.html"
        group = _("Calls to action")
        description = _("A highlighted appeal with a single button.")
        preview_value = {
            "heading": "Sign the petition",
            "text": "Ask your representatives to speak out.",
            "button_label": "Sign now",
            "url": "https://example.org/petition",
        }


class StatisticBlock(blocks.StructBlock):
    """A key figure with what it counts and where it comes from."""

    figure = blocks.CharBlock(label=_("Figure"), max_length=40)
    label = blocks.CharBlock(label=_("What it counts"), max_length=200)
    source_label = blocks.CharBlock(label=_("Source"), required=False, max_length=200)
    source_url = blocks.URLBlock(label=_("Source address"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Statistic")
        template = "blocks/statistic_block.html"
        group = _("Calls to action")
        description = _("A key figure, what it counts, and a link to its source.")
        preview_value = {
            "figure": "1999",
            "label": "The year the persecution began",
            "source_label": "",
        }
