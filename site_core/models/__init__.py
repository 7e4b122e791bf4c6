from site_core.models.images import (
    ALT_TEXT_HELP,
    ImageAltMixin,
    ImageAltPageForm,
)
from site_core.models.pages import BasePage, SectionIndexPage, paginate
from site_core.models.snippets import Footer, SocialLinkBlock

__all__ = [
    "ALT_TEXT_HELP",
    "BasePage",
    "Footer",
    "ImageAltMixin",
    "ImageAltPageForm",
    "SectionIndexPage",
    "SocialLinkBlock",
    "paginate",
]
