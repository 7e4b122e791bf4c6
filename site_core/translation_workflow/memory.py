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
- **Matches.** ``find_matches`` offers, for a segment's English, the translations into the same
  language of the same English elsewhere (exact) and of similar English (close, rapidfuzz's
  ``ratio`` ≥ ``CLOSE_MATCH_SCORE``), each with the page or snippet it comes from. Only checked
  translations (not machine-made, no error) are offered.

Queries: a constant number per call, whatever the number of segments (one per kind of row).
"""

import bisect
import difflib
import logging
import re
import time
import uuid
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models.functions import Length
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page
from wagtail_localize.models import (
    String,
    StringSegment,
    StringTranslation,
    TranslatableObject,
    Translation,
)
from wagtail_localize.strings import StringValue

from rapidfuzz import fuzz, process, utils

logger = logging.getLogger(__name__)

# The tool name of a prefilled previous translation (wagtail-localize shows it in the editor:
# "Translated with Previous translation on …"). Stored in the database: never translate it.
PREVIOUS_TRANSLATION = "Previous translation"
CLOSE_MATCH_SCORE = 75
MATCH_LIMIT = 5
# fuzz.ratio ≥ 75 needs the shorter text to be at least 60 % of the longer one: candidates
# outside that length window (a little wider, for rapidfuzz's normalising) cannot match.
LENGTH_RATIO = 0.55


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


def prefill_previous_translations(source, before):
    """Give each segment of ``source`` whose text changed since ``before`` (``{context id:
    [string ids]}``) the previous text's translation in each enabled language that has one and
    no translation of the new text yet. Returns the StringTranslations created."""
    after = _strings_by_place(source)
    changed = {
        context_id: (before[context_id], string_ids)
        for context_id, string_ids in after.items()
        if before.get(context_id, string_ids) != string_ids
    }
    if not changed:
        return []
    locale_ids = set(
        Translation.objects.filter(source=source, enabled=True).values_list(
            "target_locale_id", flat=True
        )
    )
    all_ids = {string_id for old, new in changed.values() for string_id in (*old, *new)}
    texts = dict(String.objects.filter(pk__in=all_ids).values_list("pk", "data"))
    pairs = {
        (context_id, old_id): new_id
        for context_id, (old, new) in changed.items()
        for old_id, new_id in _pair_changed(old, new, texts)
    }
    translated = {
        (row.context_id, row.translation_of_id, row.locale_id): row
        for row in StringTranslation.objects.filter(
            context_id__in=changed, locale_id__in=locale_ids, translation_of_id__in=all_ids
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


_TOKENS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


def diff_html(old, new):
    """The word-level difference from ``old`` to ``new``: removed words in ``<del>``, added ones
    in ``<ins>`` (each announced to screen readers), every piece of text HTML-escaped."""
    old_tokens, new_tokens = _TOKENS.findall(old), _TOKENS.findall(new)
    removed, added = escape(_("removed:")), escape(_("added:"))
    parts = []
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(escape("".join(old_tokens[i1:i2])))
            continue
        if i2 > i1:
            parts.append(
                f'<del><span class="w-sr-only">{removed} </span>'
                f"{escape(''.join(old_tokens[i1:i2]))}</del>"
            )
        if j2 > j1:
            parts.append(
                f'<ins><span class="w-sr-only">{added} </span>'
                f"{escape(''.join(new_tokens[j1:j2]))}</ins>"
            )
    return mark_safe("".join(parts))  # every piece of text is escaped above


# --- matches ------------------------------------------------------------------------------------


@dataclass
class Match:
    """A translation into the segment's language found elsewhere."""

    kind: str  # "exact" (the same English) or "close"
    score: int
    source: str  # its English, as stored (an HTML fragment)
    translation: str  # as stored: what "Use" saves
    title: str = ""
    url: str = ""
    context_id: int | None = None
    object_id: object = None

    @property
    def source_text(self):
        return plain_text(self.source)

    @property
    def translation_text(self):
        return plain_text(self.translation)

    def as_dict(self):
        return {
            "kind": self.kind,
            "score": self.score,
            "source": self.source,
            "source_text": self.source_text,
            "translation": self.translation,
            "translation_text": self.translation_text,
            "page": {"title": self.title, "url": self.url} if self.title else None,
        }


@dataclass
class Query:
    """One segment's English, and the places whose translations are not offered as matches
    (its own)."""

    string_id: int
    text: str
    exclude_contexts: set = field(default_factory=set)


def _checked(locale_id):
    """The translations into a language a translator has written or confirmed."""
    return StringTranslation.objects.filter(locale_id=locale_id, has_error=False).exclude(
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    )


# The candidates of close matches, per process and language: [(length, string id, English)]
# sorted by length. Reading them costs one query over every checked translation of the
# language (the bulk of a lookup on a large site), so they are kept between lookups and read
# again when a translation into that language is saved or deleted anywhere (a token in the
# shared cache, so every server process sees it) or after CANDIDATES_MAX_AGE seconds.
_candidates = {}
CANDIDATES_MAX_AGE = 300


