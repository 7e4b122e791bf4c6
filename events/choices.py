"""The fixed choices of an event: its kind, its status and the time zone it is entered in."""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from events.zones import zone_choices_in


def time_zone_choices():
    """Every IANA zone, named in the editor's language (evaluated when the form is shown)."""
    return zone_choices_in(translation.get_language() or settings.LANGUAGE_CODE)


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
