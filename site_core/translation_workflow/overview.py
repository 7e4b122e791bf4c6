"""The translation overview: every English page × every language, one state per cell.

A fixed number of queries per page of results, whatever the size of the tree: the pages of one
result page, their translations in the shown languages, their translation sources and records,
segment totals, translated segment counts and workflow states, each in one query.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from site_core.translation_workflow.permissions import (
    all_locales,
    can_edit_locale,
    editable_locale_ids,
    visible_locales,
)

PER_PAGE = 50

NOT_STARTED = "not-started"
IN_PROGRESS = "in-progress"
IN_REVIEW = "in-review"
CHANGES_REQUESTED = "changes-requested"
UP_TO_DATE = "up-to-date"
OUT_OF_DATE = "out-of-date"

STATE_LABELS = {
    NOT_STARTED: _("Not started"),
    IN_PROGRESS: _("In progress"),
    IN_REVIEW: _("Waiting for review"),
    CHANGES_REQUESTED: _("Changes requested"),
    UP_TO_DATE: _("Published, up to date"),
    OUT_OF_DATE: _("Out of date"),
}


@dataclass
class Cell:
    locale: Locale
    state: str
    percent: int | None = None
    machine: int = 0
    page_id: int | None = None
    can_edit: bool = False

    @property
    def label(self):
        return STATE_LABELS[self.state]


def cell_state(*, target, translation_enabled, total, done, review, source_synced_at, source):
    """The state of one (page, language) cell from already-fetched facts."""
    if target is None or target["alias_of_id"] is not None:
        return NOT_STARTED
    if review == WorkflowState.STATUS_IN_PROGRESS:
        return IN_REVIEW
    if review == WorkflowState.STATUS_NEEDS_CHANGES:
        return CHANGES_REQUESTED
    if not target["live"]:
        return IN_PROGRESS
    if not translation_enabled:
        # Translated by hand (or synced translation stopped): compare publication dates only.
        source_at, target_at = source["last_published_at"], target["last_published_at"]
        return OUT_OF_DATE if source_at and target_at and source_at > target_at else UP_TO_DATE
    source_changed = source_synced_at is None or (
        source["last_published_at"] and source["last_published_at"] > source_synced_at
    )
    republished = target["last_published_at"] and target["last_published_at"] >= source_synced_at
    if done < total or source_changed or not republished:
        return OUT_OF_DATE
    return UP_TO_DATE


def build_grid(source_pages, locales, user):
    """Rows of (page, [Cell per locale]) for a list of English pages: constant queries."""
    keys = [page["translation_key"] for page in source_pages]
    locale_ids = [locale.pk for locale in locales]
    targets = {
        (row["translation_key"], row["locale_id"]): row
        for row in Page.objects.filter(translation_key__in=keys, locale_id__in=locale_ids).values(
            "id", "translation_key", "locale_id", "live", "last_published_at", "alias_of_id"
        )
    }
    source_locale_id = source_pages[0]["locale_id"] if source_pages else None
    sources = {
        row["object_id"]: row
        for row in TranslationSource.objects.filter(
            object_id__in=keys, locale_id=source_locale_id
        ).values("id", "object_id", "last_updated_at")
    }
    source_ids = [row["id"] for row in sources.values()]
    enabled = {
        (row["source_id"], row["target_locale_id"]): row["enabled"]
        for row in Translation.objects.filter(
            source_id__in=source_ids, target_locale_id__in=locale_ids
        ).values("source_id", "target_locale_id", "enabled")
    }
    # Segments first, then their translations by string: both use the narrow indexes (a join
    # from the translations' side scans every translation of the language).
    totals = defaultdict(int)
    sources_of = defaultdict(list)
    for source_id, string_id, context_id in StringSegment.objects.filter(
        source_id__in=source_ids
    ).values_list("source_id", "string_id", "context_id"):
        totals[source_id] += 1
        sources_of[(string_id, context_id)].append(source_id)
    done = defaultdict(int)
    machine = defaultdict(int)
    for string_id, context_id, locale_id, kind in StringTranslation.objects.filter(
        translation_of_id__in={string_id for string_id, _context in sources_of},
        locale_id__in=locale_ids,
        has_error=False,
    ).values_list("translation_of_id", "context_id", "locale_id", "translation_type"):
        for source_id in sources_of.get((string_id, context_id), ()):
            done[(source_id, locale_id)] += 1
            if kind == StringTranslation.TRANSLATION_TYPE_MACHINE:
                machine[(source_id, locale_id)] += 1
    target_ids = [str(row["id"]) for row in targets.values()]
    review = dict(
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=target_ids,
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
        ).values_list("object_id", "status")
    )
    editable = {locale.pk: can_edit_locale(user, locale.pk) for locale in locales}

    rows = []
    for page in source_pages:
        source = sources.get(page["translation_key"])
        cells = []
        for locale in locales:
            target = targets.get((page["translation_key"], locale.pk))
            key = (source["id"], locale.pk) if source else None
            total = totals.get(source["id"], 0) if source else 0
            translated = done.get(key, 0)
            state = cell_state(
                target=target,
                translation_enabled=bool(source and enabled.get(key)),
                total=total,
                done=translated,
                review=review.get(str(target["id"])) if target else None,
                source_synced_at=source["last_updated_at"] if source else None,
                source=page,
            )
            cells.append(
                Cell(
                    locale=locale,
                    state=state,
                    percent=(100 * translated // total if total else 100)
                    if state != NOT_STARTED and key in enabled
                    else None,
                    machine=machine.get(key, 0),
                    page_id=target["id"] if target and state != NOT_STARTED else None,
                    can_edit=editable[locale.pk],
                )
            )
        rows.append((page, cells))
    return rows


class TranslationOverviewView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "site_core/admin/translation_overview.html"
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
        locales = [
            locale
            for locale in self._locales(request.user)
            if locale.language_code != settings.LANGUAGE_CODE
        ]
        chosen = request.GET.get("language", "")[:20]
        shown = [locale for locale in locales if locale.language_code == chosen] or locales

        english = Page.objects.filter(locale=source_locale, depth__gt=1, alias_of__isnull=True)
        sections = list(english.filter(depth=3).order_by("path").values("id", "title", "path"))
        section_id = request.GET.get("section", "")
        section = next((s for s in sections if str(s["id"]) == section_id), None)
        if section is not None:
            english = english.filter(path__startswith=section["path"])

        paginator = Paginator(
            english.order_by("path").values(
                "id", "title", "depth", "translation_key", "locale_id", "last_published_at", "live"
            ),
            PER_PAGE,
        )
        try:
            page_obj = paginator.page(request.GET.get("p", 1))
        except (PageNotAnInteger, EmptyPage):
            page_obj = paginator.page(1)
        rows = build_grid(list(page_obj.object_list), shown, request.user)
        context.update(
            {
                "locales": locales,
                "shown_locales": shown,
                "chosen_language": chosen if len(shown) == 1 else "",
                "sections": sections,
                "section": section,
                "rows": rows,
                "page_obj": page_obj,
                "paginator": paginator,
                "states": list(STATE_LABELS.items()),
                "summary": self._summary(english, shown, paginator.count),
                "can_edit_source": can_edit_locale(request.user, source_locale.pk),
            }
        )
        return context

    @staticmethod
    def _summary(english, locales, total):
        """Per language, over the whole (filtered) tree: published translations and missing."""
        published = dict(
            Page.objects.filter(
                locale__in=locales,
                live=True,
                alias_of__isnull=True,
                translation_key__in=english.values("translation_key"),
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

    @staticmethod
    def _locales(user):
        """Coordinators (editors) see every language; translators and reviewers their own."""
        if user.has_perm("wagtail_localize.submit_translation"):
            return all_locales()
        return visible_locales(user)
