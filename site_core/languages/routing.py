"""Finding the site and the page for a request without walking the tree on every request.

Wagtail routes ``/en/news/a-post/`` one level at a time (the site, the active locale, the
localized home, then each child and its specific row: about eight queries for a post). Here
the site and the routed page are looked up once per cache generation (site_core.caching.page_cache):
any change to published content starts a new generation, so a remembered route is never staler
than the page cache itself. The page is found by its ``url_path`` in one query; Wagtail's own
``route()`` still runs on it, so liveness, routable sub-pages (feeds, calendars) and 404s behave
exactly as before.
"""

from django.http import Http404
from django.urls import Resolver404
from django.utils import translation

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

from site_core.caching.page_cache import remember

MAX_CACHED_KEY = 300  # longer (hostile) addresses are routed the ordinary way, never remembered


def find_site(request):
    """``Site.find_for_request()``, remembered per host and cache generation."""
    if not hasattr(request, "_wagtail_site"):
        host = request._get_raw_host()
        if len(host) > 255:
            return Site.find_for_request(request)
        request._wagtail_site = remember(
            f"site:{host}:{request.get_port()}", lambda: Site._find_for_request(request)
        )
    return request._wagtail_site


def _routable(page, rest):
    """True if the live routable ``page`` has a sub-route (feed, calendar...) for ``rest``."""
    cls = page.specific_class
    if not (rest and page.live and cls and issubclass(cls, RoutablePageMixin)):
        return False
    try:
        cls.get_resolver().resolve("/" + "/".join(rest) + "/")
    except Resolver404:
        return False
    return True


def _find_page(site, language, components):
    """The specific page that answers ``components``, and how many components its address has.

    Returns ``(page, consumed)``; ``components[consumed:]`` is left for the page's ``route()``.
    Like Wagtail's walk down the tree, a routable page on the way claims the rest of the
    address when one of its sub-routes matches it. One query for the chain, one for the page.
    """
    with translation.override(language):
        root = site.root_page.localized
    prefixes = [root.url_path] + [
        root.url_path + "/".join(components[:end]) + "/" for end in range(1, len(components) + 1)
    ]
    chain = Page.objects.filter(url_path__in=prefixes, path__startswith=root.path).order_by("depth")
    found = None
    for page in chain:
        found = page
        if _routable(page, components[page.depth - root.depth :]):
            break
    if found is None:
        return None, 0
    return found.specific, found.depth - root.depth


def route(request, path):
    """Wagtail's RouteResult for ``path`` (or None), as ``Page.route_for_request`` gives it."""
    site = find_site(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    language = translation.get_language()
    key = f"route:{site.pk}:{language}:{'/'.join(components)}"
    if len(key) > MAX_CACHED_KEY:
        page, consumed = _find_page(site, language, components)
    else:
        # Only addresses that lead to a page (or a sub-route of one) are remembered: random
        # addresses must not fill the cache.
        page, consumed = remember(
            key,
            lambda: _find_page(site, language, components),
            keep=lambda found: (
                found[0] is not None
                and (found[1] == len(components) or _routable(found[0], components[found[1] :]))
            ),
        )
    if page is None:
        return None
    try:
        return page.route(request, components[consumed:])
    except Http404:
        return None


def serve(request, path):
    """Wagtail's page view, routed through the cache."""
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route(request, path)
    return wagtail_serve(request, path)
