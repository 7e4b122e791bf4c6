"""The events index of one language: upcoming first, an archive, filters and calendar feeds."""

from datetime import datetime

from django.db.models import Max, Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from events.calendars import calendar_response
from events.choices import EventKind
from events.models.pages import EventPage
from events.models.upcoming import UPCOMING_SECONDS, not_ended, soonest_first
from site_core.caching.page_cache import known_parameters, remember
from site_core.languages.fallback import joined, source_version, untranslated
from site_core.listings import page_of_ids
from site_core.models import SectionIndexPage, paginate
from site_core.navigation import in_order, public_pages

EVENTS_PER_PAGE = 10


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
            self.events(request).filter(not_ended(now)).distinct().prefetch_related("occurrences")
        )
        return soonest_first(events, now)

    def upcoming_ids(self, request=None):
        """The ids of ``upcoming()``, kept for a minute at most and until content changes."""
        return remember(
            f"upcoming:{self.pk}",
            lambda: [event.pk for event in self.upcoming(request)],
            timeout=UPCOMING_SECONDS,
        )

    def fallback_ids(self, request=None):
        """The upcoming events of this index's English version that are not live in this
        language, soonest first (remembered like ``upcoming_ids``)."""
        source = source_version(self)
        if source is None:
            return []

        def build():
            now = timezone.now()
            events = untranslated(source.events(request), self.locale_id).filter(not_ended(now))
            events = events.distinct().prefetch_related("occurrences")
            return [event.pk for event in soonest_first(events, now)]

        return remember(f"upcoming-fallback:{self.pk}", build, timeout=UPCOMING_SECONDS)

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

    def get_cached_paths(self):
        """The listing and its calendar feed: what a CDN must purge when an event here changes."""
        return ["/", "/" + self.reverse_subpage("calendar_route")]

    @path("")
    def index_route(self, request):
        now = timezone.now()
        archive = request.GET.get("when") == "past"
        options = self.filter_options(request)
        self.vouch_for_filters(request, options)
        filters, narrowed, first_day = read_filters(request.GET)
        events = self.listed_events(request, archive, narrowed, first_day, now)
        not_found = _("There is no such page of events.")
        if archive:
            paginator, page_of_events = paginate(request, events, EVENTS_PER_PAGE, not_found)
        else:
            paginator, page_of_events = page_of_ids(
                request, events, EVENTS_PER_PAGE, not_found, load=self.remembered_by_ids
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

    def listed_events(self, request, archive, narrowed, first_day, now):
        """The events the listing shows, in its order.

        Upcoming events are ids (remembered for a minute: a page of the listing then loads its
        ten events, not all of them): this language's, then the English events its setting
        adds, narrowed by the same filters; past events are event pages.
        """
        if any("\x00" in value for value in narrowed.values()):
            return []  # no event has a NUL in its kind or place (PostgreSQL refuses one)
        if not archive:
            own = self.narrowed(self.upcoming_ids(request), narrowed, first_day)
            english = self.narrowed(self.fallback_ids(request), narrowed, first_day)
            return joined(self.locale_id, own, english)
        events = self.past(request, now).filter(**narrowed)
        if first_day is None:
            return events
        if first_day is False:
            return []  # no such month: nothing matches
        return [event for event in events if event.happens_in_month(first_day)]

    def narrowed(self, ids, narrowed, first_day):
        """The upcoming ``ids`` that match the filters, in their order."""
        if not ids or (not narrowed and first_day is None):
            return ids
        if any("\x00" in value for value in narrowed.values()):
            return []
        ids = narrowed_ids(ids, narrowed)
        if first_day is None:
            return ids
        if first_day is False:
            return []  # no such month: nothing matches
        return [event.pk for event in self.by_ids(ids) if event.happens_in_month(first_day)]

    def remembered_by_ids(self, ids):
        """``by_ids(ids)`` for one page of the upcoming listing, remembered for a minute."""
        return remember(
            f"events-by-id:{','.join(map(str, ids))}",
            lambda: self.by_ids(ids),
            timeout=UPCOMING_SECONDS,
        )

    @path("ics/")
    def calendar_route(self, request):
        kind = request.GET.get("kind", "").strip()[:40]
        if request.GET.get("kind") in EventKind.values:
            known_parameters(request, "kind")
        narrowed = {"kind": kind} if kind else {}
        own = self.narrowed(self.upcoming_ids(request), narrowed, None)
        english = self.narrowed(self.fallback_ids(request), narrowed, None)
        events = self.by_ids(list(joined(self.locale_id, own, english)))
        return calendar_response(request, events, name=self.title, filename="events.ics")


def read_filters(query):
    """The filters a reader asked for in ``query`` (the request's GET).

    Returns ``(filters, narrowed, first_day)``: the filters as the page names them, the field
    lookups they make, and the first day of the month asked for (None: no month; False: no
    such month).
    """
    filters, narrowed = {}, {}
    kind = query.get("kind", "").strip()[:40]
    if kind:
        filters["kind"] = dict(EventKind.choices).get(kind, kind)
        narrowed["kind"] = kind
    for field in ("country", "city"):
        value = query.get(field, "").strip()[:100]
        if value:
            filters[field] = value
            narrowed[field] = value
    month = query.get("month", "").strip()[:7]
    if not month:
        return filters, narrowed, None
    filters["month"] = month
    return filters, narrowed, first_day_of(month)


def first_day_of(month):
    """The first day of a "YYYY-MM" month from 1900 to 9998, else False."""
    try:
        first_day = datetime.strptime(month, "%Y-%m").date()
    except ValueError:
        return False
    return first_day if 1900 <= first_day.year <= 9998 else False


def narrowed_ids(ids, narrowed):
    """The ids of events that match the field lookups ``narrowed``, in the order of ``ids``."""
    matching = EventPage.objects.filter(pk__in=ids, **narrowed).values_list("pk", flat=True)
    position = {pk: number for number, pk in enumerate(ids)}
    return sorted(matching, key=position.__getitem__)
