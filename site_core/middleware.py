"""Language-prefix handling on top of Django's LocaleMiddleware."""

import logging

from django.http import Http404
from django.middleware.locale import LocaleMiddleware
from django.urls import Resolver404, get_urlconf, resolve
from django.utils import translation

from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

logger = logging.getLogger(__name__)


class LanguagePrefixMiddleware(LocaleMiddleware):
    """Adds the reader's language to unprefixed addresses, but only when that leads somewhere.

    Django's LocaleMiddleware redirects any unprefixed 404 whose prefixed path *resolves*; with
    Wagtail's catch-all pattern that is every path, so ``/xx/`` would bounce to ``/en/xx/``
    before failing. Here an unprefixed path is redirected only when a live page (or another
    view) answers at the prefixed address; otherwise the 404 stands.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and not translation.get_language_from_path(
            request.path_info
        ):
            language = translation.get_language()
            if request.path_info != "/" and not self._prefixed_path_exists(request, language):
                response.headers.setdefault("Content-Language", language)
                return response
        return super().process_response(request, response)

    def _prefixed_path_exists(self, request, language):
        path = f"/{language}{request.path_info}"
        try:
            match = resolve(path, get_urlconf())
        except Resolver404:
            return False
        if match.func is not wagtail_serve:
            return True
        site = Site.find_for_request(request)
        if site is None:
            return False
        components = [part for part in request.path_info.split("/") if part]
        with translation.override(language):
            try:
                site.root_page.localized.specific.route(request, components)
            except (Http404, Page.DoesNotExist):
                return False
            except Exception:
                # Deciding whether to redirect must never turn a 404 into a 500.
                logger.exception("Could not route %s while looking for a redirect", path)
                return False
        return True
