"""A CDN in front of the site, told what changed (``wagtail.contrib.frontend_cache``).

Off unless configured (``CDN_PURGE_URL`` for Varnish/Squid-style HTTP purges, or
``CLOUDFLARE_API_TOKEN`` + ``CLOUDFLARE_ZONE_ID``). Pages then say ``s-maxage=CDN_MAX_AGE`` so
the CDN may keep them that long, and publishing or unpublishing a page purges at once what shows
it: the page, its section, its language's home — each with any other address its page type
names in Wagtail's ``get_cached_paths()``, such as a section's feed — and the sitemap; for a
page in the source language, every language's section and home too (they list it until they
have translated it). Changing a language's listing setting purges its home and sections. A change
that shows on every page (a footer, a menu title) reaches the CDN's copies within
``CDN_MAX_AGE`` seconds (60 by default); the site's own page cache has it at once.
"""

import logging

from django.conf import settings

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Locale, Page

logger = logging.getLogger(__name__)


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def urls_showing(page):
    """Absolute addresses that show ``page``: itself, its section, its home (each with the
    other paths its page type names in ``get_cached_paths()``), the sitemap. A page in the
    source language shows in the other languages' sections and homes too, among the items
    they have not translated yet (site_core.languages.fallback)."""
    urls = []
    site_root = page.get_site()
    ancestors = list(page.get_ancestors().filter(depth__gt=1).specific())
    if page.locale_id == Locale.get_default().pk:
        keys = [ancestor.translation_key for ancestor in ancestors]
        ancestors += list(
            Page.objects.live()
            .filter(translation_key__in=keys)
            .exclude(locale_id=page.locale_id)
            .specific()
        )
    for shown in [page, *ancestors]:
        url = shown.get_full_url()
        if url:
            urls.extend(url + path.lstrip("/") for path in shown.get_cached_paths())
    if site_root is not None:
        urls.append(site_root.root_url + "/sitemap.xml")
    return list(dict.fromkeys(urls))


def purge_page(sender=None, instance=None, **kwargs):
    """Purge what shows ``instance`` from the CDN (connected to publish and unpublish)."""
    if not enabled() or instance is None:
        return
    try:
        PurgeBatch(urls_showing(instance)).purge()
    except Exception:  # a CDN that is down must never break a publish
        logger.warning("Could not purge the CDN after a change to %s", instance, exc_info=True)


def purge_pages(pages):
    """Purge ``pages`` (each with the other paths its type names in ``get_cached_paths()``)."""
    urls = []
    for page in pages:
        url = page.get_full_url()
        if url:
            urls.extend(url + path.lstrip("/") for path in page.get_cached_paths())
    try:
        PurgeBatch(urls).purge()
    except Exception:  # a CDN that is down must never break a save
        logger.warning("Could not purge the CDN after a listing setting changed", exc_info=True)
