"""wagtail-localize's admin views that could publish or store what no reviewer has checked,
replaced or guarded here. They are registered ahead of wagtail-localize's own URLs, on the same
paths (``wagtail_hooks.register_localize_guards``), so its buttons and editor reach them.

- "Sync translated pages/snippets" (``update_translations``) could publish every language's
  current strings — text translators saved without submitting, machine translations nobody
  checked — at once, by someone who may not publish those languages. Here it runs
  ``sync_translations``, which publishes no translated text a reviewer has not approved.
- A translation's overrides (``edit_override``: links, e-mail addresses, images chosen for one
  language) were stored as typed, ``javascript:`` links included. Here each value is validated
  as its own field or block validates it, and any link must have a safe scheme.
- "Translate this page/snippet" (``submit_page_translation``, ``submit_snippet_translation``)
  also re-saved the translations that already existed (the pages of "Include subtree", the
  related snippets it pulls in, an alias) with ``save_target(publish=False)``: the translator's
  unsubmitted strings went into each live page's row, and a live snippet was unpublished. Here
  it runs ``translate_object`` / ``translate_page_subtree`` of
  ``site_core.translation_workflow.translate``, which bring an existing translation in step as
  the sync does.

The translation editor's own "Publish" action needs Wagtail's publish permission on the
translated page or snippet, which within a language only its reviewers hold; "Convert to alias"
is refused to non-reviewers by ``site_core.translation_workflow.permissions``; "Stop synced
translation" is confirmed first (``site_core.translation_workflow.stop_sync``); creating
translations never publishes (``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False``).
"""

import io

from django import forms
from django.apps import apps
from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models, transaction
from django.http import JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path
from django.utils.translation import gettext as _

from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail_localize.models import OverridableSegment, Translation
from wagtail_localize.tasks import background
from wagtail_localize.views import edit_translation
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from site_core.security.templatetags.link_tags import is_safe_link
from site_core.translation_workflow.stop_sync import stop_translation
from site_core.translation_workflow.sync import sync_translations
from site_core.translation_workflow.sync_failures import show_sync_failures
from site_core.translation_workflow.translate import translate_object, translate_page_subtree

NAMESPACE = "site_localize"


# --- "Sync translated pages" ------------------------------------------------------------------


class SyncTranslationsForm(forms.Form):
    """No "Publish immediately" and no "Use machine translation": a sync publishes nothing that
    a reviewer has not approved, and each translator decides on machine translation for their
    own language."""


class SyncTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages/snippets", through ``sync_translations``."""

    def get_form(self):
        return SyncTranslationsForm(self.request.POST if self.request.method == "POST" else None)

    def form_valid(self, form):
        instance = self.object.get_source_instance()
        sync_translations(instance, self.request.user)
        self.components.save(
            self.object,
            sources_and_translations={
                self.object: list(self.object.translations.filter(enabled=True))
            },
        )
        messages.success(
            self.request,
            _(
                "The translations of “%(title)s” were brought up to date. Readers keep the "
                "reviewed text; new and changed text waits for each language's review."
            )
            % {"title": self.object.object_repr},
        )
        show_sync_failures(self.request)
        return redirect(self.get_success_url() or self.get_default_success_url())


# --- "Translate this page/snippet" -------------------------------------------------------------


class ReviewedSubmitMixin:
    """wagtail-localize's ``SubmitTranslationView.form_valid`` (1.14.5), with our
    ``translate_object`` / ``translate_page_subtree``: no existing translation is rewritten."""

    @transaction.atomic
    def form_valid(self, form):
        locales = form.cleaned_data["locales"]
        translate_object(self.object, locales, self.components, self.request.user)
        if isinstance(self.object, Page) and form.cleaned_data["include_subtree"]:
            background.enqueue(
                translate_page_subtree,
                [self.object.id, locales, self.components, self.request.user],
                {},
            )
        translated = None
        if len(locales) == 1:
            names = locales[0].get_display_name()
            translated = self.object.get_translation(locales[0])
        else:
            names = _("{} locales").format(len(locales))  # wagtail-localize's message
        messages.success(self.request, self.get_success_message(names))
        return redirect(self.get_success_url() or self.get_default_success_url(translated))


class ReviewedSubmitPageTranslationView(ReviewedSubmitMixin, SubmitPageTranslationView):
    pass


class ReviewedSubmitSnippetTranslationView(ReviewedSubmitMixin, SubmitSnippetTranslationView):
    pass


# --- overrides --------------------------------------------------------------------------------

LINK = "link"


def unsafe_link_error():
    return _(
        "Enter a web address (http or https), a relative address, an e-mail link (mailto:) "
        "or a telephone link (tel:)."
    )


def _component(path):
    """Split the first component off a segment path (components may be quoted hrefs)."""
    if path.startswith("'"):
        return path, ""  # a quoted href is always the last component
    head, _dot, rest = path.partition(".")
    return head, rest


