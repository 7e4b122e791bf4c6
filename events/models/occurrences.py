"""The dates of an event: each entered in the event's time zone, repeated weekly if asked."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from events.models.pages import EventPage


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
