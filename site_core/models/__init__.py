from site_core.models.pages import BasePage, SectionIndexPage, paginate
from site_core.models.snippets import Footer, SocialLinkBlock

__all__ = [
    "BasePage",
    "Footer",
    "SectionIndexPage",
    "SocialLinkBlock",
    "paginate",
]
