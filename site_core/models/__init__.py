from site_core.models.pages import BasePage
from site_core.models.snippets import Footer, SocialLinkBlock

__all__ = ["BasePage", "Footer", "SocialLinkBlock"]
