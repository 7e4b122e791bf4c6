"""A CDN in front of the site, told what changed (``wagtail.contrib.frontend_cache``).

Off unless configured (``CDN_PURGE_URL`` for Varnish/Squid-style HTTP purges, or
``CLOUDFLARE_API_TOKEN`` + ``CLOUDFLARE_ZONE_ID``). Pages then say ``s-maxage=CDN_MAX_AGE`` so
the CDN may keep them that long, and publishing or unpublishing a page purges at once what shows
it: the page, its section, its language's home — each with any other address its page type
names in Wagtail's ``get_cached_paths()``, such as a section's feed — and the sitemap. A change
that shows on every page (a footer, a menu title) reaches the CDN's copies within
``CDN_MAX_AGE`` seconds (60 by default); the site's own page cache has it at once.
"""

import logging

from django.conf import settings

from wagtail.contrib.frontend_cache.utils import PurgeBatch

logger = logging.getLogger(__name__)


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def urls_showing(page):
    """Absolute addresses that show ``page``: itself, its section, its home (each with the
    other paths its page type names in ``get_cached_paths()``), the sitemap."""
    urls = []
    site_root = page.get_site()
    for shown in [page, *page.get_ancestors().filter(depth__gt=1).specific()]:
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
