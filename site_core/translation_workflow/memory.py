"""Translation memory: help when the English changes.

- **Prefill.** When an English source is re-extracted (``sync.sync_translations``), a segment
  whose text changed becomes a new string with no translation. ``remember_previous_translations``
  notes each place's strings before, and afterwards gives every changed segment the translation
  its previous text had in each language, marked as wagtail-localize marks a machine translation
  (tool "Previous translation"): it counts as unchecked, so the translation cannot be submitted
  until the translator has confirmed or corrected it (``progress``, ``views.submit_for_review``).
- **Change view.** ``changes`` lists a translation's segments still holding a previous
  translation: the English it was made from, the new English, the word-level difference
  (``diff_html``) and the previous translation.
- **Matches** from other translations into the language: ``matches``.
"""

import difflib
import logging
import re
from collections import defaultdict
from contextlib import contextmanager

from django.db import transaction
from django.utils.html import escape, format_html, format_html_join
from django.utils.translation import gettext as _

from wagtail_localize.models import (
    String,
    StringSegment,
    StringTranslation,
    Translation,
)
from wagtail_localize.strings import StringValue

from rapidfuzz import fuzz, process

logger = logging.getLogger(__name__)

# The tool name of a prefilled previous translation (wagtail-localize shows it in the editor:
# "Translated with Previous translation on …"). Stored in the database: never translate it.
PREVIOUS_TRANSLATION = "Previous translation"
CLOSE_MATCH_SCORE = 75


# --- prefill ------------------------------------------------------------------------------------


def _strings_by_place(source):
    """{context id: [string id, …] in order} of a source's string segments (a rich-text field
    has several strings in one place)."""
    places = defaultdict(list)
    for context_id, string_id in (
        StringSegment.objects.filter(source=source)
        .order_by("order")
        .values_list("context_id", "string_id")
    ):
        places[context_id].append(string_id)
    return places


@contextmanager
def remember_previous_translations(source):
    """Around a source's re-extraction: afterwards, prefill each changed segment with its
    previous translation in every enabled language (never failing the sync)."""
    before = _strings_by_place(source)
    yield
    try:
        with transaction.atomic():
            prefill_previous_translations(source, before)
    except Exception:  # help for translators must never stop the sync itself
        logger.exception("Could not prefill the previous translations of %s", source)


def _pair_changed(old_ids, new_ids, texts):
    """(old string id, new string id) pairs of one place: strings replaced in the same position;
    when a paragraph was also added or removed there, each new string with its most similar
    old one."""
    pairs = []
    matcher = difflib.SequenceMatcher(None, old_ids, new_ids, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace":
            continue
        old, new = old_ids[i1:i2], new_ids[j1:j2]
        if len(old) == len(new):
            pairs.extend(zip(old, new, strict=True))
            continue
        choices = {old_id: texts[old_id] for old_id in old}
        for new_id in new:
            best = process.extractOne(
                texts[new_id], choices, scorer=fuzz.ratio, score_cutoff=CLOSE_MATCH_SCORE - 15
            )
            if best is not None:
                pairs.append((best[2], new_id))
    return pairs


def _changed_pairs(source, before):
    """({(context id, old string id): new string id}, {context ids}, {string ids}) of the
    segments of ``source`` whose text changed since ``before``."""
    after = _strings_by_place(source)
    changed = {
        context_id: (before[context_id], string_ids)
        for context_id, string_ids in after.items()
        if before.get(context_id, string_ids) != string_ids
    }
    all_ids = {string_id for old, new in changed.values() for string_id in (*old, *new)}
    texts = dict(String.objects.filter(pk__in=all_ids).values_list("pk", "data"))
    pairs = {
        (context_id, old_id): new_id
        for context_id, (old, new) in changed.items()
        for old_id, new_id in _pair_changed(old, new, texts)
    }
    return pairs, set(changed), all_ids


def prefill_previous_translations(source, before):
    """Give each segment of ``source`` whose text changed since ``before`` (``{context id:
    [string ids]}``) the previous text's translation in each enabled language that has one and
    no translation of the new text yet. Returns the StringTranslations created."""
    pairs, contexts, string_ids = _changed_pairs(source, before)
    if not pairs:
        return []
    locale_ids = Translation.objects.filter(source=source, enabled=True).values("target_locale_id")
    translated = {
        (row.context_id, row.translation_of_id, row.locale_id): row
        for row in StringTranslation.objects.filter(
            context_id__in=contexts, locale_id__in=locale_ids, translation_of_id__in=string_ids
        )
    }
    created = []
    for (context_id, string_id, locale_id), previous in translated.items():
        new_id = pairs.get((context_id, string_id))
        if new_id is None or previous.has_error or (context_id, new_id, locale_id) in translated:
            continue
        # One by one: StringTranslation.save() checks the text against the new English (its
        # links) and marks an error, as for any translation.
        created.append(
            StringTranslation.objects.create(
                translation_of_id=new_id,
                locale_id=locale_id,
                context_id=context_id,
                data=previous.data,
                translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
                tool_name=PREVIOUS_TRANSLATION,
            )
        )
    return created


def holds_previous_translations(translation):
    """True when a segment of the translation holds a previous translation to confirm."""
    segments = StringSegment.objects.filter(source=translation.source)
    return StringTranslation.objects.filter(
        locale=translation.target_locale,
        translation_of__in=segments.values("string_id"),
        context__in=segments.values("context_id"),
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        tool_name=PREVIOUS_TRANSLATION,
    ).exists()


def is_previous_translation(string_translation):
    return (
        string_translation.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
        and string_translation.tool_name == PREVIOUS_TRANSLATION
    )


# --- the difference -----------------------------------------------------------------------------


def plain_text(data):
    """What a reader sees of a segment's string or translation: wagtail-localize stores both as
    HTML fragments (inline tags, escaped text); this is their text."""
    return StringValue(data).render_text()


CHANGE = '<{}><span class="w-sr-only">{} </span>{}</{}>'
_TOKENS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


def diff_html(old, new):
    """The word-level difference from ``old`` to ``new``: removed words in ``<del>``, added ones
    in ``<ins>`` (each announced to screen readers), every piece of text HTML-escaped."""
    old_tokens, new_tokens = _TOKENS.findall(old), _TOKENS.findall(new)
    parts = []
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(escape("".join(old_tokens[i1:i2])))
            continue
        if i2 > i1:
            removed = "".join(old_tokens[i1:i2])
            parts.append(format_html(CHANGE, "del", _("removed:"), removed, "del"))
        if j2 > j1:
            added = "".join(new_tokens[j1:j2])
            parts.append(format_html(CHANGE, "ins", _("added:"), added, "ins"))
    return format_html_join("", "{}", ((part,) for part in parts))
