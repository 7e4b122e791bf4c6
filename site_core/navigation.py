"""Per-request lookups behind the page furniture: languages, homes, translations, menus.

Each lookup is cached on the request, so a page pays for it once however many templates use it.
"""

from functools import lru_cache
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation

from wagtail import hooks
from wagtail.models import Locale, Page, PageViewRestriction, Site

from site_core.caching.page_cache import remember


def bcp47(language_code):
    """Django's lowercase code as a BCP 47 tag: ``zh-hans`` → ``zh-Hans``, ``pt-br`` → ``pt-BR``."""
    first, *rest = str(language_code).split("-")
    subtags = [first.lower()]
    for part in rest:
        if len(part) == 4:
            subtags.append(part.title())
        elif len(part) == 2:
            subtags.append(part.upper())
        else:
            subtags.append(part.lower())
    return "-".join(subtags)


def as_page(page):
    """Templates without a page (404, search) pass an empty string for ``page``."""
    return page if isinstance(page, Page) else None


def _cache(request):
    if not hasattr(request, "_site_tags_cache"):
        request._site_tags_cache = {}
    return request._site_tags_cache


def once_per_request(request, key, build):
    """``build()``, worked out once per request however many templates ask (``key`` names it)."""
    cache = _cache(request)
    if key not in cache:
        cache[key] = build()
    return cache[key]


@lru_cache(maxsize=1)
def locale_codes():
    """Locale id → language code, per process (locales change only with settings and deploys)."""
    return dict(Locale.objects.values_list("id", "language_code"))


@receiver([post_save, post_delete], sender=Locale)
def _forget_locale_codes(**kwargs):
    locale_codes.cache_clear()


def current_language(page=None):
    """The language a page is written in, else the active one (404 pages, search...)."""
    page = as_page(page)
    if page is not None:
        return locale_codes().get(page.locale_id) or page.locale.language_code
    return translation.get_language() or settings.LANGUAGE_CODE


def private_q(request=None):
    """A filter matching pages in private sections; the restrictions are read once per request."""
    if request is None:
        return Page.objects.all().private_q()
    return once_per_request(
        request, "private_q", lambda: remember("private_q", lambda: Page.objects.all().private_q())
    )


def may_be_restricted(path):
    """False when no view restriction can apply to the page at ``path`` (read per generation).

    A restriction reaches a page through its ancestors, or through an alias among them (whose
    source's restrictions apply): pages under neither need no look-up.
    """
    prefixes = remember(
        "restriction-prefixes",
        lambda: tuple(
            {
                *PageViewRestriction.objects.values_list("page__path", flat=True),
                *Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True),
            }
        ),
    )
    return path.startswith(prefixes) if prefixes else False


def in_order(queryset, ids):
    """The rows of ``queryset`` with these ids, in the order of ``ids`` (remembered listings)."""
    ids = list(ids)
    found = {row.pk: row for row in queryset.filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


def public_pages(request=None, model=Page):
    """Live pages (of ``model``) outside private sections."""
    return model.objects.live().exclude(private_q(request)).select_related("locale")


def _versions(request, page):
    """Live homes, live versions of ``page`` and of its ancestors, in every language: one query.

    Returns (homes, translations, nearest): each keyed by language code; ``nearest`` is the
    deepest ancestor of ``page`` that is live in that language (the home page at least).
    """
    page = as_page(page)
    return once_per_request(
        request,
        ("versions", page.translation_key if page else None),
        lambda: remember(
            f"versions:{request.get_host()}:{page.path if page else '-'}",
            lambda: _fetch_versions(request, page),
        ),
    )


def _fetch_versions(request, page):
    """One query: the live homes and the live versions of ``page`` and its ancestors."""
    site = Site.find_for_request(request)
    home_key = site.root_page.translation_key if site else None
    keys = {k for k in (home_key, page.translation_key if page else None) if k}
    condition = Q(translation_key__in=keys)
    if page is not None and page.depth > 2:
        steps = range(Page.steplen * 2, len(page.path), Page.steplen)
        ancestors = Page.objects.filter(path__in=[page.path[:end] for end in steps])
        condition |= Q(translation_key__in=ancestors.values("translation_key"))
    homes, translations, nearest = {}, {}, {}
    for version in public_pages(request).filter(condition, alias_of__isnull=True):
        code = version.locale.language_code
        if version.translation_key == home_key:
            homes[code] = version
        if page is not None and version.translation_key == page.translation_key:
            translations[code] = version
        elif code not in nearest or version.depth > nearest[code].depth:
            nearest[code] = version
    return homes, translations, nearest


def locale_homes(request, page=None):
    """The live home page of every language, keyed by language code."""
    return _versions(request, page)[0]


def live_translations(request, page):
    """Live, public, non-alias versions of ``page`` in every language, itself included."""
    if as_page(page) is None:
        return {}
    return _versions(request, page)[1]


def nearest_translated(request, page):
    """For each language: the deepest live ancestor of ``page`` in that language."""
    if as_page(page) is None:
        return {}
    return _versions(request, page)[2]


# --- The filters a listing's language switcher link carries to its other languages -----------
#
# A reader who filtered the news by year and tag and switches to Dutch should see the Dutch news
# filtered the same way. What a filter value means in another language is the listing's business
# (a category's slug differs per language, a year does not), so each app answers through the
# ``carry_listing_filters`` hook: ``fn(request, page, target, given)`` returns the parameters for
# ``target`` (``page`` in another language), or None when ``page`` is not its listing. ``given``
# holds only parameters ``page`` understands (``cache_query_parameters``), as the page cache's key
# does: a cached page's switcher links are right for every request served from it, and carry no
# junk (an app drops what it cannot vouch for, and the page number: pages differ per language).

CARRY_FILTERS_HOOK = "carry_listing_filters"
MAX_FILTER_LENGTH = 100


def understood_filters(request, page):
    """The request's parameters that ``page`` understands (one value each, none too long)."""
    understood = getattr(page, "cache_query_parameters", ())
    return {
        name: value
        for name, value in request.GET.items()
        if name in understood and value and len(value) <= MAX_FILTER_LENGTH
    }


def carried_query(request, page, target):
    """``"?…"``: the filters of ``request`` that ``target`` understands the same way; "" if none."""
    given = understood_filters(request, page) if as_page(page) is not None else {}
    if not given:
        return ""
    for carry in hooks.get_hooks(CARRY_FILTERS_HOOK):
        carried = carry(request, page, target, given)
        if carried is not None:
            return "?" + urlencode(sorted(carried.items())) if carried else ""
    return ""
