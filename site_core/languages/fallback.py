"""Listings never empty: the source language's items a language has not translated yet.

A language's news and events listings, feeds and home sections show its own items first, then,
as its ``ListingFallback`` row says (a new language: fill up to ten), the source language's
items that have no live translation in it. The templates mark those items with their language.
Everything here is a handful of queries, remembered per cache generation, however many items.
"""

from django.db.models import QuerySet

from wagtail.models import Locale, Page

from site_core.caching.page_cache import remember
from site_core.languages.models import (
    DEFAULT_FILL_TO,
    DEFAULT_MODE,
    FallbackMode,
    ListingFallback,
)


def source_locale_id():
    """The source language's locale (the default one: English)."""
    return remember("source-locale", lambda: Locale.get_default().pk)


def policy(locale_id):
    """``(mode, fill_to)`` of a language: its row, else the default (fill up to ten)."""
    rows = remember(
        "listing-fallbacks",
        lambda: {
            row.locale_id: (row.mode, row.fill_to)
            for row in ListingFallback.objects.only("locale_id", "mode", "fill_to")
        },
    )
    return rows.get(locale_id, (DEFAULT_MODE, DEFAULT_FILL_TO))


def room(locale_id, own_count, section_size=None):
    """How many source items a listing of ``locale_id`` with ``own_count`` own items may add:
    a number, or None for all of them.

    A section of fixed size (the home page's five posts) fills up to its size ("always") or to
    the smaller of its size and the language's number ("fill up").
    """
    if locale_id == source_locale_id():
        return 0
    mode, fill_to = policy(locale_id)
    if mode == FallbackMode.OFF:
        return 0
    if section_size is not None:
        target = section_size if mode == FallbackMode.ALWAYS else min(fill_to, section_size)
        return max(0, target - own_count)
    if mode == FallbackMode.ALWAYS:
        return None
    return max(0, fill_to - own_count)


def untranslated(queryset, locale_id):
    """The pages of ``queryset`` that have no live version in ``locale_id`` (one subquery)."""
    translated = Page.objects.live().filter(locale_id=locale_id).values("translation_key")
    return queryset.exclude(translation_key__in=translated)


def source_version(page):
    """``page``'s live version in the source language (e.g. the English news index), or None;
    remembered per cache generation."""
    source_id = source_locale_id()
    if page.locale_id == source_id:
        return None
    return remember(
        f"source-version:{page.pk}",
        lambda: page.get_translations().live().filter(locale_id=source_id).specific().first(),
    )


def _size(part):
    return part.count() if isinstance(part, QuerySet) else len(part)


class Joined:
    """A language's own ids, then at most ``limit`` source ids (None: all), as one sequence
    for Django's Paginator: its length and slices read only the parts a page needs."""

    def __init__(self, own, extra, limit=None):
        self.own = own
        self.extra = extra
        self.limit = limit

    def own_count(self):
        if not hasattr(self, "_own_count"):
            self._own_count = _size(self.own)
        return self._own_count

    def extra_count(self):
        if self.limit == 0:
            return 0
        if not hasattr(self, "_extra_count"):
            size = _size(self.extra)
            self._extra_count = size if self.limit is None else min(size, self.limit)
        return self._extra_count

    def __len__(self):
        return self.own_count() + self.extra_count()

    def count(self):
        return len(self)

    def __iter__(self):
        return iter(self[: len(self)])

    def __getitem__(self, index):
        if isinstance(index, int):
            found = self[index : index + 1]
            if not found:
                raise IndexError(index)
            return found[0]
        start, stop, _step = index.indices(len(self))
        own = self.own_count()
        ids = list(self.own[start : min(stop, own)]) if start < own else []
        if stop > own:
            ids.extend(self.extra[max(start - own, 0) : stop - own])
        return ids


def joined(locale_id, own, extra, section_size=None):
    """``own`` then as many of ``extra`` as the language's setting allows (``Joined``)."""
    own_count = _size(own)
    listing = Joined(own, extra, room(locale_id, own_count, section_size))
    listing._own_count = own_count
    return listing
