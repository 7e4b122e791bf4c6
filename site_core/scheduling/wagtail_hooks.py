"""Overdue schedules in the admin: a dashboard panel listing them, and a warning in the editor of
a page or snippet whose go-live (or expiry) time has passed without effect."""

from django.contrib import messages
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.ui.components import Component

from site_core.scheduling.overdue import PUBLISH, overdue_for, passed_times

# Shown where an overdue schedule is: what to start (`make run`, `make serve`, or the service).
WORKER_HINT = "make run, make serve, manage.py run_worker"
PANEL_LIMIT = 20


class OverdueSchedulePanel(Component):
    """Pages and snippets that should be live (or unpublished) by now: the worker is late."""

    name = "overdue_schedules"
    template_name = "scheduling/overdue_panel.html"
    order = 90  # first: nothing else on the dashboard is as urgent

    def __init__(self, items):
        self.items = items

    def get_context_data(self, parent_context):
        return {
            "items": self.items[:PANEL_LIMIT],
            "total": len(self.items),
            "worker_hint": WORKER_HINT,
            "publish": PUBLISH,
        }


@hooks.register("construct_homepage_panels")
def add_overdue_panel(request, panels):
    items = overdue_for(request.user)
    if items:
        panels.append(OverdueSchedulePanel(items))


def warn_about_passed_times(request, obj):
    if request.method != "GET":
        return
    for action, when in passed_times(obj):
        context = {
            "time": formats.date_format(timezone.localtime(when), "DATETIME_FORMAT"),
            "hint": WORKER_HINT,
        }
        if action == PUBLISH:
            text = _(
                "Scheduled to go live at %(time)s, which has passed, and not published yet. "
                "The background worker publishes it within a minute or two; if it stays "
                "unpublished, the worker may not be running (start it with %(hint)s)."
            )
        else:
            text = _(
                "Scheduled to expire at %(time)s, which has passed, and still live. The "
                "background worker unpublishes it within a minute or two; if it stays live, the "
                "worker may not be running (start it with %(hint)s)."
            )
        messages.warning(request, text % context)


@hooks.register("before_edit_page")
def warn_about_passed_page_times(request, page):
    warn_about_passed_times(request, page)


@hooks.register("before_edit_snippet")
def warn_about_passed_snippet_times(request, instance):
    if hasattr(instance, "scheduled_revision"):
        warn_about_passed_times(request, instance)
