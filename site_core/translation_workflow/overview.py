"""The translation overview: every English page × every language, one state per cell
(``overview_grid``), filtered by language and section, fifty pages at a time.

A fixed number of queries per page of results, whatever the size of the tree.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page

from site_core.translation_workflow.overview_grid import STATE_LABELS, build_grid
from site_core.translation_workflow.permissions import (
    can_edit_locale,
    coordinated_locales,
    editable_locale_ids,
)

PER_PAGE = 50


class TranslationOverviewView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "translation_workflow/overview.html"
    page_title = _("Translation overview")
    header_icon = "site"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def dispatch(self, request, *args, **kwargs):
        if not editable_locale_ids(request.user) and not request.user.has_perm(
            "wagtail_localize.submit_translation"
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        locales, shown, chosen = self._languages(request)
        english, sections, section = self._source_pages(request, source_locale)
        paginator, page_obj = self._paginate(english, request.GET.get("p", 1))
        rows = build_grid(list(page_obj.object_list), shown, request.user)
        context.update(
            {
                "locales": locales,
                "shown_locales": shown,
                "chosen_language": chosen if len(shown) == 1 else "",
                "sections": sections,
                "section": section,
                "rows": rows,
                "page_obj": page_obj,
                "paginator": paginator,
                "states": list(STATE_LABELS.items()),
                "summary": self._summary(english, shown, paginator.count),
                "can_edit_source": can_edit_locale(request.user, source_locale.pk),
            }
        )
        return context

    def _languages(self, request):
        """(the translated languages the user may see, those shown, the chosen language code)."""
        locales = [
            locale
            for locale in self._locales(request.user)
            if locale.language_code != settings.LANGUAGE_CODE
        ]
        chosen = request.GET.get("language", "")[:20]
        shown = [locale for locale in locales if locale.language_code == chosen] or locales
        return locales, shown, chosen

    @staticmethod
    def _source_pages(request, source_locale):
        """(the English pages shown, every section, the chosen section or None)."""
        english = Page.objects.filter(locale=source_locale, depth__gt=1, alias_of__isnull=True)
        sections = list(english.filter(depth=3).order_by("path").values("id", "title", "path"))
        section_id = request.GET.get("section", "")
        section = next((s for s in sections if str(s["id"]) == section_id), None)
        if section is not None:
            english = english.filter(path__startswith=section["path"])
        return english, sections, section

    @staticmethod
    def _paginate(english, number):
        """(paginator, page of results) of the English pages, in tree order."""
        paginator = Paginator(
            english.order_by("path").values(
                "id", "title", "depth", "translation_key", "locale_id", "last_published_at", "live"
            ),
            PER_PAGE,
        )
        try:
            page_obj = paginator.page(number)
        except (PageNotAnInteger, EmptyPage):
            page_obj = paginator.page(1)
        return paginator, page_obj

    @staticmethod
    def _summary(english, locales, total):
        """Per language, over the whole (filtered) tree: published translations and missing."""
        published = dict(
            Page.objects.filter(
                locale__in=locales,
                live=True,
                alias_of__isnull=True,
                translation_key__in=english.values("translation_key"),
            )
            .order_by()
            .values("locale_id")
            .annotate(n=Count("id"))
            .values_list("locale_id", "n")
        )
        return [
            {
                "locale": locale,
                "published": published.get(locale.pk, 0),
                "missing": total - published.get(locale.pk, 0),
                "total": total,
            }
            for locale in locales
        ]

    @staticmethod
    def _locales(user):
        """Coordinators (editors) see every language; translators and reviewers their own."""
        return coordinated_locales(user)
