"""The kernel's snippet in the admin: the footer, one per language."""

from wagtail.snippets.models import register_snippet

from site_core.models import Footer
from site_core.snippet_views import SiteSnippetViewSet

register_snippet(Footer, viewset=SiteSnippetViewSet)
