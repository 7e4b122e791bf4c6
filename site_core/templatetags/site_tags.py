"""Page furniture shared by every template: language, menus, switcher, hreflang, footer."""

import json
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from wagtail.images.models import SourceImageIOError

from site_core.caching.page_cache import known_parameters, remember
from site_core.models import Footer
from site_core.navigation import (
    as_page,
    bcp47,
    current_language,
    live_translations,
    locale_codes,
    locale_homes,
    nearest_translated,
    news_index,
    public_pages,
)

register = template.Library()
register.filter("bcp47", bcp47)


# Languages that write the names of languages in lower case inside a sentence ("en anglais").
LOWER_CASE_LANGUAGE_NAMES = {"fr", "es", "it", "pt"}


@register.filter
def language_name(code):
    """A language's name in the reader's language, as used inside a sentence ("Englisch")."""
    try:
        name = str(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return dict(settings.LANGUAGES).get(code, code)
    reader = (translation.get_language() or "").split("-")[0]
    return name[:1].lower() + name[1:] if reader in LOWER_CASE_LANGUAGE_NAMES else name


@register.simple_tag(takes_context=True)
def reader_version(context, page):
    """The live version of ``page`` in the reader's language, else ``page`` itself.

    Unlike ``page.localized`` this never hides that the reader is sent to another language:
    the result says which language it is in when that is not the reader's.
    """
    page = as_page(page)
    if page is None:
        return {"page": None, "language": None}
    request = context["request"]
    code = current_language(as_page(context.get("page")))
    if locale_codes().get(page.locale_id) != code:
        translated = remember(
            f"reader-version:{page.translation_key}:{code}",
            lambda: (
                public_pages(request)
                .filter(translation_key=page.translation_key, locale__language_code=code)
                .first()
            ),
        )
        if translated is not None:
            return {"page": translated, "language": None}
        other = locale_codes().get(page.locale_id)
        return {"page": page, "language": other, "lang": bcp47(other)}
    return {"page": page, "language": None}


# Relative times ("16 hours ago") for a week, then the date itself: site.js words them in the
# reader's browser, from the date the page carries (a page kept in the page cache must not say
# "27 seconds ago" hours later).
RELATIVE_TIME_LIMIT = timedelta(days=7)
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def page_language(page=None):
    """``lang``/``dir`` values for the ``<html>`` element."""
    code = current_language(page)
    return {
        "code": code,
        "bcp47": bcp47(code),
        "dir": "rtl" if translation.get_language_info(code)["bidi"] else "ltr",
    }


@register.simple_tag(takes_context=True)
def home_url(context, page=None):
    request = context["request"]
    home = locale_homes(request, page).get(current_language(page))
    return home.get_url(request) if home else "/"


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context, page=None):
    """Live pages marked "show in menus" under this language's home, in tree order."""
    page = as_page(page)
    request = context["request"]
    home = locale_homes(request, page).get(current_language(page))
    if home is None:
        return {"items": []}

    def build():
        return [
            (child.title, child.get_url(request), child.path, child.pk)
            for child in public_pages(request).child_of(home).in_menu()
        ]

    entries = remember(f"menu:{request.get_host()}:{home.pk}", build)
    return {
        "items": [
            {
                "title": title,
                "url": url,
                "current": page is not None and page.path.startswith(path),
                "exact": page is not None and page.pk == pk,
            }
            for title, url, path, pk in entries
        ]
    }


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """Every language by its native name, each link remembering the reader's choice.

    A language where this page is live links to that translation; otherwise to the nearest
    page live in that language (an ancestor, at least its home page), marked as such, where a
    notice explains what is missing. Views without a page (search) pass ``language_urls``.
    """
    page = as_page(page)
    request = context["request"]
    current = current_language(page)
    translations = live_translations(request, page)
    nearest = nearest_translated(request, page)
    homes = locale_homes(request, page)
    given = context.get("language_urls") or {}
    entries = []
    for code, native_name in settings.LANGUAGES:
        fallback = None
        if code in given:
            url = given[code]
        elif (target := translations.get(code)) is not None:
            url = target.get_url(request)
        elif page is not None and (fallback := nearest.get(code)) is not None:
            url = fallback.get_url(request) + "?" + urlencode({"untranslated": page.pk})
        elif page is None and (home := homes.get(code)) is not None:
            url = home.get_url(request)
        else:
            url = None
        entries.append(
            {
                "code": code,
                "bcp47": bcp47(code),
                "name": native_name,
                "url": url,
                "choose_url": reverse("choose_language", args=[code])
                + "?"
                + urlencode({"next": url})
                if url
                else None,
                "fallback": fallback,
                "current": code == current,
            }
        )
    current_name = dict(settings.LANGUAGES).get(current, current)
    return {"entries": entries, "current_name": current_name}


