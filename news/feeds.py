"""RSS 2.0 feeds of a language's news, all posts or one category.

The feed imports nothing from ``news.models``: the news index serves it from its feed routes
(``news.models.index`` imports this module) and passes itself, and the index supplies the
posts (``feed_posts()``) and the categories in its language (``localized_categories()``).
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from site_core.navigation import bcp47

FEED_LENGTH = 20
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"


class LanguageMarkedRss(Rss201rev2Feed):
    """RSS 2.0 whose items in another language than the feed's (English posts not translated
    yet) say so with Dublin Core's ``<dc:language>``, which feed readers understand."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DUBLIN_CORE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("language"):
            handler.addQuickElement("dc:language", item["language"])


class NewsFeed(Feed):
    feed_type = LanguageMarkedRss

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, index, category=None):
        # The feed declares the language of the posts it carries.
        self.language = bcp47(index.locale.language_code)
        return {"index": index, "category": category}

    def title(self, obj):
        if obj["category"] is not None:
            category = obj["index"].localized_categories([obj["category"]])[0]
            return _("%(site)s: %(category)s") % {
                "site": _("Falun Gong Awareness"),
                "category": category.name,
            }
        return _("%(site)s: news") % {"site": _("Falun Gong Awareness")}

    def link(self, obj):
        return obj["index"].get_full_url(self.request)

    def description(self, obj):
        return obj["index"].intro or obj["index"].title

    def feed_url(self, obj):
        return self.request.build_absolute_uri()

    def items(self, obj):
        items = obj["index"].feed_posts(self.request, obj["category"], FEED_LENGTH)
        # Every item's categories in the feed's language, looked up once for the whole feed.
        categories = {c for item in items for c in item.categories.all()}
        self.category_names = {
            original.pk: shown.name
            for original, shown in zip(
                categories,
                obj["index"].localized_categories(categories),
                strict=True,
            )
        }
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.feed_guid()

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.display_date

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.author or None

    def item_extra_kwargs(self, item):
        code = bcp47(item.locale.language_code)
        return {"language": code} if code != self.language else {}

    def item_categories(self, item):
        return [self.category_names[c.pk] for c in item.categories.all()]
