"""Search within one language: that language's live public pages only.

Words are matched where readers expect them to be:
- On PostgreSQL, languages with a text-search configuration (English, Dutch, German, French,
  Spanish) use it, so "vigils" finds "vigil" and "Mahnwachen" finds "Mahnwache".
- Everywhere else, and for Chinese and Hebrew, a query matches inside words: Chinese has no
  spaces between words, so a two-character word is found inside a sentence; Hebrew attaches
  prefix letters (ב, ה, ו, כ, ל, מ, ש) to words, so "ירושלים" finds "בירושלים", and a query
  typed with a prefix ("בירושלים") also finds the bare word.
The text comes from Wagtail's search index (title and the fields each page type indexes).
"""

import re
from urllib.parse import quote_plus

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection
from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import Cast
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.html import escape
from django.utils.safestring import mark_safe

from wagtail.models import get_page_models
from wagtail.search.models import IndexEntry

from site_core.languages.routing import find_site
from site_core.navigation import in_order, public_pages

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
EXCERPT_LENGTH = 240
POSTGRES_CONFIGS = {
    "en": "english",
    "nl": "dutch",
    "de": "german",
    "fr": "french",
    "es": "spanish",
}
HEBREW_PREFIXES = "בהוכלמש"


def clean_query(raw):
    """Whitespace collapsed, capped; empty when nothing searchable (only punctuation) is left."""
    query = " ".join(str(raw).split())[:MAX_QUERY_LENGTH]
    return query if re.search(r"\w", query) else ""


def _text_fields():
    if connection.vendor == "postgresql":
        return "title_text", "body_text"
    return "title", "body"


def query_terms(query, language_code):
    """The words to look for; Hebrew words typed with a prefix letter also match without it."""
    terms = [term for term in re.findall(r"\w+", query) if term]
    variants = []
    for term in terms:
        options = [term]
        if language_code == "he" and len(term) > 3 and term[0] in HEBREW_PREFIXES:
            options.append(term[1:])
        variants.append(options)
    return variants


def _substring_matches(entries, variants):
    title, body = _text_fields()
    condition = Q()
    for options in variants:
        either = Q()
        for option in options:
            either |= Q(**{f"{title}__icontains": option}) | Q(**{f"{body}__icontains": option})
        condition &= either
    return entries.filter(condition)


def _full_text_matches(entries, query, config):
    # Not at module level: used on PostgreSQL only, and the module needs its driver (psycopg),
    # which a SQLite installation need not have.
    from django.contrib.postgres.search import SearchQuery, SearchVector

    vector = SearchVector("title_text", weight="A", config=config) + SearchVector(
        "body_text", weight="B", config=config
    )
    return entries.annotate(document=vector).filter(
        document=SearchQuery(query, config=config, search_type="websearch")
    )


def search_pages(request, language_code, query):
    """Live public pages of one language matching ``query``, title matches first."""
    pages = public_pages(request).filter(
        locale__language_code=language_code, alias_of__isnull=True, depth__gt=1
    )
    variants = query_terms(query, language_code)
    if not variants:
        return pages.none()
    entries = page_entries().annotate(page_id=Cast("object_id", IntegerField()))
    # The matching entries are looked up first, as a list of ids: joined with the pages
    # instead, the database may work the text match out again for every page (seconds on
    # PostgreSQL with a thousand posts).
    matched = None
    config = POSTGRES_CONFIGS.get(language_code)
    if connection.vendor == "postgresql" and config:
        matched = _ids(_full_text_matches(entries, query, config))
        if not pages.filter(pk__in=matched).exists():
            matched = None
    if matched is None:
        matched = _ids(_substring_matches(entries, variants))
    title_field = _text_fields()[0]
    title_hit = Q()
    for options in variants:
        for option in options:
            title_hit |= Q(**{f"{title_field}__icontains": option})
    in_title = _ids(entries.filter(title_hit, object_id__in=[str(pk) for pk in matched]))
    return (
        pages.filter(pk__in=matched)
        .annotate(
            in_title=Case(When(pk__in=in_title, then=Value(1)), default=Value(0)),
        )
        .order_by("-in_title", "-first_published_at", "pk")
    )


def _ids(entries):
    """The page ids of these index entries."""
    return list(entries.values_list("page_id", flat=True))