@register.inclusion_tag("components/untranslated_notice.html", takes_context=True)
def untranslated_notice(context, page=None):
    """On the nearest page the switcher chose: which page is not translated yet, and a link to it.

    ``?untranslated=<page id>`` names the page the reader came from; nothing is shown when it is
    not a live public page, or when it is in fact live in this language.
    """
    page = as_page(page)
    request = context["request"]
    raw = request.GET.get("untranslated", "")
    if page is None or not raw.isdigit() or len(raw) > 12:
        return {"missing": None}
    missing = (
        public_pages(request)
        .filter(pk=int(raw), depth__gt=1)
        .exclude(locale_id=page.locale_id)
        .first()
    )
    if (
        missing is None
        or public_pages(request)
        .filter(translation_key=missing.translation_key, locale_id=page.locale_id)
        .exists()
    ):
        return {"missing": None}
    code = current_language(page)
    # The address the language switcher gives (this page is the nearest one translated): the
    # page cache may keep it. Any other page id is answered, never stored.
    nearest = nearest_translated(request, missing).get(code)
    if raw == str(missing.pk) and nearest is not None and nearest.pk == page.pk:
        known_parameters(request, "untranslated")
    return {
        "missing": missing,
        "missing_lang": bcp47(missing.locale.language_code),
        "missing_language": language_name(missing.locale.language_code),
        "language": dict(settings.LANGUAGES).get(code, code),
        "request": request,
    }


def canonical_url(request, page):
    """The page's address; a later page of a listing (?page=2) is its own canonical page."""
    url = page.get_full_url(request)
    number = request.GET.get("page", "")
    if number.isdigit() and 1 < int(number) < 10_000:
        url += f"?page={int(number)}"
    return url


def social_rendition(image):
    """The picture shared on social networks (1200×630 JPEG), or None: no image, or one whose
    file is missing or cannot be decoded (the page still answers, without it)."""
    if image is None:
        return None
    try:
        return image.get_rendition("fill-1200x630|format-jpeg")
    except SourceImageIOError:
        return None


