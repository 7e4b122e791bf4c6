"""A translation's current strings saved as a draft revision of its page or snippet, awaiting
review: what readers see changes only when a reviewer publishes it."""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.urls import reverse
from django.utils.text import slugify

from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.coreutils import find_available_slug
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import SegmentOverride, StringTranslation, TranslationLog


def edit_url(instance):
    """The admin edit view of a page or snippet (the dashboard when it has none)."""
    return AdminURLFinder().get_edit_url(instance) or reverse("wagtailadmin_home")


def target_instance(translation):
    """The translated page (specific) or snippet of a translation."""
    instance = translation.get_target_instance()
    return instance.specific if isinstance(instance, Page) else instance


def translated_draft(translation):
    """The translated object as the translator's current strings make it, not saved."""
    draft = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    if isinstance(draft, Page):  # as wagtail-localize does when it saves a translated page
        draft.slug = find_available_slug(
            draft.get_parent(), slugify(draft.slug), ignore_page_id=draft.pk
        )
    return draft


def save_translation_draft(translation, user=None):
    """Save a translation's current strings as a new draft revision, awaiting review.

    wagtail-localize's ``save_target(publish=False)`` writes the draft into the object's row: a
    live page would show unreviewed text at once, a live snippet would be unpublished, and each
    change of slug would leave a public redirect from the draft's URL. Here an existing object
    gets only a new revision, as Wagtail's own editor does: its row (what readers see, its URL)
    changes when a reviewer publishes. Only a translation with no object yet is created by
    wagtail-localize (as a draft, which no reader sees).
    """
    try:
        target = target_instance(translation)
    except ObjectDoesNotExist:
        target = None
    if target is None or not isinstance(target, DraftStateMixin):
        translation.save_target(user=user, publish=False)
        return target_instance(translation)
    if isinstance(target, Page) and target.alias_of_id:
        # An alias shows the English page: it keeps it (now as its live revision) until review.
        ConvertAliasPageAction(target, user=user).execute(skip_permission_checks=True)
    draft = translated_draft(translation)
    try:
        revision = draft.save_revision(user=user)
    except ValidationError as error:
        _mark_field_errors(translation, error)
        raise
    TranslationLog.objects.create(
        source=translation.source, locale=translation.target_locale, revision=revision
    )
    return target_instance(translation)


def _mark_field_errors(translation, error):
    """Show a field's validation error on its string or override in the translation editor
    (what wagtail-localize does when its own save fails)."""
    for path, errors in getattr(error, "error_dict", {}).items():
        for model in (StringTranslation, SegmentOverride):
            for item in model.objects.filter(
                context__object_id=translation.source.object_id,
                context__path=path,
                locale_id=translation.target_locale_id,
            ):
                item.set_field_error(errors)
