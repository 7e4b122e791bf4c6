"""Events: where to meet and when, in every reader's language, with calendars for every app."""

from datetime import datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from site_core.blocks import BodyBlock
from site_core.caching.page_cache import known_parameters, remember
from site_core.models import BasePage, SectionIndexPage, paginate
from site_core.navigation import in_order, public_pages

EVENTS_PER_PAGE = 10
UPCOMING_SECONDS = 60  # how long a remembered list of upcoming events may be kept


@lru_cache(maxsize=1)
def time_zone_choices():
    return [(name, name.replace("_", " ")) for name in sorted(available_timezones())]


class EventKind(models.TextChoices):
    PARADE = "parade", _("Parade")
    INFORMATION_STAND = "information_stand", _("Information stand")
    EXHIBITION = "exhibition", _("Exhibition")
    PETITION_DRIVE = "petition_drive", _("Petition drive")
    VIGIL = "vigil", _("Candlelight vigil")
    FILM_SCREENING = "film_screening", _("Film screening")
    TALK = "talk", _("Talk")
    OTHER = "other", _("Other")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")


class EventIndexPage(RoutablePageMixin, SectionIndexPage):
    """The events of one language: upcoming first, an archive, filters and calendar feeds."""

    subpage_types = ["events.EventPage"]
    cache_query_parameters = (
        *SectionIndexPage.cache_query_parameters,
        "page",
        "when",
        "kind",
        "country",
        "city",
        "month",
    )

    class Meta:
        verbose_name = _("event index page")
        verbose_name_plural = _("event index pages")

    def events(self, request=None):
        return public_pages(request, EventPage).child_of(self)

    def upcoming(self, request=None, now=None):
        """Events with an occurrence (or a weekly repeat) that has not ended, soonest first."""
        now = now or timezone.now()
        events = (
            self.events(request)
            .filter(Q(occurrences__end__gte=now) | Q(repeat_weekly_until__gte=now.date()))
            .distinct()
            .prefetch_related("occurrences")
        )
        return sorted(events, key=lambda event: (event.next_start(now) or now, event.pk))

    def upcoming_ids(self, request=None):
        """The ids of ``upcoming()``, kept for a minute at most and until content changes."""
        return remember(
            f"upcoming:{self.pk}",
            lambda: [event.pk for event in self.upcoming(request)],
            timeout=UPCOMING_SECONDS,
        )

    @staticmethod
    def by_ids(ids):
        """The events with these ids, in this order, with their dates."""
        events = EventPage.objects.select_related("locale").prefetch_related("occurrences")
        return in_order(events, ids)

    def past(self, request=None, now=None):
        now = now or timezone.now()
        return (
            self.events(request)
            .exclude(occurrences__end__gte=now)
            .exclude(repeat_weekly_until__gte=now.date())
            .annotate(first_start=Min("occurrences__start"))
            .filter(first_start__isnull=False)
            .prefetch_related("occurrences")
            .order_by("-first_start", "-pk")
        )

    def filter_options(self, request=None):
        rows = remember(
            f"event-filters:{self.pk}",
            lambda: list(self.events(request).values_list("kind", "country", "city").distinct()),
        )
        kinds = {kind for kind, _country, _city in rows}
        return {
            "kinds": [(value, label) for value, label in EventKind.choices if value in kinds],
            "countries": sorted({country for _kind, country, _city in rows if country}),
            "cities": sorted({city for _kind, _country, city in rows if city}),
        }

    def month_span(self, request=None):
        """The first and last month ("YYYY-MM") with a date of an event here, or None."""

        def build():
            span = self.events(request).aggregate(
                first=Min("occurrences__start_date"),
                last_start=Max("occurrences__start_date"),
                last_end=Max("occurrences__end_date"),
                repeat_until=Max("repeat_weekly_until"),
            )
            if span["first"] is None:
                return None
            last = max(d for key, d in span.items() if key != "first" and d is not None)
            return span["first"].strftime("%Y-%m"), last.strftime("%Y-%m")

        return remember(f"event-months:{self.pk}", build)

    def vouch_for_filters(self, request, options):
        """Tells the page cache which filter values are real, spelt as this page's links spell
        them: ``when=past``, a kind, a country or city of an event here, a month from the first
        event to the last."""
        given = request.GET
        if given.get("when") == "past":
            known_parameters(request, "when")
        if given.get("kind") in EventKind.values:
            known_parameters(request, "kind")
        if given.get("country") in options["countries"]:
            known_parameters(request, "country")
        if given.get("city") in options["cities"]:
            known_parameters(request, "city")
        month = given.get("month", "")
        if len(month) == 7 and (span := self.month_span(request)) and span[0] <= month <= span[1]:
            try:
                real = datetime.strptime(month, "%Y-%m").strftime("%Y-%m") == month
            except ValueError:
                real = False
            if real:
                known_parameters(request, "month")

    @path("")
    def index_route(self, request):
        now = timezone.now()
        archive = request.GET.get("when") == "past"
        options = self.filter_options(request)
        self.vouch_for_filters(request, options)
        filters = {}
        narrowed = {}
        kind = request.GET.get("kind", "").strip()[:40]
        if kind:
            filters["kind"] = dict(EventKind.choices).get(kind, kind)
            narrowed["kind"] = kind
        for field in ("country", "city"):
            value = request.GET.get(field, "").strip()[:100]
            if value:
                filters[field] = value
                narrowed[field] = value
        month = request.GET.get("month", "").strip()[:7]
        first_day = None
        if month:
            filters["month"] = month
            try:
                first_day = datetime.strptime(month, "%Y-%m").date()
                if not 1900 <= first_day.year <= 9998:
                    raise ValueError(month)
            except ValueError:
                first_day = False  # no such month: nothing matches

        if archive:
            events = self.past(request, now).filter(**narrowed)
        else:
            # Upcoming events in date order, as ids remembered for a minute: a page of the
            # listing then loads its ten events, not all of them.
            ids = self.upcoming_ids(request)
            events = ids
            if narrowed or month:
                events = EventPage.objects.filter(pk__in=ids, **narrowed).values_list(
                    "pk", flat=True
                )
                position = {pk: number for number, pk in enumerate(ids)}
                events = sorted(events, key=position.__getitem__)
        if month:
            if first_day is False:
                events = []
            else:
                matching = self.by_ids(events) if not archive else events
                events = [event for event in matching if event.happens_in_month(first_day)]
        paginator, page_of_events = paginate(
            request, events, EVENTS_PER_PAGE, _("There is no such page of events.")
        )
        if page_of_events.object_list and isinstance(page_of_events.object_list[0], int):
            ids = list(page_of_events.object_list)
            page_of_events.object_list = remember(
                f"events-by-id:{','.join(map(str, ids))}",
                lambda: self.by_ids(ids),
                timeout=UPCOMING_SECONDS,
            )
        return self.render(
            request,
            context_overrides={
                "events": page_of_events,
                "paginator": paginator,
                "archive": archive,
                "filters": filters,
                "selected": narrowed,
                "has_filters": bool(filters),
                "now": now,
                **options,
            },
        )

    @path("ics/")
    def calendar_route(self, request):
        from events.calendars import calendar_response

        kind = request.GET.get("kind", "").strip()[:40]
        if request.GET.get("kind") in EventKind.values:
            known_parameters(request, "kind")
        events = self.by_ids(self.upcoming_ids(request))
        if kind:
            events = [event for event in events if event.kind == kind]
        return calendar_response(request, events, name=self.title, filename="events.ics")


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
        help_text=_("Describe the image for people who cannot see it."),
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
        """The linked film in this event's language where it is live, else as chosen."""
        from films.models import FilmPage

        return (
            public_pages(request, FilmPage)
            .filter(translation_key=self.film.translation_key, locale_id=self.locale_id)
            .first()
            or self.film
        )

    @path("ics/")
    def calendar_route(self, request):
        from events.calendars import calendar_response

        return calendar_response(request, [self], name=self.title, filename=f"{self.slug}.ics")


