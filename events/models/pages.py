"""An event page: what, where and when, with its status, dates and an .ics file."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from events.calendars import calendar_response
from events.choices import EventKind, EventStatus, time_zone_choices
from site_core.blocks import BodyBlock
from site_core.localized import version_in
from site_core.models import ALT_TEXT_HELP, BasePage
from site_core.navigation import public_pages


class EventPage(RoutablePageMixin, BasePage):
    """One event: what, where and when (one or more dates), with its status and an .ics file."""

    summary = models.TextField(
        verbose_name=_("summary"),
        max_length=400,
        help_text=_("One or two sentences, shown in listings and calendars."),
    )
    kind = models.CharField(
        verbose_name=_("kind"), max_length=40, choices=EventKind.choices, db_index=True
    )
    status = models.CharField(
        verbose_name=_("status"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
    )
    status_notice = models.TextField(
        verbose_name=_("status notice"),
        blank=True,
        help_text=_("Shown prominently when the event is cancelled or postponed."),
    )
    time_zone = models.CharField(
        verbose_name=_("time zone"),
        max_length=64,
        choices=time_zone_choices,
        default="Europe/Amsterdam",
        help_text=_("Dates and times below are in this zone, and shown in it."),
    )
    repeat_weekly_until = models.DateField(
        verbose_name=_("repeat every week until"),
        null=True,
        blank=True,
        help_text=_("For stands that come back every week: the last date, in the event's zone."),
    )
    venue = models.CharField(verbose_name=_("venue"), max_length=200, blank=True)
    address = models.CharField(verbose_name=_("address"), max_length=250, blank=True)
    city = models.CharField(verbose_name=_("city"), max_length=100, db_index=True)
    country = models.CharField(verbose_name=_("country"), max_length=100, db_index=True)
    latitude = models.DecimalField(
        verbose_name=_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        verbose_name=_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    organiser = models.CharField(verbose_name=_("organiser"), max_length=200, blank=True)
    contact_email = models.EmailField(verbose_name=_("contact e-mail"), blank=True)
    more_info_url = models.URLField(verbose_name=_("registration or more information"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        verbose_name=_("image alternative text"),
        max_length=250,
        blank=True,
        help_text=ALT_TEXT_HELP,
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    film = models.ForeignKey(
        "films.FilmPage",
        verbose_name=_("film"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For screenings: the film that is shown."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
                FieldPanel("status_notice"),
            ],
            heading=_("What"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("time_zone"),
                InlinePanel("occurrences", label=_("Dates"), min_num=1),
                FieldPanel("repeat_weekly_until"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel("organiser"), FieldPanel("contact_email"), FieldPanel("more_info_url")],
            heading=_("Contact"),
        ),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("film"),
        FieldPanel("body"),
    ]

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("image"),
        SynchronizedField("film"),
    ]
    image_alt_fields = (("image", "image_alt"),)

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    search_fields = [
        *Page.search_fields,
        index.SearchField("search_description"),
        index.SearchField("summary"),
        index.SearchField("venue"),
        index.SearchField("city"),
        index.SearchField("country"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("event page")
        verbose_name_plural = _("event pages")

    @property
    def zone(self):
        return ZoneInfo(self.time_zone)

    def get_social_image(self):
        return self.social_image or self.image

    def get_meta_description(self):
        return self.search_description or self.summary

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    def dates(self, now=None):
        """(start, end, occurrence) of every date, weekly repeats expanded, in order."""
        expanded = []
        for occurrence in self.occurrences.all():
            expanded.extend(
                (start, end, occurrence)
                for start, end in occurrence.repeats(self.repeat_weekly_until, self.zone)
            )
        expanded.sort(key=lambda item: item[0])
        return expanded

    @property
    def kind_label(self):
        """``get_kind_display()`` without hashing every choice on each call (listings)."""
        return EventKind(self.kind).label if self.kind in EventKind.values else self.kind

    @property
    def status_label(self):
        return EventStatus(self.status).label if self.status in EventStatus.values else self.status

    def next_start(self, now=None):
        now = now or timezone.now()
        for start, end, _occurrence in self.dates():
            if end >= now:
                return start
        return None

    def upcoming_dates(self, now=None, limit=10):
        now = now or timezone.now()
        return [item for item in self.dates() if item[1] >= now][:limit]

    def happens_in_month(self, first_day):
        last_day = (first_day.replace(day=28) + timedelta(days=4)).replace(day=1)
        return any(
            start.astimezone(self.zone).date() < last_day
            and end.astimezone(self.zone).date() >= first_day
            for start, end, _occurrence in self.dates()
        )

    def osm_url(self):
        if self.latitude is None or self.longitude is None:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=17/{self.latitude}/{self.longitude}"
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["upcoming_dates"] = self.upcoming_dates(now)
        context["all_dates"] = self.dates()
        context["film_shown"] = self.film_in_language(request) if self.film_id else None
        return context

    def film_in_language(self, request=None):
        """The linked film in this event's language where it is live, else as chosen.

        The film's model is reached through the ``film`` relation ("films.FilmPage"): events
        import nothing from films (films list their screenings, so films import events).
        """
        film_model = self._meta.get_field("film").related_model
        return version_in(self.film, self.locale_id, public_pages(request, film_model)) or self.film

    def get_cached_paths(self):
        """The event and its calendar file: what a CDN must purge when the event changes."""
        return ["/", "/" + self.reverse_subpage("calendar_route")]

    @path("ics/")
    def calendar_route(self, request):
        return calendar_response(request, [self], name=self.title, filename=f"{self.slug}.ics")
