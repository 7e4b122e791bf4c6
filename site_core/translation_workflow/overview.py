"""The translation overview: every English page × every language, one state per cell
(``overview_grid``), fifty pages at a time.

Filters (all in the query string, so they survive pagination and can be bookmarked): language,
section, state, assignee ("me", "all", "none" or a user id) and a title search; sorting in site
order, by age of the English publication, or by priority. Translators open it on their own
assignments ("mine") when they have any; a link shows every page.

A fixed number of queries per page of results, whatever the size of the tree. Without a state
filter or the priority sort, the English pages are filtered and paginated in SQL and the grid is
computed for one page of results. A state (or priority) depends on facts of several tables, so
then the grid is computed for every English page that passes the other filters — still one
query per kind of fact (``overview_grid.build_grid``), and the rows are filtered, sorted and
paginated in Python (about 0.1 s for 1,000 pages × 7 languages on SQLite).

Junk in the query string (an unknown state or language, a section "abc", page "-1", a very long
search) is ignored, with a notice saying so; never an error.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page

from site_core.translation_workflow.assignments import assignments_of, can_assign, display_name
from site_core.translation_workflow.models import TranslationAssignment
from site_core.translation_workflow.overview_filters import (
    ALL,
    MAX_SEARCH,
    ME,
    NEWEST,
    NOBODY,
    OLDEST,
    PRIORITY,
    SORTS,
    page_number,
    parse_filters,
    urgency,
)
from site_core.translation_workflow.overview_grid import (
    STATE_LABELS,
    UP_TO_DATE,
    build_grid,
)
from site_core.translation_workflow.permissions import (
    can_edit_locale,
    coordinated_locales,
    editable_locale_ids,
)

PER_PAGE = 50
SOURCE_FIELDS = (
    "id",
    "title",
    "depth",
    "path",
    "translation_key",
    "locale_id",
    "last_published_at",
    "first_published_at",
    "live",
)


class TranslationOverviewView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "translation_workflow/overview.html"
    page_title = _("Translation overview")
    header_icon = "site"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def dispatch(self, request, *args, **kwargs):
        if not editable_locale_ids(request.user) and not request.user.has_perm(
            "wagtail_localize.submit_translation"
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        locales = self._locales(request.user)
        sections = self._sections(source_locale)
        filters = parse_filters(request, locales, sections)
        shown = [
            locale for locale in locales if locale.language_code == filters.language
        ] or locales
        english = self._english(source_locale, filters, shown)
        paginator, page_obj, page_rows, matched = self._results(english, shown, filters)
        context.update(
            {
                "locales": locales,
                "shown_locales": shown,
                "chosen_language": filters.language if len(shown) == 1 else "",
                "sections": sections,
                "section": filters.section,
                "filters": filters,
                "rows": page_rows,
                "page_obj": page_obj,
                "paginator": paginator,
                "states": list(STATE_LABELS.items()),
                "sorts": list(SORTS.items()),
                "assignees": self._assignee_choices(shown),
                "summary": self._summary(matched, shown),
                "can_edit_source": can_edit_locale(request.user, source_locale.pk),
                "can_assign": can_assign(request.user),
                "max_search": MAX_SEARCH,
            }
        )
        return context

    @staticmethod
    def _locales(user):
        """The translated languages ``user`` follows (editors: all of them)."""
        return [
            locale
            for locale in coordinated_locales(user)
            if locale.language_code != settings.LANGUAGE_CODE
        ]

    @staticmethod
    def _sections(source_locale):
        return list(
            Page.objects.filter(locale=source_locale, depth=3, alias_of__isnull=True)
            .order_by("path")
            .values("id", "title", "path")
        )

    def _results(self, english, shown, filters):
        """(paginator, page of results, its rows with assignments, the English pages matched)."""
        number = page_number(self.request)
        if filters.needs_every_row:
            rows, assignments = self._every_row(english, shown, filters)
            paginator = Paginator(rows, PER_PAGE)
            page_obj = paginator.get_page(number)
            page_rows = list(page_obj.object_list)
            matched = english.filter(pk__in=[page["id"] for page, _cells in rows])
        else:
            paginator = Paginator(self._ordered(english, filters.sort), PER_PAGE)
            page_obj = paginator.get_page(number)
            pages = list(page_obj.object_list)
            assignments = assignments_of([page["translation_key"] for page in pages], shown)
            page_rows = build_grid(pages, shown, self.request.user)
            matched = english
        self._attach(page_rows, assignments)
        return paginator, page_obj, page_rows, matched

    # --- the English pages -------------------------------------------------------------------

    def _english(self, source_locale, filters, shown):
        """The English pages that pass every filter but the state (a queryset)."""
        english = Page.objects.filter(locale=source_locale, depth__gt=1, alias_of__isnull=True)
        if filters.section is not None:
            english = english.filter(path__startswith=filters.section["path"])
        if filters.query:
            english = english.filter(title__icontains=filters.query)
        if filters.assignee != ALL:
            assigned = TranslationAssignment.objects.filter(locale__in=shown)
            if filters.assignee == NOBODY:
                english = english.exclude(translation_key__in=assigned.values("translation_key"))
            else:
                user_id = self.request.user.pk if filters.assignee == ME else int(filters.assignee)
                english = english.filter(
                    translation_key__in=assigned.filter(assignee_id=user_id).values(
                        "translation_key"
                    )
                )
        return english

    @staticmethod
    def _ordered(english, sort):
        if sort == NEWEST:
            order = [F("last_published_at").desc(nulls_last=True), "path"]
        elif sort == OLDEST:
            order = [F("last_published_at").asc(nulls_last=True), "path"]
        else:
            order = ["path"]
        return english.order_by(*order).values(*SOURCE_FIELDS)

    def _every_row(self, english, shown, filters):
        """Every row that passes the filters, sorted: (rows, their assignments)."""
        pages = list(self._ordered(english, filters.sort))
        assignments = assignments_of([page["translation_key"] for page in pages], shown)
        rows = build_grid(pages, shown, self.request.user)
        if filters.states:
            wanted = set(filters.states)
            rows = [row for row in rows if any(cell.state in wanted for cell in row[1])]
        if filters.sort == PRIORITY:
            rows.sort(key=lambda row: urgency(row, assignments))
        return rows, assignments

    @staticmethod
    def _attach(rows, assignments):
        today = timezone.localdate()
        for page, cells in rows:
            for cell in cells:
                cell.assignment = assignments.get((page["translation_key"], cell.locale.pk))
                cell.overdue = bool(
                    cell.assignment
                    and cell.state != UP_TO_DATE
                    and cell.assignment.is_overdue(today)
                )

    @staticmethod
    def _assignee_choices(shown):
        """The people who hold an assignment in the shown languages: [(id, name)]."""
        users = (
            get_user_model()
            .objects.filter(translation_assignments__locale__in=shown)
            .distinct()
            .order_by("first_name", "last_name", "username")
        )
        return [(str(user.pk), display_name(user)) for user in users]

    @staticmethod
    def _summary(english, locales):
        """Per language, over the English pages shown (all the filters applied): published
        translations and missing ones. Only live English pages count: a draft never published
        (an abandoned autosave among them) has nothing to translate yet."""
        live = english.filter(live=True)
        total = live.count()
        published = dict(
            Page.objects.filter(
                locale__in=locales,
                live=True,
                alias_of__isnull=True,
                translation_key__in=live.values("translation_key"),
            )
            .order_by()
            .values("locale_id")
            .annotate(n=Count("id"))
            .values_list("locale_id", "n")
        )
        return [
            {
                "locale": locale,
                "published": published.get(locale.pk, 0),
                "missing": total - published.get(locale.pk, 0),
                "total": total,
            }
            for locale in locales
        ]