class EventOccurrence(Orderable):
    """One date of an event, entered in the event's time zone."""

    event = ParentalKey(EventPage, related_name="occurrences", on_delete=models.CASCADE)
    start_date = models.DateField(verbose_name=_("start date"))
    start_time = models.TimeField(verbose_name=_("start time"), null=True, blank=True)
    end_date = models.DateField(verbose_name=_("end date"), null=True, blank=True)
    end_time = models.TimeField(verbose_name=_("end time"), null=True, blank=True)
    all_day = models.BooleanField(verbose_name=_("all day"), default=False)
    # The same moments as aware datetimes (UTC in the database), for queries.
    start = models.DateTimeField(editable=False, db_index=True, null=True)
    end = models.DateTimeField(editable=False, db_index=True, null=True)

    panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
        FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
        FieldPanel("all_day"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("date")
        verbose_name_plural = _("dates")

    def local_bounds(self, zone=None):
        """Start and end as aware datetimes in the event's zone (end exclusive for all-day)."""
        zone = zone or ZoneInfo(self.event.time_zone)
        end_date = self.end_date or self.start_date
        if self.all_day:
            start = datetime.combine(self.start_date, time.min, tzinfo=zone)
            end = datetime.combine(end_date + timedelta(days=1), time.min, tzinfo=zone)
        else:
            start = datetime.combine(self.start_date, self.start_time or time.min, tzinfo=zone)
            end = datetime.combine(end_date, self.end_time or time.min, tzinfo=zone)
        return start, end

    def clean(self):
        super().clean()
        if not self.all_day and (self.start_time is None or self.end_time is None):
            raise ValidationError(
                {"start_time": _("Give a start and an end time, or tick “all day”.")}
            )
        if self.start_date is None:
            return
        # Both ends are in the event's zone, so their wall-clock times compare directly.
        end_date = self.end_date or self.start_date
        if self.all_day:
            backwards = end_date < self.start_date
        else:
            backwards = (end_date, self.end_time) <= (self.start_date, self.start_time)
        if backwards:
            raise ValidationError({"end_time": _("The end must come after the start.")})

    def save(self, *args, **kwargs):
        self.start, self.end = self.local_bounds()
        super().save(*args, **kwargs)

    def repeats(self, until=None, zone=None):
        """This date and its weekly repeats up to ``until`` (a date in the event's zone)."""
        start, end = self.local_bounds(zone)
        moments = [(start, end)]
        if until:
            week = 1
            while (start + timedelta(weeks=week)).date() <= until and week < 520:
                zone = start.tzinfo
                # Same wall-clock time every week, across daylight saving changes.
                next_start = datetime.combine(
                    start.date() + timedelta(weeks=week), start.timetz().replace(tzinfo=None), zone
                )
                moments.append((next_start, next_start + (end - start)))
                week += 1
        return moments


def upcoming_events(locale_id, request=None, limit=3, now=None, **filters):
    """The next few events in one language, for the home page and film pages.

    The home page's list is remembered for a minute at most (events end as time passes) and
    until published content changes.
    """
    if now is None and not filters:
        return remember(
            f"upcoming-events:{locale_id}:{limit}",
            lambda: upcoming_events(locale_id, request, limit, timezone.now()),
            timeout=UPCOMING_SECONDS,
        )
    now = now or timezone.now()
    events = (
        public_pages(request, EventPage)
        .filter(locale_id=locale_id, **filters)
        .filter(Q(occurrences__end__gte=now) | Q(repeat_weekly_until__gte=now.date()))
        .distinct()
        .prefetch_related("occurrences")
    )
    return sorted(events, key=lambda event: (event.next_start(now) or now, event.pk))[:limit]
