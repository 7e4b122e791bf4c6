"""Assigning the translation of an English page into one language to a translator, with an
optional due date (``models.TranslationAssignment``).

Editors (coordinators: they hold wagtail-localize's "submit translation" permission) assign and
unassign from the translation overview. The assignee must be able to translate that language: a
member of a group that may edit its tree (``permissions.can_edit_locale``) — its translators, its
reviewers (who may translate too), and the editors where they stand in for a language without a
reviewer. Translators see their assignments as the overview's default view ("mine").
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from wagtail.models import GroupPagePermission, Locale, Page

from site_core.translation_workflow.models import TranslationAssignment
from site_core.translation_workflow.permissions import EDIT_CODENAMES, can_edit_locale


def can_assign(user) -> bool:
    """Coordinators (editors and administrators) assign translations."""
    return user.has_perm("wagtail_localize.submit_translation")


def translators_of(locale):
    """The active users who may translate ``locale`` (through their groups), by name."""
    groups = GroupPagePermission.objects.filter(permission__codename__in=EDIT_CODENAMES).filter(
        Q(page__locale=locale) | Q(page__depth=1)
    )
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__in=groups.values("group_id"))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def display_name(user):
    return user.get_full_name() or user.get_username()


class AssigneeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return display_name(obj)


class AssignmentForm(forms.Form):
    assignee = AssigneeChoiceField(
        queryset=get_user_model().objects.none(),
        label=gettext_lazy("Translator"),
        error_messages={
            "invalid_choice": gettext_lazy(
                "Choose someone who translates this language (the list shows who may)."
            )
        },
    )
    due_date = forms.DateField(
        label=gettext_lazy("Due date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("Optional. Shown as overdue in the overview once it has passed."),
    )

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.locale = locale
        self.fields["assignee"].queryset = translators_of(locale)

    def clean_assignee(self):
        assignee = self.cleaned_data["assignee"]
        # The choices come from the groups; the rule itself is the permission checker's.
        if not can_edit_locale(assignee, self.locale.pk):
            raise forms.ValidationError(_("This person cannot translate into this language."))
        return assignee

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        if due is not None and due.year < 2000:
            raise forms.ValidationError(_("Enter a due date from this century."))
        return due


def _target(page_id, language_code):
    """(the English page, the target locale) named by a URL, or 404."""
    locale = get_object_or_404(Locale, language_code=language_code[:20])
    if locale.language_code == settings.LANGUAGE_CODE:
        raise PermissionDenied
    page = get_object_or_404(
        Page, pk=page_id, depth__gt=1, locale__language_code=settings.LANGUAGE_CODE
    )
    return page, locale


def _back(request):
    """Where to return: the overview, with the filters it was opened with."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        return url
    return reverse("site_translation_overview")


def _save(request, page, locale, data):
    """Store the assignment (one per page and language) and say so."""
    TranslationAssignment.objects.update_or_create(
        translation_key=page.translation_key,
        locale=locale,
        defaults={
            "assignee": data["assignee"],
            "due_date": data["due_date"],
            "assigned_by": request.user,
            "assigned_at": timezone.now(),
        },
    )
    messages.success(
        request,
        _("“%(title)s” in %(language)s is assigned to %(name)s.")
        % {
            "title": page.get_admin_display_title(),
            "language": locale.get_display_name(),
            "name": display_name(data["assignee"]),
        },
    )


@require_http_methods(["GET", "POST"])
def assign(request, page_id, language_code):
    """Assign (or reassign) one English page's translation into one language."""
    if not can_assign(request.user):
        raise PermissionDenied
    page, locale = _target(page_id, language_code)
    current = TranslationAssignment.objects.filter(
        translation_key=page.translation_key, locale=locale
    ).first()
    initial = {"assignee": current.assignee_id, "due_date": current.due_date} if current else {}
    form = AssignmentForm(request.POST or None, locale=locale, initial=initial)
    if request.method == "POST" and form.is_valid():
        _save(request, page, locale, form.cleaned_data)
        return redirect(_back(request))
    return TemplateResponse(
        request,
        "translation_workflow/assign.html",
        {
            "page": page,
            "locale": locale,
            "form": form,
            "current": current,
            "next": _back(request),
            "page_title": _("Assign a translation"),
        },
        status=400 if request.method == "POST" else 200,
    )


@require_POST
def unassign(request, page_id, language_code):
    """Remove the assignment of one English page's translation into one language."""
    if not can_assign(request.user):
        raise PermissionDenied
    page, locale = _target(page_id, language_code)
    deleted, _rows = TranslationAssignment.objects.filter(
        translation_key=page.translation_key, locale=locale
    ).delete()
    if deleted:
        messages.success(
            request,
            _("“%(title)s” in %(language)s is no longer assigned.")
            % {"title": page.get_admin_display_title(), "language": locale.get_display_name()},
        )
    return redirect(_back(request))


def assignments_of(keys, locales):
    """{(translation key, locale id): assignment} for these pages and languages: one query."""
    return {
        (assignment.translation_key, assignment.locale_id): assignment
        for assignment in TranslationAssignment.objects.filter(
            translation_key__in=keys, locale__in=locales
        ).select_related("assignee")
    }
