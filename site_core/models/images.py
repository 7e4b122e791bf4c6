"""A page's pictures and their alternative text, typed once and translated with the page.

The text is written once: in the image's description in the Images library (which every page
using the picture starts from) or, for this page only, in the page's alternative text field.
A page in the source language whose field is left empty gets the image's description when it
is saved (``ImageAltMixin.clean``), so the text is part of the page: wagtail-localize offers it
to the translators of every language as a segment, and each translation shows its own.
Templates show the page's text, else the image's description
(``alt=page.hero_image_alt|default:page.hero_image.description``).

Wagtail 8's image model has no "decorative" flag (only its ``ImageBlock`` has one, per use): a
page's main picture (a post's, an event's, a film's poster, the home page's hero) always says
what it shows, and the admin form asks for a text when neither the page nor the image has one
(``ImageAltPageForm``). Pictures that only repeat what their link says (listing cards, video
stills behind a "Play" button) are shown with ``alt=""`` on purpose; a picture in a page's
body may be marked decorative (``site_core.blocks.ImageBlock``).
"""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.fields import StreamField

from site_core.blocks import ImageBlock

ALT_TEXT_HELP = _(
    "What the picture shows, for people who cannot see it. Leave empty to use the image's "
    "description from the Images library: it is filled in when you save, and translated with "
    "the page."
)

ALT_TEXT_MISSING = _(
    "Describe the picture for people who cannot see it, or give the image a description in "
    "the Images library."
)


def in_source_language(page):
    """True for a page in the site's source language (the image library's descriptions are
    written in it; other languages get the text through translation)."""
    try:
        return page.locale.language_code == settings.LANGUAGE_CODE
    except ObjectDoesNotExist:  # not placed in the tree yet: the source language's default
        return True


class ImageAltMixin:
    """A page with pictures whose alternative text defaults to the image's description.

    Extension point: ``image_alt_fields``, pairs of (image field, alternative text field).
    """

    image_alt_fields = ()

    def clean(self):
        super().clean()
        if in_source_language(self):
            self.fill_image_alts()

    def fill_image_alts(self):
        """Give each empty alternative text the chosen image's description: the page's own
        pictures (``image_alt_fields``) and the image blocks of its StreamFields that are not
        marked decorative (the admin form's block validation does the same; this covers pages
        written by code: the demo, imports)."""
        for image_field, alt_field in self.image_alt_fields:
            image = getattr(self, image_field)
            if image is not None and not getattr(self, alt_field).strip():
                setattr(self, alt_field, image.description.strip())
        for field in self._meta.concrete_fields:
            if isinstance(field, StreamField):
                for child in getattr(self, field.attname) or ():
                    if isinstance(child.block, ImageBlock):
                        child.block.fill_alt_text(child.value)


class ImageAltPageForm(WagtailAdminPageForm):
    """The admin form of a page with pictures: a chosen picture needs a text alternative, from
    the page's field or from the image's description (``ImageAltMixin``)."""

    def clean(self):
        cleaned_data = super().clean()
        for image_field, alt_field in getattr(self.instance, "image_alt_fields", ()):
            if image_field not in self.fields or alt_field not in self.fields:
                continue
            image = cleaned_data.get(image_field)
            alt = (cleaned_data.get(alt_field) or "").strip()
            if image is None or alt:
                continue
            if image.description.strip() and in_source_language(self.instance):
                continue  # filled from the description when the page is saved
            self.add_error(alt_field, ALT_TEXT_MISSING)
        return cleaned_data


def fill_blank_alts(model_label, image_field, alt_field):
    """A data migration's operation: the source-language pages of ``model_label`` with a
    picture and no alternative text get the image's description, as saving them would
    (``ImageAltMixin``). Their translations get it as a new segment at the next sync."""

    def forwards(apps, schema_editor):
        model = apps.get_model(model_label)
        pages = model.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE,
            **{f"{alt_field}": "", f"{image_field}__isnull": False},
        ).exclude(**{f"{image_field}__description": ""})
        for page in pages.select_related(image_field).iterator():
            setattr(page, alt_field, getattr(page, image_field).description.strip()[:250])
            page.save(update_fields=[alt_field])

    return forwards
