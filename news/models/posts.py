"""News posts: reports that editors publish and readers follow in their own language."""

import uuid

from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from news.forms import NewsPageForm
from news.models.categories import localized_categories
from site_core.blocks import BodyBlock
from site_core.caching.page_cache import remember
from site_core.localized import versions_in
from site_core.models import ALT_TEXT_HELP, BasePage
from site_core.navigation import in_order, public_pages

# The post cards' responsive picture, prefetched in bulk: exactly the specs of the {% picture %}
# tag in templates/components/post_card.html, in its order ("format-webp|fill-320x180", …). A
# spec that differs even in order finds no prefetched rendition, and Wagtail then encodes every
# rendition again on every render (tests/test_performance.py checks that a second render makes
# none).
POST_CARD_PICTURE = "format-{webp,jpeg} fill-{320x180,640x360}"
LISTING_RENDITIONS = Filter.expand_spec(POST_CARD_PICTURE)


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


def posts_in_order(ids):
    """The posts with these ids, in this order, with their listing images."""
    return in_order(with_listing_images(NewsPage.objects.select_related("locale")), ids)


class NewsPage(BasePage):
    """A news report: date, author, summary, picture, body, categories and tags."""

    base_form_class = NewsPageForm

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
        help_text=ALT_TEXT_HELP,
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
    image_alt_fields = (("hero_image", "hero_image_alt"),)

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
            shown = with_listing_images(public_pages(request, NewsPage))
            resolved = versions_in(chosen, self.locale_id, shown)
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
        return posts_in_order([pk for pk in newest if pk != self.pk][:limit])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        categories = list(self.categories.all())
        context["categories"] = localized_categories(categories, self.locale_id)
        # Read once for the tag links and the JSON-LD keywords; named by {{ tag|tag_name }}.
        context["tags"] = list(self.tags.all())
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
