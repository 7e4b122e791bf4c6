"""Films: the documentaries, each with its facts, trailer and upcoming screenings.

Films depend on events, never the reverse: a film page lists its upcoming screenings
(``events.models.upcoming_events``); an event names its film by the string "films.FilmPage".
"""

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from events.models import upcoming_events
from site_core.blocks import video_embed_url
from site_core.caching.page_cache import remember
from site_core.models import ALT_TEXT_HELP, BasePage, SectionIndexPage
from site_core.navigation import in_order, public_pages


class AwardBlock(blocks.StructBlock):
    """One award a film won."""

    award = blocks.CharBlock(label=_("Award"), max_length=200)
    festival = blocks.CharBlock(label=_("Festival"), max_length=200, required=False)
    year = blocks.IntegerBlock(label=_("Year"), required=False, min_value=1900, max_value=2100)

    class Meta:
        icon = "pick"
        label = _("Award")


class WatchLinkBlock(blocks.StructBlock):
    """Where readers can watch the film."""

    label = blocks.CharBlock(label=_("Label"), max_length=100)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Where to watch")


# The poster of a film card, as templates/films/film_index_page.html names it (same filters, same
# order: prefetched renditions are matched by that exact spec).
POSTER_LISTING_SPEC = "fill-480x270|format-webp"


class FilmIndexPage(SectionIndexPage):
    """The list of films in one language."""

    subpage_types = ["films.FilmPage"]

    class Meta:
        verbose_name = _("film index page")
        verbose_name_plural = _("film index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The ids are remembered once per cache generation; the posters and their renditions are
        # looked up on each render. (A remembered list would keep its poster prefetch as it was
        # when built: a rendition made since would be missing from it, and made again each time.)
        ids = remember(
            f"films:{self.pk}",
            lambda: list(
                public_pages(request, FilmPage)
                .child_of(self)
                .order_by("path")
                .values_list("pk", flat=True)
            ),
        )
        context["films"] = in_order(
            FilmPage.objects.select_related("locale").prefetch_related(
                Prefetch(
                    "poster",
                    queryset=get_image_model().objects.prefetch_renditions(POSTER_LISTING_SPEC),
                )
            ),
            ids,
        )
        return context


class FilmPage(BasePage):
    """A documentary: facts, synopsis, poster, awards, trailer and where to watch it."""

    original_title = models.CharField(
        verbose_name=_("original title"),
        max_length=200,
        help_text=_("The title the film was released under; the same in every language."),
    )
    year = models.PositiveSmallIntegerField(verbose_name=_("year"), null=True, blank=True)
    runtime = models.PositiveSmallIntegerField(
        verbose_name=_("runtime in minutes"), null=True, blank=True
    )
    directors = models.CharField(verbose_name=_("director(s)"), max_length=250, blank=True)
    languages = models.CharField(verbose_name=_("languages"), max_length=250, blank=True)
    subtitle_languages = models.CharField(
        verbose_name=_("subtitle languages"), max_length=250, blank=True
    )
    synopsis = RichTextField(
        verbose_name=_("synopsis"), features=["bold", "italic", "link"], blank=True
    )
    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("poster"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    poster_alt = models.CharField(
        verbose_name=_("poster alternative text"),
        max_length=250,
        blank=True,
        help_text=ALT_TEXT_HELP,
    )
    awards = StreamField([("award", AwardBlock())], verbose_name=_("awards"), blank=True)
    trailer_url = models.URLField(
        verbose_name=_("trailer"),
        blank=True,
        help_text=_("A YouTube or Vimeo link. Nothing is loaded from there until a reader clicks."),
    )
    trailer_still = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("trailer still image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    where_to_watch = StreamField(
        [("link", WatchLinkBlock())], verbose_name=_("where to watch"), blank=True
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("original_title"),
                FieldRowPanel([FieldPanel("year"), FieldPanel("runtime")]),
                FieldPanel("directors"),
                FieldRowPanel([FieldPanel("languages"), FieldPanel("subtitle_languages")]),
            ],
            heading=_("Facts"),
        ),
        FieldPanel("synopsis"),
        MultiFieldPanel([FieldPanel("poster"), FieldPanel("poster_alt")], heading=_("Poster")),
        FieldPanel("awards"),
        MultiFieldPanel(
            [FieldPanel("trailer_url"), FieldPanel("trailer_still")], heading=_("Trailer")
        ),
        FieldPanel("where_to_watch"),
    ]

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("original_title"),
        SynchronizedField("poster"),
        SynchronizedField("trailer_still"),
        SynchronizedField("directors"),
    ]
    image_alt_fields = (("poster", "poster_alt"),)

    parent_page_types = ["films.FilmIndexPage"]
    subpage_types = []

    search_fields = [
        *Page.search_fields,
        index.SearchField("search_description"),
        index.SearchField("original_title"),
        index.SearchField("synopsis"),
    ]

    class Meta:
        verbose_name = _("film page")
        verbose_name_plural = _("film pages")

    def get_social_image(self):
        return self.social_image or self.poster

    def trailer_embed_url(self):
        return video_embed_url(self.trailer_url) if self.trailer_url else ""

    def screenings(self, request=None, limit=5):
        """Upcoming events showing this film (in any language version), in this language."""
        versions = FilmPage.objects.filter(translation_key=self.translation_key).values("pk")
        return upcoming_events(self.locale_id, request, limit=limit, film__in=versions)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["screenings"] = self.screenings(request)
        return context
