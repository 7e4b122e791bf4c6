"""News: reports that editors publish and readers follow in their own language."""

import uuid

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Max, Min, Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import DraftStateMixin, Orderable, Page, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from site_core.blocks import BodyBlock
from site_core.caching.page_cache import known_parameters, remember
from site_core.models import BasePage, SectionIndexPage, paginate
from site_core.navigation import in_order, public_pages

POSTS_PER_PAGE = 10
# The post cards' responsive picture, prefetched in bulk: exactly the specs of the {% picture %}
# tag in templates/components/post_card.html, in its order ("format-webp|fill-320x180", …). A
# spec that differs even in order finds no prefetched rendition, and Wagtail then encodes every
# rendition again on every render (tests/test_performance.py checks that a second render makes
# none).
POST_CARD_PICTURE = "format-{webp,jpeg} fill-{320x180,640x360}"
LISTING_RENDITIONS = Filter.expand_spec(POST_CARD_PICTURE)


class NewsCategory(DraftStateMixin, RevisionMixin, TranslatableMixin, models.Model):
    """A subject that news posts are filed under, named in each language.

    Draftable so that a translator's work waits for a reviewer of that language to publish it.
    """

    name = models.CharField(verbose_name=_("name"), max_length=80)
    slug = models.SlugField(
        verbose_name=_("slug"),
        max_length=80,
        allow_unicode=False,
        help_text=_("Used in addresses; the same in every language."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    override_translatable_fields = [SynchronizedField("slug")]

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="news_category")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
        ordering = ["name"]

    def __str__(self):
        return self.name


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


def with_listing_images(queryset):
    """Posts with their listing image and its rendition fetched in two queries, not 2 × N."""
    return queryset.prefetch_related(
        Prefetch(
            "hero_image",
            queryset=get_image_model().objects.prefetch_renditions(*LISTING_RENDITIONS),
        )
    )


def localized_categories(categories, locale_id):
    """Each category in the reader's language where a translation exists (one query)."""
    categories = list(categories)
    if not categories:
        return []
    translated = {
        category.translation_key: category
        for category in NewsCategory.objects.filter(
            translation_key__in=[c.translation_key for c in categories],
            locale_id=locale_id,
            live=True,
        )
    }
    return [translated.get(c.translation_key, c) for c in categories]


class RememberedIds:
    """A long ordered list of ids, remembered per cache generation in chunks of ``CHUNK``.

    Behaves as a sequence for Django's Paginator (``len()`` and slices): a page of a listing
    reads its count and the one or two chunks it needs, not the whole list.
    """

    CHUNK = 200

    def __init__(self, name, queryset):
        self.name = name
        self.queryset = queryset  # a callable returning the ordered values_list of ids

    def __len__(self):
        return remember(f"{self.name}:count", lambda: self.queryset().count())

    def count(self):
        return len(self)

    def _chunk(self, number):
        start = number * self.CHUNK
        return remember(
            f"{self.name}:{number}",
            lambda: list(self.queryset()[start : start + self.CHUNK]),
        )

    def __getitem__(self, index):
        if isinstance(index, int):
            found = self[index : index + 1]
            if not found:
                raise IndexError(index)
            return found[0]
        start, stop, _step = index.indices(len(self))
        if stop <= start:
            return []
        ids = []
        for number in range(start // self.CHUNK, (stop - 1) // self.CHUNK + 1):
            ids.extend(self._chunk(number))
        offset = (start // self.CHUNK) * self.CHUNK
        return ids[start - offset : stop - offset]


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

    def listing_queryset(self, request):
        return with_listing_images(public_pages(request, NewsPage).child_of(self)).order_by(
            "-date", "-pk"
        )

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

    @staticmethod
    def posts_in_order(ids):
        """The posts with these ids, in this order, with their listing images."""
        return in_order(with_listing_images(NewsPage.objects.select_related("locale")), ids)

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

    @path("")
    def index_route(self, request):
        posts = self.listing_queryset(request)
        filters = {}
        categories = remember(
            f"news-categories:{self.locale_id}",
            lambda: {
                c.slug: c
                for c in NewsCategory.objects.filter(locale_id=self.locale_id, live=True).order_by(
                    "name"
                )
            },
        )
        years = self.year_span(request)
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
            posts = posts.filter(tags__slug=tag)
        year = request.GET.get("year", "").strip()
        if year:
            filters["year"] = year
            valid_year = year.isdigit() and len(year) == 4
            posts = posts.filter(date__year=int(year)) if valid_year else posts.none()
        # The page cache stores only real values, spelt as this page's links spell them: a
        # category of this language, a tag some post here carries, a year with posts.
        given = request.GET
        if given.get("category") in categories:
            known_parameters(request, "category")
        if given.get("tag") == tag and tag in self.tag_slugs(request):
            known_parameters(request, "tag")
        if given.get("year") in {str(number) for number in years}:
            known_parameters(request, "year")
        if "category" in filters or "tag" in filters:
            posts = posts.distinct()  # the joins could repeat a post

        if filters:
            paginator, page_of_posts = paginate(
                request, posts, POSTS_PER_PAGE, _("There is no such page of posts.")
            )
        else:
            paginator, page_of_posts = paginate(
                request,
                self.listing_ids(request),
                POSTS_PER_PAGE,
                _("There is no such page of posts."),
            )
            page_of_posts.object_list = self.posts_in_order(page_of_posts.object_list)
        return self.render(
            request,
            context_overrides={
                "posts": page_of_posts,
                "paginator": paginator,
                "filters": filters,
                "categories": list(categories.values()),
                "years": years,
                "has_filters": bool(filters),
            },
        )

    @path("feed/")
    def feed_route(self, request):
        from news.feeds import NewsFeed

        return NewsFeed()(request, index=self)

    @path("category/<slug:slug>/feed/")
    def category_feed_route(self, request, slug):
        from news.feeds import NewsFeed

        category = NewsCategory.objects.filter(
            slug=slug, locale_id=self.locale_id, live=True
        ).first()
        if category is None:
            category = NewsCategory.objects.filter(slug=slug, live=True).first()
        if category is None:
            raise Http404(_("There is no such category."))
        return NewsFeed()(request, index=self, category=category)


class NewsPage(BasePage):
    """A news report: date, author, summary, picture, body, categories and tags."""

    date = models.DateTimeField(
        verbose_name=_("publication date"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Leave empty to use the moment it is first published."),
    )
    author = models.CharField(verbose_name=_("author"), max_length=160, blank=True)
    summary = models.TextField(
        verbose_name=_("summary"),
        max_length=400,
        help_text=_("One or two sentences, shown in listings, feeds and search results."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        verbose_name=_("image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who cannot see it."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    categories = ParentalManyToManyField(
        "news.NewsCategory", verbose_name=_("categories"), blank=True, related_name="+"
    )
    tags = ClusterTaggableManager(
        verbose_name=_("tags"), through=NewsPageTag, blank=True, help_text=None
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("date"), FieldPanel("author")], heading=_("Publication")),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Image")
        ),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("categories"), FieldPanel("tags")], heading=_("Filing")),
        InlinePanel("related_posts", label=_("Related posts"), max_num=4),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("hero_image"),
        SynchronizedField("categories"),
        SynchronizedField("tags"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news page")
        verbose_name_plural = _("news pages")

    def save(self, *args, **kwargs):
        # The publication date defaults to the moment of first publication.
        if self.date is None and self.first_published_at is not None:
            self.date = self.first_published_at
        return super().save(*args, **kwargs)

    @property
    def display_date(self):
        return self.date or self.first_published_at or timezone.now()

    def get_social_image(self):
        return self.social_image or self.hero_image

    def get_meta_description(self):
        return self.search_description or self.summary

    def category_names(self):
        return ", ".join(category.name for category in self.categories.all())

    category_names.short_description = _("categories")

    def feed_guid(self):
        """A stable identifier for feed readers: the same across edits and slug changes."""
        return f"urn:uuid:{uuid.uuid5(self.translation_key, self.locale.language_code)}"

    def get_related_posts(self, request=None, limit=3, categories=None):
        """The editor's choice in this language, else the newest posts sharing a category.

        The newest posts of a set of categories are remembered per cache generation: finding
        them walks every post of those categories.
        """
        chosen = [row.post for row in self.related_posts.select_related("post") if row.post_id]
        if chosen:
            versions = {
                p.translation_key: p
                for p in with_listing_images(public_pages(request, NewsPage)).filter(
                    translation_key__in=[p.translation_key for p in chosen],
                    locale_id=self.locale_id,
                )
            }
            resolved = [versions.get(p.translation_key) for p in chosen]
            return [p for p in resolved if p is not None][:limit]
        if categories is None:
            categories = self.categories.all()
        category_ids = sorted(c.pk for c in categories)
        if not category_ids:
            return []
        newest = remember(
            f"category-posts:{self.locale_id}:{','.join(map(str, category_ids))}:{limit}",
            lambda: list(
                public_pages(request, NewsPage)
                .filter(locale_id=self.locale_id, categories__in=category_ids)
                .distinct()
                .order_by("-date", "-pk")
                .values_list("pk", flat=True)[: limit + 1]
            ),
        )
        return NewsIndexPage.posts_in_order([pk for pk in newest if pk != self.pk][:limit])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        categories = list(self.categories.all())
        context["categories"] = localized_categories(categories, self.locale_id)
        context["related_posts"] = self.get_related_posts(request, categories=categories)
        context["news_index"] = self.get_parent()
        return context


class NewsPageRelatedPost(Orderable):
    """A post the editor links from another post."""

    page = ParentalKey(NewsPage, related_name="related_posts", on_delete=models.CASCADE)
    post = models.ForeignKey(
        "news.NewsPage",
        verbose_name=_("post"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("post", "news.NewsPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related post")
        verbose_name_plural = _("related posts")


def recent_posts(locale_id, request=None, limit=5):
    """The newest live public posts in one language, for the home page (per generation)."""
    return remember(
        f"recent-posts:{locale_id}:{limit}",
        lambda: list(
            public_pages(request, NewsPage)
            .filter(locale_id=locale_id)
            .order_by("-date", "-pk")[:limit]
        ),
    )
