"""News: reports that editors publish and readers follow in their own language.

Modules: ``categories`` (the subjects posts are filed under), ``posts`` (a post, its tags and
related posts), ``index`` (the listing of a language and its feeds, which ``news.feeds`` draws).
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

__all__ = [
    "NewsCategory",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageRelatedPost",
    "NewsPageTag",
    "localized_categories",
    "posts_in_order",
    "recent_posts",
    "with_listing_images",
]
