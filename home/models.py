"""The home page of each language and the general-purpose content page."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from events.models import upcoming_with_fallback
from news.models import NewsPage, recent_posts
from site_core.blocks import BodyBlock
from site_core.caching.page_cache import remember
from site_core.languages.fallback import room, source_locale_id, untranslated
from site_core.localized import versions_in
from site_core.models import ALT_TEXT_HELP, BasePage
from site_core.navigation import public_pages


class HomePage(BasePage):
    """The front page of one language: a hero, featured pages and free content."""

    hero_heading = models.CharField(verbose_name=_("hero heading"), max_length=160)
    hero_intro = models.TextField(verbose_name=_("hero introduction"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        verbose_name=_("hero image alternative text"),
        max_length=250,
        blank=True,
        help_text=ALT_TEXT_HELP,
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_intro"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
            ],
            heading=_("Hero"),
        ),
        InlinePanel("featured_pages", label=_("Featured pages"), max_num=6),
        FieldPanel("body"),
    ]

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("hero_image"),
    ]
    image_alt_fields = (("hero_image", "hero_image_alt"),)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "news.NewsIndexPage",
        "events.EventIndexPage",
        "films.FilmIndexPage",
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("search_description"),
        index.SearchField("hero_heading"),
        index.SearchField("hero_intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_social_image(self):
        return self.social_image or self.hero_image

    def get_meta_description(self):
        return self.search_description or self.hero_intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured"] = remember(
            f"featured:{request.get_host()}:{self.pk}", lambda: self.get_featured_pages(request)
        )
        context["recent_posts"] = recent_posts_with_fallback(self.locale_id, request)
        context["upcoming_events"] = upcoming_with_fallback(self.locale_id, request)
        return context

    def get_featured_pages(self, request=None):
        """The editor's featured pages, each shown in this page's language where it is live.

        A featured page without a live translation is shown in its own language (and marked
        with that language in the template) rather than dropped. Two queries, however many.
        """
        chosen = [
            row.page
            for row in self.featured_pages.select_related("page", "page__locale")
            if row.page
        ]
        if not chosen:
            return []
        versions = versions_in(chosen, self.locale_id, public_pages(request))
        resolved = []
        for page, shown in zip(chosen, versions, strict=True):
            if shown is None and page.live:
                shown = page
            if shown is not None:
                resolved.append(shown)
        return resolved


def recent_posts_with_fallback(locale_id, request=None, limit=5):
    """The home page's newest posts: this language's, then, as its setting allows, the newest
    English posts not live in it (``site_core.languages.fallback``)."""
    own = recent_posts(locale_id, request, limit)
    extra = room(locale_id, len(own), section_size=limit)
    if not extra:
        return own
    english = remember(
        f"untranslated-recent-posts:{locale_id}:{limit}",
        lambda: list(
            untranslated(
                public_pages(request, NewsPage).filter(locale_id=source_locale_id()), locale_id
            ).order_by("-date", "-pk")[:limit]
        ),
    )
    return own + english[:extra]


class HomePageFeaturedPage(Orderable):
    """One featured page on a home page, in the order the editor chose."""

    home_page = ParentalKey(HomePage, related_name="featured_pages", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured page")
        verbose_name_plural = _("featured pages")


class StandardPage(BasePage):
    """A page of text and media, such as About, Worldwide activism or Key statistics."""

    intro = models.TextField(verbose_name=_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    search_fields = [
        *Page.search_fields,
        index.SearchField("search_description"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def get_meta_description(self):
        return self.search_description or self.intro
