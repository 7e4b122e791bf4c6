"""Each language's state of English pages, where editors work: the page's status panel and the
page listings (``page_views``).

The states are the translation overview's (``overview_grid.build_grid``: not started, in
progress, waiting for review, changes requested, published and up to date, out of date), computed
for a whole page of a listing in a fixed number of queries. The languages shown are those the
user follows in the overview (``permissions.coordinated_locales``).
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page

from site_core.translation_workflow.overview_grid import (
    CHANGES_REQUESTED,
    IN_PROGRESS,
    IN_REVIEW,
    NOT_STARTED,
    OUT_OF_DATE,
    UP_TO_DATE,
    build_grid,
)
from site_core.translation_workflow.permissions import coordinated_locales

# One mark per state for the listings' compact column (the label is always given beside it,
# for screen readers and as a tooltip).
MARKS = {
    NOT_STARTED: "–",
    IN_PROGRESS: "✎",
    IN_REVIEW: "⌛",
    CHANGES_REQUESTED: "↩",
    UP_TO_DATE: "✓",
    OUT_OF_DATE: "!",
}

# The states in which the translation is live: its public page can be opened.
LIVE_STATES = {UP_TO_DATE, OUT_OF_DATE}


@dataclass
class LanguageState:
    """One language's state of one English page, with where to go from it."""

    cell: object  # overview_grid.Cell
    edit_url: str = ""
    view_url: str = ""

    @property
    def locale(self):
        return self.cell.locale

    @property
    def state(self):
        return self.cell.state

    @property
    def label(self):
        return self.cell.label

    @property
    def mark(self):
        return MARKS[self.cell.state]

    @property
    def percent(self):
        return self.cell.percent


def source_locale_id():
    locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).only("pk").first()
    return locale.pk if locale else None


def translation_locales(user):
    """The translated languages ``user`` follows, in settings order."""
    return [
        locale
        for locale in coordinated_locales(user)
        if locale.language_code != settings.LANGUAGE_CODE
    ]


def _source_row(page):
    """What ``build_grid`` reads of an English page."""
    return {
        "id": page.pk,
        "title": page.title,
        "depth": page.depth,
        "translation_key": page.translation_key,
        "locale_id": page.locale_id,
        "last_published_at": page.last_published_at,
        "live": page.live,
    }


def _state(cell):
    edit_url = ""
    if cell.page_id and cell.can_edit:
        edit_url = reverse("wagtailadmin_pages:edit", args=[cell.page_id])
    return LanguageState(cell=cell, edit_url=edit_url)


def language_states(pages, user, locales=None):
    """{English page id: [LanguageState per language]} for the English pages among ``pages``
    (others are left out): a fixed number of queries, however many pages."""
    english_id = source_locale_id()
    english = [_source_row(page) for page in pages if page.locale_id == english_id]
    if not english:
        return {}
    locales = translation_locales(user) if locales is None else locales
    return {
        row["id"]: [_state(cell) for cell in cells]
        for row, cells in build_grid(english, locales, user)
    }


def page_language_states(page, user, request=None):
    """The states of one English page in every language ``user`` follows; a live translation
    the user may not edit links to its public page. Empty for a page in another language."""
    states = language_states([page], user).get(page.pk, [])
    viewable = [
        state.cell.page_id for state in states if not state.edit_url and state.state in LIVE_STATES
    ]
    if viewable:
        urls = {
            translation.pk: translation.get_url(request)
            for translation in Page.objects.filter(pk__in=viewable).live()
        }
        for state in states:
            state.view_url = urls.get(state.cell.page_id) or ""
    return states


SUMMARY = _("%(done)s of %(total)s languages published and up to date")


def summary(states):
    done = sum(1 for state in states if state.state == UP_TO_DATE)
    return SUMMARY % {"done": done, "total": len(states)}
