"""Who may work in which language.

Page permissions stay Wagtail's own (a group's permissions on one locale's home page cover that
locale's tree). Everything else a translator can reach — wagtail-localize's endpoints and the
translatable snippets — is scoped here by the same rule: a user works in a locale when one of their
groups may add or change pages in that locale's tree, and reviews in it when the group may publish
there. ``TranslatorScopeMiddleware`` enforces it on every admin view that names a locale's object.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from wagtail.models import GroupPagePermission, Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.models import Translation

ALL = "all"

EDIT_CODENAMES = ("add_page", "change_page")
PUBLISH_CODENAMES = ("publish_page",)


def _locales_with(user, codenames):
    """Locale ids where ``user`` holds one of these page permissions (``ALL`` for the root)."""
    if not user.is_active or not user.is_authenticated:
        return frozenset()
    if user.is_superuser:
        return ALL
    cache = user.__dict__.setdefault("_locale_permissions", {})
    if codenames not in cache:
        rows = GroupPagePermission.objects.filter(
            group__user=user, permission__codename__in=codenames
        ).values_list("page__depth", "page__locale_id")
        if any(depth == 1 for depth, _locale in rows):
            cache[codenames] = ALL
        else:
            cache[codenames] = frozenset(locale for _depth, locale in rows)
    return cache[codenames]


def editable_locale_ids(user):
    return _locales_with(user, EDIT_CODENAMES)


def publishable_locale_ids(user):
    return _locales_with(user, PUBLISH_CODENAMES)


def can_edit_locale(user, locale_id) -> bool:
    locales = editable_locale_ids(user)
    return locales == ALL or locale_id in locales


def can_publish_locale(user, locale_id) -> bool:
    locales = publishable_locale_ids(user)
    return locales == ALL or locale_id in locales


def all_locales():
    """Every locale, in the order of ``settings.LANGUAGES``."""
    order = {code: position for position, (code, _name) in enumerate(settings.LANGUAGES)}
    return sorted(
        Locale.objects.all(), key=lambda locale: order.get(locale.language_code, len(order))
    )


def visible_locales(user):
    """The locales ``user`` works in, in settings order (all of them for superusers)."""
    locales = all_locales()
    editable = editable_locale_ids(user)
    if editable == ALL:
        return locales
    return [locale for locale in locales if locale.pk in editable]


def coordinated_locales(user):
    """The locales whose translation state ``user`` follows: coordinators (editors, who start
    translations) see every language; translators and reviewers their own."""
    if user.has_perm("wagtail_localize.submit_translation"):
        return all_locales()
    return visible_locales(user)


# --- the guard ----------------------------------------------------------------------------------

# wagtail-localize's views, and those that stand in for some of them on the same paths
# (site_core.translation_workflow.localize_guards).
LOCALIZE_NAMESPACES = ("wagtail_localize", "site_localize")
# wagtail-localize views that act on one translation (its target locale decides).
TRANSLATION_VIEWS = {
    "edit_string_translation",
    "edit_override",
    "download_pofile",
    "upload_pofile",
    "machine_translate",
    "preview_translation",
    "stop_translation",
}
# wagtail-localize views for people who coordinate every language (the "submit_translation"
# permission, which only editors hold).
COORDINATOR_VIEWS = {
    "translations_report",
    "translations_report_results",
    "snippets_api_listing",
    "submit_page_translation",
    "submit_snippet_translation",
    "update_translations",
}
# Reports that list every language's objects by name (including drafts' names).
COORDINATOR_REPORTS = {
    "site_history",
    "site_history_results",
    "page_types_usage",
    "page_types_usage_results",
    "aging_pages",
    "aging_pages_results",
}
# Wagtail page views that only read (these must not show another language's drafts either).
PAGE_ID_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id")


def _snippet_model(namespace):
    for model in get_snippet_models():
        if namespace == model.snippet_viewset.get_admin_url_namespace():
            return model
    return None


def _translation_locale(kwargs):
    """A wagtail-localize view on one translation: its target locale decides."""
    translation = Translation.objects.filter(pk=kwargs["translation_id"]).first()
    if translation is None:
        raise Http404
    return translation.target_locale_id


def _alias_locale(request, kwargs):
    """An alias shows the English page live in this language: a reviewer's decision."""
    page = Page.objects.filter(pk=kwargs["page_id"]).only("locale_id").first()
    if page is None:
        raise Http404
    if not can_publish_locale(request.user, page.locale_id):
        raise PermissionDenied
    return page.locale_id


