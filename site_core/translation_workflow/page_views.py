"""Each language's state where editors work on English pages, through Wagtail's page viewset
(``PageViewSet``, registered for every page type in ``wagtail_hooks``):

- the edit view's status side panel lists every language the user follows with its state and a
  link (the translation's editor for whoever may edit it, else its public page). Wagtail's own
  panel lists only the translations the user may edit, so an editor of the English site was told
  "No other translations";
- the explorer's listing of an English section gets a "Translations" column: one compact mark
  per language, computed for the whole page of results in a fixed number of queries.
"""

from django.conf import settings
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.side_panels import PageStatusSidePanel
from wagtail.admin.ui.tables import BaseColumn
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.viewsets.pages import PageViewSet

from site_core.translation_workflow.language_states import (
    language_states,
    page_language_states,
    summary,
)


class TranslationStatusSidePanel(PageStatusSidePanel):
    """Wagtail's status panel, whose "locale" entry shows each language's state."""

    locale_template = "wagtailadmin/shared/side_panels/includes/status/locale.html"

    def __init__(self, *args, language_states=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.language_states = language_states

    def get_status_templates(self, context):
        templates = super().get_status_templates(context)
        if self.language_states is None:
            return templates
        return [
            "translation_workflow/status_languages.html"
            if template == self.locale_template
            else template
            for template in templates
        ]

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        if self.language_states is not None:
            context["language_states"] = self.language_states
            context["language_summary"] = summary(self.language_states)
            context["can_start_translations"] = self.request.user.has_perm(
                "wagtail_localize.submit_translation"
            )
        return context


class TranslatedPageEditView(EditView):
    """Wagtail's page editor; on an English page, the status panel names every language."""

    def get_side_panels(self):
        panels = super().get_side_panels()
        for index, panel in enumerate(panels):
            if type(panel) is PageStatusSidePanel and self.locale is not None:
                panels[index] = self._status_panel(panel)
        return panels

    def _status_panel(self, panel):
        english = self.locale.language_code == settings.LANGUAGE_CODE
        return TranslationStatusSidePanel(
            panel.object,
            panel.request,
            show_schedule_publishing_toggle=panel.show_schedule_publishing_toggle,
            live_object=panel.live_object,
            scheduled_object=panel.scheduled_object,
            locale=panel.locale,
            translations=panel.translations,
            parent_page=panel.parent_page,
            language_states=page_language_states(
                self.real_page_record, self.request.user, self.request
            )
            if english
            else None,
        )


class LanguageStatesColumn(BaseColumn):
    """One mark per language, the state's name beside it for screen readers and as a tooltip;
    a mark links to the translation's editor for whoever may edit it."""

    cell_template_name = "translation_workflow/language_states_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["states"] = getattr(instance, "language_states", [])
        return context


class TranslatedExplorableIndexView(ExplorableIndexView):
    """Wagtail's explorer; below an English page, each child's state in every language."""

    @cached_property
    def shows_language_states(self):
        locale = getattr(self, "locale", None)
        return locale is not None and locale.language_code == settings.LANGUAGE_CODE

    @cached_property
    def explorable_columns(self):
        columns = super().explorable_columns
        if not self.shows_language_states:
            return columns
        column = LanguageStatesColumn("translations", label=_("Translations"), width="16%")
        return [*columns[:-1], column, columns[-1]]

    def get_table(self, object_list):
        if self.shows_language_states:
            pages = list(object_list)
            states = language_states(pages, self.request.user)
            for page in pages:
                page.language_states = states.get(page.pk, [])
            object_list = pages
        return super().get_table(object_list)


class TranslatedPageViewSet(PageViewSet):
    """Wagtail's views for every page type, with the two above."""

    edit_view_class = TranslatedPageEditView
    index_view_class = TranslatedExplorableIndexView
