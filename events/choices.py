"""The fixed choices of an event: its kind, its status and the time zone it is entered in."""

from functools import lru_cache
from zoneinfo import available_timezones

from django.db import models
from django.utils.translation import gettext_lazy as _


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
