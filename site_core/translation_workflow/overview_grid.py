"""The translation overview's grid: every English page × every shown language, one state per
cell.

A fixed number of queries, whatever the size of the tree: the translations of the given pages in
the shown languages, their translation sources and records, segment totals, translated segment
counts and workflow states, each in one query.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from site_core.translation_workflow.memory import PREVIOUS_TRANSLATION
from site_core.translation_workflow.permissions import can_edit_locale

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
    assignment: object = None  # models.TranslationAssignment, set by the overview
    overdue: bool = False

    @property
    def label(self):
        return STATE_LABELS[self.state]


def cell_state(
    *, target, translation_enabled, total, done, review, source_synced_at, source, to_confirm=0
):
    """The state of one (page, language) cell from already-fetched facts. ``to_confirm``:
    segments holding a previous translation kept where the English changed (``memory``)."""
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
    if done < total or to_confirm or source_changed or not republished:
        return OUT_OF_DATE
    return UP_TO_DATE


@dataclass
class GridFacts:
    """What the cells of one page of results are computed from (see ``_fetch_facts``)."""

    targets: dict  # (translation key, locale id) -> translated page row
    sources: dict  # translation key -> translation source row
    enabled: dict  # (source id, locale id) -> synced translation enabled
    totals: dict  # source id -> segments
    done: dict  # (source id, locale id) -> translated segments
    machine: dict  # (source id, locale id) -> machine-translated segments
    review: dict  # translated page id (str) -> workflow state status
    previous: dict  # (source id, locale id) -> previous translations to confirm (memory)


def _targets(keys, locale_ids):
    """The translated pages of these translation keys: {(key, locale id): row}."""
    return {
        (row["translation_key"], row["locale_id"]): row
        for row in Page.objects.filter(translation_key__in=keys, locale_id__in=locale_ids).values(
            "id", "translation_key", "locale_id", "live", "last_published_at", "alias_of_id"
        )
    }


def _sources(keys, source_locale_id):
    """The translation sources of these translation keys: {key: row}."""
    return {
        row["object_id"]: row
        for row in TranslationSource.objects.filter(
            object_id__in=keys, locale_id=source_locale_id
        ).values("id", "object_id", "last_updated_at")
    }


def _enabled(source_ids, locale_ids):
    """Whether each (source, locale) translation is synced: {(source id, locale id): bool}."""
    return {
        (row["source_id"], row["target_locale_id"]): row["enabled"]
        for row in Translation.objects.filter(
            source_id__in=source_ids, target_locale_id__in=locale_ids
        ).values("source_id", "target_locale_id", "enabled")
    }


def _segment_progress(source_ids, locale_ids):
    """(segments per source, and per (source, locale): translated, machine-translated, and
    previous translations to confirm).

    Segments first, then their translations by string: both use the narrow indexes (a join
    from the translations' side scans every translation of the language).
    """
    totals = defaultdict(int)
    sources_of = defaultdict(list)
    for source_id, string_id, context_id in StringSegment.objects.filter(
        source_id__in=source_ids
    ).values_list("source_id", "string_id", "context_id"):
        totals[source_id] += 1
        sources_of[(string_id, context_id)].append(source_id)
    done = defaultdict(int)
    machine = defaultdict(int)
    previous = defaultdict(int)
    for string_id, context_id, locale_id, kind, tool in StringTranslation.objects.filter(
        translation_of_id__in={string_id for string_id, _context in sources_of},
        locale_id__in=locale_ids,
        has_error=False,
    ).values_list("translation_of_id", "context_id", "locale_id", "translation_type", "tool_name"):
        for source_id in sources_of.get((string_id, context_id), ()):
            done[(source_id, locale_id)] += 1
            if kind == StringTranslation.TRANSLATION_TYPE_MACHINE:
                machine[(source_id, locale_id)] += 1
                previous[(source_id, locale_id)] += tool == PREVIOUS_TRANSLATION
    return totals, done, machine, previous


def _review_states(targets):
    """Reviews in progress or asking for changes: {translated page id (str): status}."""
    target_ids = [str(row["id"]) for row in targets.values()]
    return dict(
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=target_ids,
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
        ).values_list("object_id", "status")
    )


def _fetch_facts(source_pages, locales):
    """Everything the grid's cells need, in one query each."""
    keys = [page["translation_key"] for page in source_pages]
    locale_ids = [locale.pk for locale in locales]
    targets = _targets(keys, locale_ids)
    source_locale_id = source_pages[0]["locale_id"] if source_pages else None
    sources = _sources(keys, source_locale_id)
    source_ids = [row["id"] for row in sources.values()]
    enabled = _enabled(source_ids, locale_ids)
    totals, done, machine, previous = _segment_progress(source_ids, locale_ids)
    review = _review_states(targets)
    return GridFacts(targets, sources, enabled, totals, done, machine, review, previous)


def _cell(page, locale, facts, can_edit):
    """The cell of one English page in one language."""
    source = facts.sources.get(page["translation_key"])
    target = facts.targets.get((page["translation_key"], locale.pk))
    key = (source["id"], locale.pk) if source else None
    total = facts.totals.get(source["id"], 0) if source else 0
    translated = facts.done.get(key, 0)
    state = cell_state(
        target=target,
        translation_enabled=bool(source and facts.enabled.get(key)),
        total=total,
        done=translated,
        review=facts.review.get(str(target["id"])) if target else None,
        source_synced_at=source["last_updated_at"] if source else None,
        source=page,
        to_confirm=facts.previous.get(key, 0),
    )
    started = state != NOT_STARTED
    return Cell(
        locale=locale,
        state=state,
        percent=(100 * translated // total if total else 100)
        if started and key in facts.enabled
        else None,
        machine=facts.machine.get(key, 0),
        page_id=target["id"] if target and started else None,
        can_edit=can_edit,
    )


def build_grid(source_pages, locales, user):
    """Rows of (page, [Cell per locale]) for a list of English pages: constant queries."""
    facts = _fetch_facts(source_pages, locales)
    editable = {locale.pk: can_edit_locale(user, locale.pk) for locale in locales}
    return [
        (page, [_cell(page, locale, facts, editable[locale.pk]) for locale in locales])
        for page in source_pages
    ]
