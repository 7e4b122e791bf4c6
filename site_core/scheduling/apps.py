from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchedulingConfig(AppConfig):
    """Scheduled publishing on the background worker; overdue schedules flagged in the admin."""

    name = "site_core.scheduling"
    label = "scheduling"
    verbose_name = _("Scheduled publishing")

    def ready(self):
        # The retry of index updates listens in the worker, which loads no admin hooks.
        from site_core.scheduling import retries  # noqa: F401
