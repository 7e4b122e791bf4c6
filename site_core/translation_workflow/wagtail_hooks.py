"""Admin additions for translators: the overview grid and the review flow."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from site_core.translation_workflow import (
    assignments,
    autosave,
    chinese_views,
    localize_guards,
    memory_views,
    views,
)
from site_core.translation_workflow.overview import TranslationOverviewView
from site_core.translation_workflow.page_views import TranslatedPageViewSet
from site_core.translation_workflow.permissions import can_publish_locale, editable_locale_ids
from site_core.translation_workflow.sync_failures import show_sync_failures

# (address under /admin/, view, URL name)
TRANSLATION_URLS = [
    ("translations/", TranslationOverviewView.as_view(), "site_translation_overview"),
    (
        "translations/start/<int:page_id>/<str:language_code>/",
        views.start_translation,
        "site_translation_start",
    ),
    (
        "translations/assign/<int:page_id>/<str:language_code>/",
        assignments.assign,
        "site_translation_assign",
    ),
    (
        "translations/unassign/<int:page_id>/<str:language_code>/",
        assignments.unassign,
        "site_translation_unassign",
    ),
    (
        "translations/<int:translation_id>/submit/",
        views.submit_for_review,
        "site_translation_submit",
    ),
    ("translations/<int:translation_id>/review/", views.review, "site_translation_review"),
    (
        "translations/<int:translation_id>/progress/",
        memory_views.translation_progress,
        "site_translation_progress",
    ),
    (
        "translations/<int:translation_id>/memory/<int:segment_id>/",
        memory_views.segment_memory,
        "site_translation_memory",
    ),
    (
        "translations/<int:translation_id>/fill-chinese/",
        chinese_views.fill_from_other_script_view,
        "site_translation_fill_chinese",
    ),
]


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [path(route, view, name=name) for route, view, name in TRANSLATION_URLS]


@hooks.register("register_admin_viewset")
def register_translated_page_views():
    """Wagtail's page views for every page type (registered for ``Page`` after Wagtail's own,
    order -1, so it replaces it), showing each language's state on English pages
    (``page_views``)."""
    return TranslatedPageViewSet()


@hooks.register("insert_global_admin_css")
def translation_states_css():
    """The language states of the status panel and the page listings (and the overview)."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/translation-overview.css"))


@hooks.register("register_admin_urls", order=-1)
def register_localize_guards():
    """Ahead of wagtail-localize's own URLs: its views that could publish unreviewed text or
    store unsafe links, on the same paths (``site_core.translation_workflow.localize_guards``)."""
    return localize_guards.urls()


@hooks.register("register_admin_urls", order=-1)
def register_machine_translate_guard():
    """Ahead of wagtail-localize's "Translate with …", on its path: a failing translation
    service is reported to the translator, not a server error (``chinese_views``)."""
    return [
        path(
            "localize/translate/<int:translation_id>/machine_translate/",
            chinese_views.machine_translate,
            name="site_machine_translate",
        )
    ]


class TranslationOverviewMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return bool(editable_locale_ids(user)) or user.has_perm(
            "wagtail_localize.submit_translation"
        )


@hooks.register("register_admin_menu_item")
def register_translation_overview_menu_item():
    return TranslationOverviewMenuItem(
        _("Translations"),
        reverse("site_translation_overview"),
        name="translation-overview",
        icon_name="site",
        order=250,
    )


ALL_LANGUAGE_REPORTS = {"translations", "site-history", "page-types-usage"}


@hooks.register("construct_reports_menu")
def hide_all_language_reports_from_translators(request, menu_items):
    """Reports that name every language's objects are for coordinators (editors) only."""
    if not request.user.has_perm("wagtail_localize.submit_translation"):
        menu_items[:] = [item for item in menu_items if item.name not in ALL_LANGUAGE_REPORTS]


@hooks.register("construct_page_action_menu")
def convert_to_alias_is_for_reviewers(menu_items, request, context):
    """An alias puts the English page live in this language: not a translator's action."""
    page = context.get("page")
    if page is not None and not can_publish_locale(request.user, page.locale_id):
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


# A sync that could not update a translation is reported to whoever published the English source.
hooks.register("after_publish_page", show_sync_failures)
hooks.register("after_edit_snippet", show_sync_failures)
hooks.register("after_create_snippet", show_sync_failures)

# A repeated autosave (or "Save draft") of a new page edits the draft its first save created.
hooks.register("before_create_page", autosave.reuse_own_new_draft)


@hooks.register("insert_editor_js")
def autosave_status_script():
    """After a successful autosave, a "could not be saved" banner says what is true now."""
    return format_html(
        '<script src="{}" data-saved-note="{}"></script>',
        static("js/autosave-status.js"),
        _(
            "Your changes are saved as a draft. The fields marked below still need attention "
            "before this page can be published."
        ),
    )
