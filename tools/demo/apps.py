from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site's loader; installed by the development, test and bench settings only."""

    name = "tools.demo"
    label = "demo"
    verbose_name = "Demo site"
