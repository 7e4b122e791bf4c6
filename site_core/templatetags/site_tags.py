"""Page furniture shared by every template: language, menus, switcher, hreflang, footer."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html_join

from wagtail import hooks

from site_core.caching.page_cache import known_parameters, remember
from site_core.localized import version_in
from site_core.models import Footer
from site_core.navigation import (
    as_page,
    bcp47,
    carried_query,
    current_language,
    live_translations,
    locale_codes,
    locale_homes,
    nearest_translated,
    public_pages,
)
from site_core.structured_data import html_datetime, social_rendition

register = template.Library()
register.filter("bcp47", bcp47)
register.filter("html_datetime", html_datetime, expects_localtime=True)


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
        locale_id = {language: pk for pk, language in locale_codes().items()}.get(code)
        translated = remember(
            f"reader-version:{page.translation_key}:{code}",
            lambda: version_in(page, locale_id, public_pages(request)),
        )
        if translated is not None:
            return {"page": translated, "language": None}
        other = locale_codes().get(page.locale_id)
        return {"page": page, "language": other, "lang": bcp47(other)}
    return {"page": page, "language": None}


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

    A language where this page is live links to that translation (with the listing's filters
    it understands: ``carried_query`` in site_core/navigation.py); otherwise to the nearest
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
            url = target.get_url(request) + carried_query(request, page, target)
        elif page is not None and (fallback := nearest.get(code)) is not None:
            url = fallback.get_url(request) + "?" + urlencode({"untranslated": page.pk})
        elif page is None and (home := homes.get(code)) is not None:
            url = home.get_url(request)
        else:
            url = None
        entries.append(switcher_entry(code, native_name, url, fallback, code == current))
    current_name = dict(settings.LANGUAGES).get(current, current)
    return {"entries": entries, "current_name": current_name}


def switcher_entry(code, native_name, url, fallback, current):
    """One language of the switcher; its link goes through the view that remembers the choice."""
    return {
        "code": code,
        "bcp47": bcp47(code),
        "name": native_name,
        "url": url,
        "choose_url": reverse("choose_language", args=[code]) + "?" + urlencode({"next": url})
        if url
        else None,
        "fallback": fallback,
        "current": current,
    }


@register.inclusion_tag("components/untranslated_notice.html", takes_context=True)
def untranslated_notice(context, page=None):
    """On the nearest page the switcher chose: which page is not translated yet, and a link to it.

    ``?untranslated=<page id>`` names the page the reader came from; nothing is shown when it is
    not a live public page, or when it is in fact live in this language.
    """
    page = as_page(page)
    request = context["request"]
    raw = request.GET.get("untranslated", "")
    if page is None or not (raw.isascii() and raw.isdigit()) or len(raw) > 12:
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
    if (number.isascii() and number.isdigit()) and 1 < int(number) < 10_000:
        url += f"?page={int(number)}"
    return url


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


@register.simple_tag(takes_context=True)
def feed_links(context, page=None):
    """``<link rel="alternate">`` to the feeds of the current language. Feature apps offer them
    through the ``register_feed_links`` hook (``fn(request, language_code)`` returning a link or
    ""), so the kernel's base template names no feature."""
    request, language = context["request"], current_language(page)
    links = [hook(request, language) for hook in hooks.get_hooks("register_feed_links")]
    return format_html_join("\n  ", "{}", ((link,) for link in links if link))
