"""News in templates: a post's time, a tag's name in the page's language, the language's feed
link (the kernel's ``register_feed_links`` hook) and a post's JSON-LD."""

from datetime import UTC, timedelta

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from news.models import NewsIndexPage, tag_name_html, tag_name_text
from site_core.caching.page_cache import remember
from site_core.navigation import bcp47, current_language, once_per_request, public_pages
from site_core.structured_data import absolute_image_urls, html_datetime, jsonld_script

register = template.Library()
# {{ tag|tag_name }}: a tag's (or tag slug's) name in the page's language, else the English name
# marked lang="en" (news/models/tags.py).
register.filter("tag_name", tag_name_html)

# Relative times ("16 hours ago") for a week, then the date itself: site.js words them in the
# reader's browser, from the date the page carries (a page kept in the page cache must not say
# "27 seconds ago" hours later).
RELATIVE_TIME_LIMIT = timedelta(days=7)


@register.inclusion_tag("components/post_time.html")
def post_time(post):
    """A post's date, and the full date and time on hover.

    The page says the date itself, true whenever the page is read (it may come from the page
    cache hours later); while recent, site.js turns it into a relative time ("16 hours ago") in
    the page's language and keeps it up to date.
    """
    date = post.display_date
    return {
        "date": date,
        # HTML's datetime takes at most three digits of a second: whole seconds, in UTC.
        "iso": html_datetime(date.astimezone(UTC)),
        "relative_seconds": int(RELATIVE_TIME_LIMIT.total_seconds()),
    }


def news_index(request, language_code):
    """The live news index of a language, or None (one query per generation and language)."""
    return once_per_request(
        request,
        ("news_index", language_code),
        lambda: remember(
            f"news-index:{language_code}",
            lambda: (
                public_pages(request, NewsIndexPage)
                .filter(locale__language_code=language_code)
                .order_by("path")
                .first()
            ),
        ),
    )


def feed_link(request, language_code):
    """``<link rel="alternate">`` to the news feed of a language, or "" when it has none
    (registered with the kernel's ``register_feed_links`` hook: news/wagtail_hooks.py)."""
    index = news_index(request, language_code)
    if index is None:
        return ""
    return format_html(
        '<link rel="alternate" type="application/rss+xml" title="{}" href="{}">',
        _("%(site)s: news") % {"site": _("Falun Gong Awareness")},
        request.build_absolute_uri(index.url + index.reverse_subpage("feed_route")),
    )


@register.simple_tag(takes_context=True)
def news_article_jsonld(context, page):
    """schema.org NewsArticle for search engines, as a JSON-LD data block."""
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.summary,
        "datePublished": html_datetime(page.display_date),
        "dateModified": html_datetime(page.last_published_at or page.display_date),
        "inLanguage": bcp47(current_language(page)),
        "url": page.get_full_url(request),
        "mainEntityOfPage": page.get_full_url(request),
        "publisher": {"@type": "Organization", "name": str(_("Falun Gong Awareness"))},
    }
    tags = context.get("tags")
    if keywords := [tag_name_text(tag)[0] for tag in (page.tags.all() if tags is None else tags)]:
        data["keywords"] = keywords
    if page.author:
        data["author"] = {"@type": "Person", "name": page.author}
    if images := absolute_image_urls(request, page.get_social_image()):
        data["image"] = images
    return jsonld_script(data)