@register.inclusion_tag("components/page_meta.html", takes_context=True)
def page_meta(context, page):
    """Description, canonical link, hreflang alternates and Open Graph tags for ``page``."""
    request = context["request"]
    translations = live_translations(request, page)
    alternates = []
    if len(translations) > 1:
        for code, _name in settings.LANGUAGES:
            if code in translations:
                alternates.append(
                    {"hreflang": bcp47(code), "url": translations[code].get_full_url(request)}
                )
        source = translations.get(settings.LANGUAGE_CODE)
        if source is not None:
            alternates.append({"hreflang": "x-default", "url": source.get_full_url(request)})
    specific = page.specific
    description = getattr(specific, "get_meta_description", lambda: page.search_description)()
    social_image = getattr(specific, "get_social_image", lambda: None)()
    og_image = None
    rendition = social_rendition(social_image)
    if rendition is not None:
        og_image = {
            "url": request.build_absolute_uri(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
        }
    return {
        "page": page,
        "title": page.seo_title or page.title,
        "description": description,
        "canonical": canonical_url(request, page),
        "alternates": alternates,
        "og_image": og_image,
        "og_locale": translation.to_locale(current_language(page)),
        "og_alternate_locales": [
            translation.to_locale(code) for code in translations if code != current_language(page)
        ],
    }


@register.inclusion_tag("components/footer.html", takes_context=True)
def site_footer(context, page=None):
    """This language's footer snippet, else the source language's (marked with its language)."""
    page = as_page(page)
    code = current_language(page)
    footers = remember(
        f"footers:{code}",
        lambda: {
            footer.locale.language_code: footer
            for footer in Footer.objects.filter(
                locale__language_code__in={code, settings.LANGUAGE_CODE}, live=True
            ).select_related("locale")
        },
    )
    footer = footers.get(code) or footers.get(settings.LANGUAGE_CODE)
    footer_language = footer.locale.language_code if footer else code
    return {
        "footer": footer,
        "footer_lang": bcp47(footer_language) if footer_language != code else None,
        "request": context["request"],
        "page": page,
    }


@register.filter(expects_localtime=True)
def html_datetime(value):
    """A date or time as HTML's ``<time datetime>`` (and schema.org, sitemaps) accept it.

    Whole seconds with the UTC offset ("2026-11-30T18:00:00+01:00"), or the date alone for a
    ``date``: ``date:'c'`` and ``isoformat()`` print six digits of a second, which HTML does
    not allow (at most three). In a template the time is in the current time zone (so inside
    ``{% timezone %}`` it keeps that zone's offset); a naive time is taken to be in it.
    """
    if not isinstance(value, datetime):
        return value.isoformat() if isinstance(value, date) else ""
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value.isoformat(timespec="seconds").replace("+00:00", "Z")


@register.inclusion_tag("components/post_time.html")
def post_time(post):
    """A post's date, and the full date and time on hover.

    The page says the date itself, true whenever the page is read (it may come from the page
    cache hours later); while recent, site.js turns it into a relative time ("16 hours ago") in
    the page's language and keeps it up to date.
    """
    date = post.display_date
    return {
        "date": date,
        # HTML's datetime takes at most three digits of a second: whole seconds, in UTC.
        "iso": html_datetime(date.astimezone(UTC)),
        "relative_seconds": int(RELATIVE_TIME_LIMIT.total_seconds()),
    }


@register.simple_tag(takes_context=True)
def news_feed_link(context, page=None):
    """``<link rel="alternate">`` to the news feed of the current language, if it has one."""
    request = context["request"]
    index = news_index(request, current_language(page))
    if index is None:
        return ""
    return format_html(
        '<link rel="alternate" type="application/rss+xml" title="{}" href="{}">',
        _("%(site)s: news") % {"site": _("Falun Gong Awareness")},
        request.build_absolute_uri(index.url + index.reverse_subpage("feed_route")),
    )


@register.simple_tag(takes_context=True)
def news_article_jsonld(context, page):
    """schema.org NewsArticle for search engines, as a JSON-LD data block."""
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.summary,
        "datePublished": html_datetime(page.display_date),
        "dateModified": html_datetime(page.last_published_at or page.display_date),
        "inLanguage": bcp47(current_language(page)),
        "url": page.get_full_url(request),
        "mainEntityOfPage": page.get_full_url(request),
        "publisher": {"@type": "Organization", "name": str(_("Falun Gong Awareness"))},
    }
    if page.author:
        data["author"] = {"@type": "Person", "name": page.author}
    rendition = social_rendition(page.get_social_image())
    if rendition is not None:
        data["image"] = [request.build_absolute_uri(rendition.url)]
    return jsonld_script(data)


def jsonld_script(data):
    """A JSON-LD data block that no value can break out of."""
    payload = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    safe_payload = mark_safe(payload)  # nosec B308 B703: JSON with <, > and & escaped
    return format_html('<script type="application/ld+json">{}</script>', safe_payload)


@register.simple_tag(takes_context=True)
def event_next_date(context, event):
    """An event's next (or current) date as {start, all_day}, as of the listing's ``now``.

    A past event (the archive) has its last date instead.
    """
    now = context.get("now") or timezone.now()
    last = None
    for start, end, occurrence in event.dates():
        last = {"start": start, "all_day": occurrence.all_day}
        if end >= now:
            return last
    return last


EVENT_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
}


@register.simple_tag(takes_context=True)
def event_jsonld(context, page):
    """schema.org Event with its status and place, as a JSON-LD data block."""
    request = context["request"]
    dates = page.upcoming_dates() or page.dates()
    place = {
        "@type": "Place",
        "name": page.venue or page.city,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": page.address,
            "addressLocality": page.city,
            "addressCountry": page.country,
        },
    }
    if page.latitude is not None and page.longitude is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(page.latitude),
            "longitude": float(page.longitude),
        }
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.summary,
        "url": page.get_full_url(request),
        "inLanguage": bcp47(current_language(page)),
        "eventStatus": EVENT_STATUS.get(page.status, EVENT_STATUS["scheduled"]),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": place,
    }
    if dates:
        start, end, _occurrence = dates[0]
        data["startDate"] = html_datetime(start)
        data["endDate"] = html_datetime(end)
    if page.organiser:
        data["organizer"] = {"@type": "Organization", "name": page.organiser}
    rendition = social_rendition(page.get_social_image())
    if rendition is not None:
        data["image"] = [request.build_absolute_uri(rendition.url)]
    return jsonld_script(data)
