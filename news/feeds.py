"""RSS 2.0 feeds of a language's news, all posts or one category."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from news.models import NewsPage, localized_categories
from site_core.navigation import bcp47, in_order, public_pages

FEED_LENGTH = 20


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, index, category=None):
        # The feed declares the language of the posts it carries.
        self.language = bcp47(index.locale.language_code)
        return {"index": index, "category": category}

    def title(self, obj):
        if obj["category"] is not None:
            category = localized_categories([obj["category"]], obj["index"].locale_id)[0]
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
        if obj["category"] is None:
            ids = obj["index"].listing_ids(self.request)[:FEED_LENGTH]
            posts = NewsPage.objects.select_related("locale").prefetch_related("categories")
            items = in_order(posts, ids)
        else:
            posts = public_pages(self.request, NewsPage).child_of(obj["index"])
            posts = posts.filter(categories__slug=obj["category"].slug)
            items = list(
                posts.prefetch_related("categories").order_by("-date", "-pk")[:FEED_LENGTH]
            )
        # Every item's categories in the feed's language, looked up once for the whole feed.
        categories = {c for item in items for c in item.categories.all()}
        self.category_names = {
            original.pk: shown.name
            for original, shown in zip(
                categories,
                localized_categories(categories, obj["index"].locale_id),
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

    def item_categories(self, item):
        return [self.category_names[c.pk] for c in item.categories.all()]