def _for_coordinators(request):
    """Views and reports over every language: only for coordinators (editors)."""
    if not request.user.has_perm("wagtail_localize.submit_translation"):
        raise PermissionDenied


def _snippet_api_locale(kwargs):
    """wagtail-localize's snippet API: a translated snippet's locale (None for English)."""
    model = get_snippet_model_from_url_params(kwargs["app_label"], kwargs["model_name"])
    instance = model._default_manager.filter(pk=kwargs["pk"]).first()
    if instance is None:
        raise Http404
    if isinstance(instance, TranslatableMixin) and (
        instance.locale.language_code != settings.LANGUAGE_CODE
    ):
        return instance.locale_id
    return None


def _localize_view_locale(request, name, kwargs):
    """The locale of a wagtail-localize view (or one standing in for it)."""
    if name in TRANSLATION_VIEWS:
        return _translation_locale(kwargs)
    if name == "convert_to_alias":
        return _alias_locale(request, kwargs)
    if name in COORDINATOR_VIEWS:
        _for_coordinators(request)
        return None
    if name == "snippets_api_detail":
        return _snippet_api_locale(kwargs)
    return None


def _page_view_locale(kwargs):
    """The locale of the page a Wagtail page view names (None for the root or no page)."""
    for key in PAGE_ID_KWARGS:
        if key in kwargs:
            page = Page.objects.filter(pk=kwargs[key]).only("locale_id", "depth").first()
            if page is None or page.depth == 1:
                return None
            return page.locale_id
    return None


def _snippet_view_locale(request, namespace, name, kwargs):
    """The locale of the translatable snippet a snippet view names, or that "add" creates."""
    model = _snippet_model(namespace)
    if model is None or not issubclass(model, TranslatableMixin):
        return None
    if "pk" in kwargs:
        instance = model._default_manager.filter(pk=unquote(str(kwargs["pk"]))).first()
        return instance.locale_id if instance is not None else None
    if name == "add":
        code = request.GET.get("locale") or settings.LANGUAGE_CODE
        locale = Locale.objects.filter(language_code=code).first()
        return locale.pk if locale else None
    return None


def required_locale(request, resolver_match):
    """The locale id this admin request works in, or None when the view is not locale-bound."""
    namespace = resolver_match.namespace or ""
    name = resolver_match.url_name
    kwargs = resolver_match.kwargs
    if namespace in LOCALIZE_NAMESPACES:
        return _localize_view_locale(request, name, kwargs)
    if namespace == "wagtailadmin_reports" and name in COORDINATOR_REPORTS:
        _for_coordinators(request)
        return None
    if namespace == "wagtailadmin_pages" or (namespace == "" and name == "wagtailadmin_explore"):
        return _page_view_locale(kwargs)
    if namespace.startswith("wagtailsnippets_"):
        return _snippet_view_locale(request, namespace, name, kwargs)
    return None


class TranslatorScopeMiddleware:
    """403 for admin requests about another language's objects (superusers pass)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated or user.is_superuser:
            return None
        try:
            locale_id = required_locale(request, match)
        except PermissionDenied:
            return refuse(request)
        if locale_id is not None and not can_edit_locale(user, locale_id):
            return refuse(request)
        return None


def refuse(request):
    """Admin pages redirect to the user's own work, with a message; APIs, files, changes: 403."""
    match = request.resolver_match
    api = match.namespace in LOCALIZE_NAMESPACES and (
        match.url_name in TRANSLATION_VIEWS or match.url_name.startswith("snippets_api")
    )
    if request.method != "GET" or api:
        raise PermissionDenied
    mine = [locale.get_display_name() for locale in visible_locales(request.user)]
    if mine:
        messages.error(
            request,
            _("That belongs to another language's team. You work in %(languages)s.")
            % {"languages": get_text_list(mine, _("and"))},
        )
        return redirect("site_translation_overview")
    messages.error(request, _("Sorry, you do not have permission to access that."))
    return redirect("wagtailadmin_home")
