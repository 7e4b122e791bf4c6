from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet

from news.models import NewsCategory, NewsPage, NewsTagName
from news.switcher import carried_news_filters
from news.templatetags.news_tags import feed_link
from site_core.snippet_views import SiteSnippetViewSet


class NewsPageListingViewSet(PageListingViewSet):
    """All news posts in one list, with their dates and categories."""

    icon = "doc-full"
    menu_label = _("News")
    menu_order = 150
    add_to_admin_menu = True
    model = NewsPage
    columns = [
        *PageListingViewSet.columns,
        Column("date", label=_("Publication date"), sort_key="date"),
        Column("category_names", label=_("Categories")),
    ]


@hooks.register("register_admin_viewset")
def register_news_listing():
    return NewsPageListingViewSet("news_pages")


register_snippet(NewsCategory, viewset=SiteSnippetViewSet)
# A tag's name in each language, translated like the categories (news/models/tags.py).
register_snippet(NewsTagName, viewset=SiteSnippetViewSet)

# Every page of a language links its news feed (the kernel's base.html: {% feed_links %}).
hooks.register("register_feed_links", feed_link)
# The language switcher keeps the news listing's filters (site_core/navigation.py, carried_query).
hooks.register("carry_listing_filters", carried_news_filters)
