"""The translation overview's query string: filters, sorting and the priority order.

Everything comes from ``request.GET`` and survives pagination; junk (an unknown state, language,
section, sort or assignee, a page "-1", a very long search) is dropped and named in
``Filters.notices``, never an error.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from site_core.translation_workflow.assignments import can_assign
from site_core.translation_workflow.models import TranslationAssignment
from site_core.translation_workflow.overview_grid import (
    CHANGES_REQUESTED,
    IN_PROGRESS,
    IN_REVIEW,
    NOT_STARTED,
    OUT_OF_DATE,
    STATE_LABELS,
    UP_TO_DATE,
)

MAX_SEARCH = 200

TREE, NEWEST, OLDEST, PRIORITY = "tree", "newest", "oldest", "priority"
SORTS = {
    TREE: _("Site order"),
    NEWEST: _("Newest English publication first"),
    OLDEST: _("Oldest English publication first"),
    PRIORITY: _("Priority (overdue, due date, out of date)"),
}
ME, ALL, NOBODY = "me", "all", "none"

# Priority of a cell's state, most urgent first (the English changed, or a reviewer asked).
STATE_URGENCY = {
    CHANGES_REQUESTED: 0,
    OUT_OF_DATE: 1,
    IN_REVIEW: 2,
    IN_PROGRESS: 3,
    NOT_STARTED: 4,
    UP_TO_DATE: 5,
}


@dataclass
class Filters:
    """What the query string asks for, junk removed (``notices`` say what was ignored)."""

    language: str = ""
    section: dict | None = None
    states: list = field(default_factory=list)
    assignee: str = ALL  # ME, ALL, NOBODY or a user id (str)
    query: str = ""
    sort: str = TREE
    mine_by_default: bool = False
    notices: list = field(default_factory=list)

    @property
    def needs_every_row(self):
        return bool(self.states) or self.sort == PRIORITY


def page_number(request):
    number = request.GET.get("p", "1")[:9]
    return int(number) if number.isdecimal() and int(number) > 0 else 1


def parse_filters(request, locales, sections):
    """The filters the query string asks for; junk is dropped and named in ``notices``."""
    get = request.GET
    filters = Filters()
    notices = filters.notices
    language = get.get("language", "")[:20]
    if language and language not in {locale.language_code for locale in locales}:
        notices.append(_("Unknown language ignored: showing all your languages."))
        language = ""
    filters.language = language
    section_id = get.get("section", "")[:20]
    filters.section = next((s for s in sections if str(s["id"]) == section_id), None)
    if section_id and filters.section is None:
        notices.append(_("Unknown section ignored: showing the whole site."))
    states = [state[:30] for state in get.getlist("state")[:10] if state]
    filters.states = [state for state in states if state in STATE_LABELS]
    if len(filters.states) < len(states):
        notices.append(_("Unknown state ignored."))
    sort = get.get("sort", TREE)[:20]
    if sort not in SORTS:
        notices.append(_("Unknown sort order ignored: showing the site's order."))
        sort = TREE
    filters.sort = sort
    filters.query = get.get("q", "").replace("\x00", "").strip()[:MAX_SEARCH]
    filters.assignee = _assignee(request, notices)
    return filters


def _assignee(request, notices):
    """ME, ALL, NOBODY or a user id; translators default to their own assignments."""
    value = request.GET.get("assignee", "")[:20]
    if value in (ME, ALL, NOBODY):
        return value
    if (
        value.isdecimal()
        and int(value) < 2**31
        and get_user_model().objects.filter(pk=int(value)).exists()
    ):
        return value
    if value:
        notices.append(_("Unknown assignee ignored: showing everyone's pages."))
        return ALL
    # No choice made: translators start on their own assignments when they have any.
    if not can_assign(request.user) and (
        TranslationAssignment.objects.filter(assignee=request.user).exists()
    ):
        return ME
    return ALL


def urgency(row, assignments, today=None):
    """Overdue first, then by due date, then the most urgent state, then newest first."""
    page, cells = row
    today = today or timezone.localdate()
    open_dues = [
        assignment.due_date
        for cell in cells
        if cell.state != UP_TO_DATE
        and (assignment := assignments.get((page["translation_key"], cell.locale.pk)))
        and assignment.due_date
    ]
    due = min(open_dues, default=datetime.date.max)
    published = page["last_published_at"]
    return (
        0 if due < today else 1,
        due,
        min((STATE_URGENCY[cell.state] for cell in cells), default=len(STATE_URGENCY)),
        -published.timestamp() if published else 0,
        page["path"],
    )
