from site_core.models.pages import BasePage, SectionIndexPage, paginate
from site_core.models.snippets import Footer, SocialLinkBlock
from site_core.models.workflow import LanguageReviewTask

__all__ = [
    "BasePage",
    "Footer",
    "LanguageReviewTask",
    "SectionIndexPage",
    "SocialLinkBlock",
    "paginate",
]
