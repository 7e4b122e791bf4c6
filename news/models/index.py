"""The news index of one language: the listing with its filters, and the RSS feeds."""

from django.db.models import Max, Min
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from news.feeds import NewsFeed
from news.models.categories import NewsCategory, localized_categories
from news.models.posts import NewsPage, NewsPageTag, posts_in_order
from site_core.caching.page_cache import known_parameters, remember
from site_core.languages.fallback import joined, source_version, untranslated
from site_core.listings import RememberedIds, page_of_ids
from site_core.models import SectionIndexPage
from site_core.navigation import in_order, public_pages

POSTS_PER_PAGE = 10


class NewsIndexPage(RoutablePageMixin, SectionIndexPage):
    """The list of news posts in one language, with filters and feeds."""

    subpage_types = ["news.NewsPage"]
    cache_query_parameters = (
        *SectionIndexPage.cache_query_parameters,
        "page",
        "category",
        "tag",
        "year",
    )

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")

    def listing_ids(self, request=None):
        """Every live public post's id, newest first, read in chunks once per cache generation.

        Ordering the posts by date takes the database through every post of the index (the
        date is not on Wagtail's page table): remembered, a listing page costs one look-up of
        ten posts by primary key, and reads one chunk of ids, however many posts there are.
        """
        return RememberedIds(
            f"news-listing:{self.pk}",
            lambda: (
                public_pages(request, NewsPage)
                .child_of(self)
                .order_by("-date", "-pk")
                .values_list("pk", flat=True)
            ),
        )

    def fallback_ids(self, request=None, filters=None):
        """The English posts of this index's English version that are not live in this
        language, newest first, narrowed by the reader's ``filters`` like the own posts (a
        category through its translation key); ids, remembered in chunks when unfiltered."""
        source = source_version(self)
        if source is None:
            return []
        if not filters:
            return RememberedIds(
                f"news-fallback:{self.pk}", lambda: self.fallback_posts(request, source, {})
            )
        return self.fallback_posts(request, source, filters)

    def fallback_posts(self, request, source, filters):
        posts = untranslated(public_pages(request, NewsPage).child_of(source), self.locale_id)
        if "category" in filters:
            category = filters["category"]
            if category is None:
                return []
            posts = posts.filter(categories__translation_key=category.translation_key)
        if filters.get("tag"):
            if "\x00" in filters["tag"]:
                return []
            posts = posts.filter(tags__slug=filters["tag"])
        year = filters.get("year")
        if year:
            if not ((year.isascii() and year.isdigit()) and len(year) == 4):
                return []
            posts = posts.filter(date__year=int(year))
        if "category" in filters or "tag" in filters:
            posts = posts.distinct()
        return posts.order_by("-date", "-pk").values_list("pk", flat=True)

    def listed_ids(self, request=None, filters=None, posts=None):
        """The listing in its order: this language's posts (``posts`` when ``filters`` narrow
        them), then the English ones its setting adds (``site_core.languages.fallback``)."""
        own = posts.values_list("pk", flat=True) if filters else self.listing_ids(request)
        return joined(self.locale_id, own, self.fallback_ids(request, filters))

    def year_span(self, request=None):
        """The years with posts, newest first (per cache generation)."""

        def build():
            span = (
                public_pages(request, NewsPage)
                .child_of(self)
                .aggregate(first=Min("date"), last=Max("date"))
            )
            if not span["first"]:
                return []
            return list(range(span["last"].year, span["first"].year - 1, -1))

        return remember(f"news-years:{self.pk}", build)

    def tag_slugs(self, request=None):
        """The tags that posts of this index carry (per cache generation)."""
        return remember(
            f"news-tags:{self.pk}",
            lambda: set(
                NewsPageTag.objects.filter(
                    content_object__in=public_pages(request, NewsPage).child_of(self)
                ).values_list("tag__slug", flat=True)
            ),
        )

    def categories_by_slug(self):
        """This language's live categories by slug, in name order (per cache generation)."""
        return remember(
            f"news-categories:{self.locale_id}",
            lambda: {
                c.slug: c
                for c in NewsCategory.objects.filter(locale_id=self.locale_id, live=True).order_by(
                    "name"
                )
            },
        )

    def get_cached_paths(self):
        """The listing and its feed: what a CDN must purge when a post here changes."""
        return ["/", "/" + self.reverse_subpage("feed_route")]

    @path("")
    def index_route(self, request):
        categories = self.categories_by_slug()
        years = self.year_span(request)
        posts, filters = self.filtered_posts(request, categories)
        self.vouch_for_filters(request, categories, years)
        not_found = _("There is no such page of posts.")
        paginator, page_of_posts = page_of_ids(
            request,
            self.listed_ids(request, filters, posts),
            POSTS_PER_PAGE,
            not_found,
            load=posts_in_order,
        )
        return self.render(
            request,
            context_overrides={
                "posts": page_of_posts,
                "paginator": paginator,
                "filters": filters,
                "categories": list(categories.values()),
                "years": years,
                "has_filters": bool(filters),
                # a tag is named only when a post here carries it (a draft's tag stays unnamed)
                "tag_is_known": filters.get("tag") in self.tag_slugs(request),
            },
        )

    def filtered_posts(self, request, categories):
        """The posts the reader's filters (category, tag, year) leave, and those filters.

        A filter value that names nothing (no such category, a year that is not a year)
        leaves no posts, never an error.
        """
        posts = public_pages(request, NewsPage).child_of(self).order_by("-date", "-pk")
        filters = {}
        category_slug = request.GET.get("category", "").strip()[:80]
        if category_slug:
            filters["category"] = categories.get(category_slug)
            posts = (
                posts.filter(categories__slug=category_slug)
                if filters["category"]
                else posts.none()
            )
        tag = request.GET.get("tag", "").strip()[:100]
        if tag:
            filters["tag"] = tag
            # No tag holds a NUL (PostgreSQL refuses one in a query: it answered 500).
            posts = posts.filter(tags__slug=tag) if "\x00" not in tag else posts.none()
        year = request.GET.get("year", "").strip()
        if year:
            filters["year"] = year
            valid_year = (year.isascii() and year.isdigit()) and len(year) == 4
            posts = posts.filter(date__year=int(year)) if valid_year else posts.none()
        if "category" in filters or "tag" in filters:
            posts = posts.distinct()  # the joins could repeat a post
        return posts, filters

    def vouch_for_filters(self, request, categories, years):
        """Tells the page cache which filter values are real, spelt as this page's links spell
        them: a category of this language, a tag some post here carries, a year with posts."""
        given = request.GET
        tag = given.get("tag", "").strip()[:100]
        if given.get("category") in categories:
            known_parameters(request, "category")
        if given.get("tag") == tag and tag in self.tag_slugs(request):
            known_parameters(request, "tag")
        if given.get("year") in {str(number) for number in years}:
            known_parameters(request, "year")

    def feed_posts(self, request, category=None, length=20):
        """The newest ``length`` posts for a feed (of one category), with their categories."""
        if category is None:
            ids = self.listed_ids(request)[:length]
        else:
            own = public_pages(request, NewsPage).child_of(self)
            own = own.filter(categories__slug=category.slug).order_by("-date", "-pk")
            english = self.fallback_ids(request, {"category": category})
            ids = joined(self.locale_id, own.values_list("pk", flat=True), english)[:length]
        posts = NewsPage.objects.select_related("locale").prefetch_related("categories")
        return in_order(posts, ids)

    def localized_categories(self, categories):
        """Each of ``categories`` in this index's language where it is translated."""
        return localized_categories(categories, self.locale_id)

    @path("feed/")
    def feed_route(self, request):
        return NewsFeed()(request, index=self)

    @path("category/<slug:slug>/feed/")
    def category_feed_route(self, request, slug):
        category = NewsCategory.objects.filter(
            slug=slug, locale_id=self.locale_id, live=True
        ).first()
        if category is None:
            category = NewsCategory.objects.filter(slug=slug, live=True).first()
        if category is None:
            raise Http404(_("There is no such category."))
        return NewsFeed()(request, index=self, category=category)
