"""The news listing's filters in another language, for the language switcher (the kernel's
``carry_listing_filters`` hook: site_core/navigation.py, carried_query).

A year and a tag are the same in every language (a tag's slug is shared: news/models/tags.py);
a category has a slug per language, found through its ``translation_key`` among the target
language's live categories, and dropped when that language has none. The page number is never
carried. Only values this listing vouches for are kept (the checks of ``vouch_for_filters``).
"""

from news.models import NewsCategory, NewsIndexPage
from site_core.caching.page_cache import remember
from site_core.localized import version_in


def category_slug_in(category, locale_id):
    """The slug of ``category``'s live version in ``locale_id``, or None (per generation)."""

    def build():
        version = version_in(category, locale_id, NewsCategory.objects.filter(live=True))
        return version.slug if version is not None else None

    return remember(f"news-category-in:{category.translation_key}:{locale_id}", build)


def carried_news_filters(request, page, target, given):
    """The filters of the news listing ``page`` that ``target`` understands the same way."""
    if not isinstance(page, NewsIndexPage):
        return None
    carried = {}
    if given.get("year") in {str(year) for year in page.year_span(request)}:
        carried["year"] = given["year"]
    if given.get("tag") in page.tag_slugs(request):
        carried["tag"] = given["tag"]
    category = page.categories_by_slug().get(given.get("category"))
    if category is not None and (slug := category_slug_in(category, target.locale_id)):
        carried["category"] = slug
    return carried
