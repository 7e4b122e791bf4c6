"""Translation-memory matches: for a segment's English, the translations into the same language
of the same English elsewhere (exact) and of similar English (close, rapidfuzz's ``ratio`` ≥
``memory.CLOSE_MATCH_SCORE``), each with the page or snippet it comes from. Only checked
translations (not machine-made, no error) are offered.

Queries: a constant number per call, whatever the number of segments (one per kind of row).
"""

import bisect
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models.functions import Length
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page
from wagtail_localize.models import String, StringTranslation, TranslatableObject

from rapidfuzz import fuzz, process, utils

from site_core.translation_workflow.memory import CLOSE_MATCH_SCORE, plain_text

MATCH_LIMIT = 5
# fuzz.ratio ≥ 75 needs the shorter text to be at least 60 % of the longer one: candidates
# outside that length window (a little wider, for rapidfuzz's normalising) cannot match.
LENGTH_RATIO = 0.55


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


def _checked_rows(locale_id, string_ids):
    """{string id: [(string id, context id, translation, object key)]}, newest first."""
    rows = defaultdict(list)
    for row in (
        _checked(locale_id)
        .filter(translation_of_id__in=string_ids)
        .order_by("-updated_at")
        .values_list("translation_of_id", "context_id", "data", "context__object_id")
    ):
        rows[row[0]].append(row)
    return rows


def _ranked(query, close, rows, texts, limit):
    """A query's matches: the exact ones, then the close ones, each translation once."""
    ranked = [(query.string_id, 100, "exact")] + [(pk, score, "close") for pk, score, _t in close]
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
                    texts.get(string_id, query.text),
                    data,
                    context_id=context_id,
                    object_id=object_id,
                )
            )
    return matches[:limit]


def find_matches(queries, source_locale_id, locale_id, user=None, limit=MATCH_LIMIT):
    """{key: [Match, …]} for ``queries`` (``{key: Query}``): the checked translations into
    ``locale_id`` of the same English in other places (exact, score 100), then of similar
    English (close), best first, at most ``limit`` each, each translation once."""
    queries = {key: query for key, query in queries.items() if query.text.strip()}
    if not queries:
        return {}
    candidates = _close_candidates(source_locale_id, locale_id)
    close = {key: _close_string_ids(query, candidates, limit) for key, query in queries.items()}
    texts = {pk: text for found in close.values() for pk, _score, text in found}
    rows = _checked_rows(locale_id, {query.string_id for query in queries.values()} | set(texts))
    results = {
        key: _ranked(query, close[key], rows, texts, limit) for key, query in queries.items()
    }
    _attach_sources([m for found in results.values() for m in found], locale_id, user)
    return results
