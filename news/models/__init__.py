"""News: reports that editors publish and readers follow in their own language.

Modules: ``categories`` (the subjects posts are filed under), ``posts`` (a post, its tags and
related posts), ``tags`` (a tag's name in each language), ``index`` (the listing of a language
and its feeds, which ``news.feeds`` draws).
"""

from news.models.categories import NewsCategory, localized_categories
from news.models.index import NewsIndexPage
from news.models.posts import (
    NewsPage,
    NewsPageRelatedPost,
    NewsPageTag,
    posts_in_order,
    recent_posts,
    with_listing_images,
)
from news.models.tags import NewsTagName, tag_name_html, tag_name_text, tag_names

__all__ = [
    "NewsCategory",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageRelatedPost",
    "NewsPageTag",
    "NewsTagName",
    "localized_categories",
    "posts_in_order",
    "recent_posts",
    "tag_name_html",
    "tag_name_text",
    "tag_names",
    "with_listing_images",
]