def _token_key(locale_id):
    return f"translation-memory:{locale_id}"


def forget_candidates(locale_id):
    """Every process reads the language's candidates again at its next lookup."""
    cache.set(_token_key(locale_id), uuid.uuid4().hex, None)


@receiver(post_save, sender=StringTranslation)
@receiver(post_delete, sender=StringTranslation)
def _translation_changed(sender, instance, **kwargs):
    forget_candidates(instance.locale_id)


def _close_candidates(source_locale_id, locale_id):
    """([(length, string id, text)] sorted by length, [their lengths]): the English strings
    with a checked translation into the language."""
    token = cache.get(_token_key(locale_id))
    if token is None:  # a cleared or new cache: start a new token (and read again)
        token = uuid.uuid4().hex
        cache.add(_token_key(locale_id), token, None)
        token = cache.get(_token_key(locale_id), token)
    key = (source_locale_id, locale_id)
    held = _candidates.get(key)
    if held and held[0] == token and time.monotonic() - held[1] < CANDIDATES_MAX_AGE:
        return held[2]
    rows = sorted(
        String.objects.filter(
            locale_id=source_locale_id,
            pk__in=_checked(locale_id).values("translation_of_id"),
        )
        .annotate(length=Length("data"))
        .values_list("length", "pk", "data")
    )
    _candidates[key] = (token, time.monotonic(), (rows, [row[0] for row in rows]))
    return _candidates[key][2]


def _close_string_ids(query, candidates, limit):
    """[(string id, score, English)] of the candidates (``(rows, their lengths)``) most like
    ``query.text`` (score ≥ the cutoff)."""
    candidates, lengths = candidates
    length = len(query.text)
    start = bisect.bisect_left(lengths, int(length * LENGTH_RATIO))
    end = bisect.bisect_right(lengths, int(length / LENGTH_RATIO) + 1)
    choices = {pk: text for _length, pk, text in candidates[start:end] if pk != query.string_id}
    found = process.extract(
        query.text,
        choices,
        scorer=fuzz.ratio,
        processor=utils.default_process,
        score_cutoff=CLOSE_MATCH_SCORE,
        limit=limit * 2,
    )
    return [(pk, round(score), text) for text, score, pk in found]


def _attach_sources(matches, locale_id, user):
    """Give each match the title and admin address of the page or snippet it comes from, in
    the match's language: one query per kind of object."""
    objects = {match.object_id for match in matches}
    by_type = defaultdict(set)
    for key, content_type in TranslatableObject.objects.filter(
        translation_key__in=objects
    ).values_list("translation_key", "content_type_id"):
        by_type[content_type].add(key)
    found = {}
    finder = AdminURLFinder(user)
    for content_type_id, keys in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        if issubclass(model, Page):
            for pk, key, title in Page.objects.filter(
                translation_key__in=keys, locale_id=locale_id
            ).values_list("pk", "translation_key", "title"):
                found[key] = (title, reverse("wagtailadmin_pages:edit", args=[pk]))
        else:
            for instance in model._default_manager.filter(
                translation_key__in=keys, locale_id=locale_id
            ):
                found[instance.translation_key] = (str(instance), finder.get_edit_url(instance))
    for match in matches:
        match.title, match.url = found.get(match.object_id, ("", ""))
        match.url = match.url or ""


def find_matches(queries, source_locale_id, locale_id, user=None, limit=MATCH_LIMIT):
    """{key: [Match, …]} for ``queries`` (``{key: Query}``): the checked translations into
    ``locale_id`` of the same English in other places (exact, score 100), then of similar
    English (close), best first, at most ``limit`` each, each translation once."""
    queries = {key: query for key, query in queries.items() if query.text.strip()}
    if not queries:
        return {}
    candidates = _close_candidates(source_locale_id, locale_id)
    close = {key: _close_string_ids(query, candidates, limit) for key, query in queries.items()}
    wanted = {query.string_id for query in queries.values()}
    wanted |= {pk for found in close.values() for pk, _score, _text in found}
    texts = {pk: text for found in close.values() for pk, _score, text in found}
    rows = defaultdict(list)
    for row in (
        _checked(locale_id)
        .filter(translation_of_id__in=wanted)
        .order_by("-updated_at")
        .values_list("translation_of_id", "context_id", "data", "context__object_id")
    ):
        rows[row[0]].append(row)
    results = {}
    for key, query in queries.items():
        texts.setdefault(query.string_id, query.text)
        ranked = [(query.string_id, 100, "exact")] + [
            (pk, score, "close") for pk, score, _text in close[key]
        ]
        matches, seen = [], set()
        for string_id, score, kind in ranked:
            for _string_id, context_id, data, object_id in rows.get(string_id, ()):
                if context_id in query.exclude_contexts or data in seen:
                    continue
                seen.add(data)
                matches.append(
                    Match(
                        kind,
                        score,
                        texts[string_id],
                        data,
                        context_id=context_id,
                        object_id=object_id,
                    )
                )
        results[key] = matches[:limit]
    _attach_sources([m for found in results.values() for m in found], locale_id, user)
    return results
