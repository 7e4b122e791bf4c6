from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmark's commands and URLs; installed by the development, test and bench settings
    only (``make bench`` runs ``manage.py bench`` under development settings, and serves the
    site under ``site_core.settings.bench``)."""

    name = "tools.bench"
    label = "bench"
    verbose_name = "Benchmark"