def matching_ids(request, language_code, query):
    """The ids of ``search_pages()``.

    Never remembered, like the results page itself: a quicker answer to a query (or a cache
    header) would tell a later reader what somebody else searched for.
    """
    return list(search_pages(request, language_code, query).values_list("pk", flat=True))


def pages_in_order(request, ids):
    """The live public pages with these ids, in this order."""
    return in_order(public_pages(request), ids)


def highlight(text, variants):
    """Escaped text with every searched word wrapped in <mark>."""
    words = sorted({option for options in variants for option in options}, key=len, reverse=True)
    escaped = escape(text)
    if not words:
        return mark_safe(escaped)  # nosec B308 B703: escaped above
    pattern = re.compile("|".join(re.escape(escape(word)) for word in words), re.IGNORECASE)
    marked = pattern.sub(lambda match: f"<mark>{match.group(0)}</mark>", escaped)
    return mark_safe(marked)  # nosec B308 B703: escaped text, our own <mark> tags


def excerpt(text, variants, length=EXCERPT_LENGTH):
    """About ``length`` characters of ``text`` around the first searched word, highlighted."""
    text = " ".join((text or "").split())
    lowered = text.lower()
    positions = [
        lowered.find(option.lower())
        for options in variants
        for option in options
        if option.lower() in lowered
    ]
    start = max(0, min(positions) - length // 3) if positions else 0
    end = min(len(text), start + length)
    # Cut between words where the language puts spaces between them (not in Chinese).
    if start and " " in text[max(0, start - 20) : start]:
        start = text.rfind(" ", 0, start) + 1
    if end < len(text) and " " in text[end - 20 : end]:
        end = text.rfind(" ", 0, end)
    piece = text[start:end]
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + highlight(piece, variants) + suffix)  # nosec B308 B703: escaped


def _best_text(body, description, variants):
    """The body where it contains a searched word, else the description, else the body."""
    lowered = body.lower()
    if any(option.lower() in lowered for options in variants for option in options):
        return body
    return description or body


def _result_page(request, language_code, query):
    """The page of matching pages the reader asked for (the first or last if out of range)."""
    paginator = Paginator(matching_ids(request, language_code, query), RESULTS_PER_PAGE)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page_obj = paginator.page(1)
    except EmptyPage:
        page_obj = paginator.page(paginator.num_pages)
    page_obj.object_list = pages_in_order(request, page_obj.object_list)
    return page_obj


def _results(pages, query, language_code):
    """Each page of ``pages`` with its highlighted title and excerpt of its indexed text."""
    variants = query_terms(query, language_code)
    body_field = _text_fields()[1]
    bodies = dict(
        page_entries()
        .filter(object_id__in=[str(page.pk) for page in pages])
        .values_list("object_id", body_field)
    )
    return [
        {
            "page": page,
            "title": highlight(page.title, variants),
            "excerpt": excerpt(
                _best_text(bodies.get(str(page.pk)) or "", page.search_description, variants),
                variants,
            ),
        }
        for page in pages
    ]


def _language_urls(query):
    """The same search in each of the site's languages."""
    language_urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            url = reverse("search")
        language_urls[code] = url + (f"?q={quote_plus(query)}" if query else "")
    return language_urls


def search_view(request):
    find_site(request)  # remembered, for the links and menus of the page
    language_code = translation.get_language()
    raw = request.GET.get("q", "")
    query = clean_query(raw)
    results = None
    page_obj = None
    if query:
        page_obj = _result_page(request, language_code, query)
        results = _results(page_obj.object_list, query, language_code)
    response = render(
        request,
        "search.html",
        {
            "query": query,
            "raw_query": raw[:MAX_QUERY_LENGTH],
            "results": results,
            "page_obj": page_obj,
            "language_urls": _language_urls(query),
            "page": None,
        },
    )
    # What somebody searched for is theirs: never stored by the page cache, a CDN or a browser.
    patch_cache_control(response, private=True, no_store=True)
    return response


def page_entries():
    """Index entries of pages only (images and documents are indexed in the same table)."""
    content_types = ContentType.objects.get_for_models(*get_page_models()).values()
    return IndexEntry.objects.filter(content_type__in=list(content_types))