def _block_at(block, value, path):
    """The block (or ``LINK``) that a path inside a StreamField value names, or None."""
    if not path:
        return block
    if isinstance(block, blocks.RichTextBlock):
        return LINK
    head, rest = _component(path)
    if isinstance(block, blocks.StreamBlock):
        for child in value or []:
            if child.id == head:
                return _block_at(child.block, child.value, rest)
        return None
    if isinstance(block, blocks.ListBlock):
        for index, item in enumerate(value.bound_blocks if value is not None else []):
            if head in {item.id, str(index)}:
                return _block_at(block.child_block, item.value, rest)
        return None
    if isinstance(block, blocks.StructBlock) and head in block.child_blocks:
        child_value = value.get(head) if hasattr(value, "get") else None
        return _block_at(block.child_blocks[head], child_value, rest)
    return None


def override_target(instance, path):
    """What an overridable segment's path names in ``instance``: a model field, a block,
    ``LINK`` (a link inside rich text) or None when it cannot be told."""
    head, rest = _component(path)
    try:
        field = type(instance)._meta.get_field(head)
    except FieldDoesNotExist:
        return None
    if isinstance(field, StreamField):
        return _block_at(field.stream_block, getattr(instance, head), rest)
    if isinstance(field, RichTextField):
        return LINK if rest else field
    if isinstance(field, models.ManyToOneRel):  # a child row: "<relation>.<its key>.<field>"
        key, rest = _component(rest)
        for child in getattr(instance, field.get_accessor_name()).all():
            if str(getattr(child, "translation_key", "")) == key:
                return override_target(child, rest)
        return None
    return None if rest else field


def _url_kinds():
    kinds = (blocks.URLBlock, models.URLField)
    if apps.is_installed("wagtail.embeds"):  # importing its blocks needs the app
        from wagtail.embeds.blocks import EmbedBlock

        kinds += (EmbedBlock,)
    return kinds


def _is_url(target):
    return target == LINK or isinstance(target, _url_kinds())


def validate_override(translation, segment, value):
    """Raise ValidationError unless ``value`` is what the overridden field or block accepts."""
    if not isinstance(value, str):
        raise ValidationError(_("This value is not valid."))
    target = override_target(translation.source.get_source_instance(), segment.context.path)
    may_be_a_link = target is None or _is_url(target)
    if may_be_a_link and not is_safe_link(value):
        raise ValidationError(unsafe_link_error())
    if target == LINK or target is None:
        return
    if isinstance(target, models.Field):
        target.clean(value, None)
    elif isinstance(target, blocks.ChooserBlock):
        if target.to_python(value) is None:
            raise ValidationError(_("This item no longer exists: choose another one."))
    elif _is_url(target) and not isinstance(target, blocks.URLBlock):
        forms.URLField().clean(value)  # an embed: a web address
    else:
        target.clean(target.to_python(value))


def _request_data(request):
    """The form data of a PUT (Django parses only POST bodies); the body stays readable for
    wagtail-localize's view."""
    body = request.body
    if request.content_type == "multipart/form-data":
        data, _files = request.parse_file_upload(request.META, io.BytesIO(body))
        return data
    return QueryDict(body, encoding=request.encoding)


def edit_override(request, translation_id, overridable_segment_id):
    """wagtail-localize's ``edit_override``, after the value has been validated (400 if not)."""
    if request.method == "PUT":
        translation = get_object_or_404(Translation, pk=translation_id)
        segment = get_object_or_404(
            OverridableSegment.objects.select_related("context"), pk=overridable_segment_id
        )
        if segment.context.object_id == translation.source.object_id:
            value = _request_data(request).get("value")
            try:
                validate_override(translation, segment, value)
            except ValidationError as error:
                return JsonResponse({"value": error.messages}, status=400)
    return edit_translation.edit_override(
        request, translation_id=translation_id, overridable_segment_id=overridable_segment_id
    )


def urls():
    """Matched before wagtail-localize's own patterns for the same paths."""
    patterns = [
        path(
            "submit/page/<int:page_id>/",
            ReviewedSubmitPageTranslationView.as_view(),
            name="submit_page_translation",
        ),
        path(
            "submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            ReviewedSubmitSnippetTranslationView.as_view(),
            name="submit_snippet_translation",
        ),
        path(
            "update/<int:translation_source_id>/",
            SyncTranslationsView.as_view(),
            name="update_translations",
        ),
        path(
            "translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
            edit_override,
            name="edit_override",
        ),
        path(
            "translate/<int:translation_id>/disable/",
            stop_translation,
            name="stop_translation",
        ),
    ]
    return [path("localize/", include((patterns, NAMESPACE), namespace=NAMESPACE))]
