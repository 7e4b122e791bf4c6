"""Language-prefix handling on top of Django's LocaleMiddleware."""

import logging

from django.conf import settings
from django.http import Http404
from django.middleware.locale import LocaleMiddleware
from django.urls import Resolver404, get_urlconf, resolve
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

from site_core.languages import routing

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
                # A link shared from another language (/news/ for a Dutch reader, whose news
                # lives at /nl/nieuws/): find the page by its source-language address and go
                # to its translation, or to the page itself when it has none.
                target = self._translation_of_source_path(request, language)
                if target:
                    return self._per_reader(self.response_redirect_class(target))
                response.headers.setdefault("Content-Language", language)
                return response
        answer = super().process_response(request, response)
        if answer is not response:  # Django's redirect to the prefixed path: "/" → "/nl/"
            self._per_reader(answer)
        return answer

    @staticmethod
    def _per_reader(redirect):
        """A redirect chosen by the reader's language (cookie, Accept-Language): no shared
        cache may keep it (Vary alone is ignored by many caches), nor a browser past a visit."""
        patch_vary_headers(redirect, ("Accept-Language", "Cookie"))
        patch_cache_control(redirect, private=True, no_cache=True)
        return redirect

    def _route(self, request, language):
        """The page (and sub-route) answering this unprefixed path in ``language``, or None."""
        site = Site.find_for_request(request)
        if site is None:
            return None
        components = [part for part in request.path_info.split("/") if part]
        with translation.override(language):
            try:
                return site.root_page.localized.specific.route(request, components)
            except (Http404, Page.DoesNotExist):
                return None
            except Exception:
                # Deciding whether to redirect must never turn a 404 into a 500.
                logger.exception("Could not route %s while looking for a redirect", components)
                return None

    def _prefixed_path_exists(self, request, language):
        path = f"/{language}{request.path_info}"
        try:
            match = resolve(path, get_urlconf())
        except Resolver404:
            return False
        if match.func not in (wagtail_serve, routing.serve):
            return True
        return self._route(request, language) is not None

    def _translation_of_source_path(self, request, language):
        source = settings.LANGUAGE_CODE
        if language == source:
            return None
        result = self._route(request, source)
        if result is None:
            return None
        page = result.page
        if page.get_url(request) != f"/{source}{request.path_info}":
            return None  # a sub-route (a feed, a calendar) has no address in another language
        translated = (
            page.get_translations()
            .live()
            .public()
            .filter(locale__language_code=language, alias_of__isnull=True)
            .first()
        )
        return (translated or page).get_url(request)
