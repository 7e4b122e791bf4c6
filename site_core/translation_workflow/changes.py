"""What changed in a translation's English, for the panel above the translation editor: each
segment still holding its previous translation (the English changed since it was translated),
with the old and new English and their difference, and matches from the translation memory; and
the untranslated segments the memory has matches for.

Queries: a constant number, whatever the number of segments (``matches.find_matches`` included).
"""

from dataclasses import dataclass, field

from django.urls import reverse

from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.views.edit_translation import TabHelper

from site_core.translation_workflow.matches import Query, find_matches
from site_core.translation_workflow.memory import diff_html, is_previous_translation, plain_text
from site_core.translation_workflow.progress import field_name


@dataclass
class Change:
    """One segment of the panel."""

    segment_id: int
    field: str
    source: str  # the English now (as stored: an HTML fragment, as every string below)
    edit_url: str  # wagtail-localize's endpoint that saves this segment's translation
    previous: str = ""  # the previous translation (prefilled), "" when untranslated
    old_source: str = ""  # the English the previous translation was made from, when known
    matches: list = field(default_factory=list)

    @property
    def source_text(self):
        return plain_text(self.source)

    @property
    def previous_text(self):
        return plain_text(self.previous)

    @property
    def diff(self):
        """The difference between the old and new English, as text (HTML-escaped)."""
        if not self.old_source:
            return ""
        return diff_html(plain_text(self.old_source), self.source_text)

    def as_dict(self):
        return {
            "segment": self.segment_id,
            "field": self.field,
            "source": self.source,
            "old_source": self.old_source or None,
            "previous": self.previous or None,
            "diff": str(self.diff) or None,
            "matches": [match.as_dict() for match in self.matches],
        }


def _segments(translation):
    return list(
        StringSegment.objects.filter(source_id=translation.source_id)
        .select_related("string", "context")
        .order_by("order")
    )


def _current_translations(translation, segments):
    """{(string id, context id): StringTranslation} of the segments in the target language."""
    keys = {(segment.string_id, segment.context_id) for segment in segments}
    rows = StringTranslation.objects.filter(
        locale_id=translation.target_locale_id,
        translation_of_id__in={string_id for string_id, _context in keys},
        context_id__in={context_id for _string, context_id in keys},
    )
    return {
        (row.translation_of_id, row.context_id): row
        for row in rows
        if (row.translation_of_id, row.context_id) in keys
    }


def _old_sources(translation, prefilled, current):
    """{segment id: the English its previous translation was made from}: in the same place, a
    translation of another string with the same text (a checked one first, the newest first)."""
    if not prefilled:
        return {}
    own = {row.pk for row in current.values()}
    history = {}
    for row in (
        StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            context_id__in={segment.context_id for segment in prefilled},
        )
        .exclude(pk__in=own)
        .select_related("translation_of")
        .order_by("-updated_at")
    ):
        history.setdefault((row.context_id, row.data), []).append(row)
    found = {}
    for segment in prefilled:
        previous = current[(segment.string_id, segment.context_id)]
        candidates = [
            row
            for row in history.get((segment.context_id, previous.data), [])
            if row.translation_of_id != segment.string_id
        ]
        candidates.sort(key=is_previous_translation)  # stable: checked ones first, newest first
        if candidates:
            found[segment.pk] = candidates[0].translation_of.data
    return found


def _change(translation, segment, instance, tabs, previous, old_source, matches):
    return Change(
        segment_id=segment.pk,
        field=field_name(instance, tabs, segment),
        source=segment.string.data,
        edit_url=reverse(
            "wagtail_localize:edit_string_translation",
            kwargs={"translation_id": translation.pk, "string_segment_id": segment.pk},
        ),
        previous=previous,
        old_source=old_source,
        matches=matches,
    )


def _matches(translation, segments, user):
    return find_matches(
        {
            segment.pk: Query(segment.string_id, segment.string.data, {segment.context_id})
            for segment in segments
        },
        translation.source.locale_id,
        translation.target_locale_id,
        user,
    )


def segment_changes(translation, user=None):
    """The panel's segments: those holding a previous translation, then the untranslated ones
    the memory has matches for, each group in the editor's order."""
    segments = _segments(translation)
    current = _current_translations(translation, segments)
    prefilled = [
        segment
        for segment in segments
        if (key := (segment.string_id, segment.context_id)) in current
        and is_previous_translation(current[key])
    ]
    untranslated = [
        segment for segment in segments if (segment.string_id, segment.context_id) not in current
    ]
    if not prefilled and not untranslated:
        return []
    old_sources = _old_sources(translation, prefilled, current)
    matches = _matches(translation, prefilled + untranslated, user)
    instance = translation.source.get_source_instance()
    tabs = TabHelper(instance)
    changes = [
        _change(
            translation,
            segment,
            instance,
            tabs,
            current[(segment.string_id, segment.context_id)].data,
            old_sources.get(segment.pk, ""),
            matches.get(segment.pk, []),
        )
        for segment in prefilled
    ]
    changes += [
        _change(translation, segment, instance, tabs, "", "", matches[segment.pk])
        for segment in untranslated
        if matches.get(segment.pk)
    ]
    return changes


def segment_change(translation, segment, user=None):
    """One segment's entry (``segment`` with its string and context): its previous translation
    and old English when it holds one, and its matches."""
    current = _current_translations(translation, [segment])
    translated = current.get((segment.string_id, segment.context_id))
    prefilled = [segment] if translated and is_previous_translation(translated) else []
    old_sources = _old_sources(translation, prefilled, current)
    instance = translation.source.get_source_instance()
    return _change(
        translation,
        segment,
        instance,
        TabHelper(instance),
        translated.data if prefilled else "",
        old_sources.get(segment.pk, ""),
        _matches(translation, [segment], user).get(segment.pk, []),
    )
