"""The abstract page every page type builds on."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField


class BasePage(Page):
    """Abstract base of all pages.

    Extension points:
    - ``social_image``: the picture shared on social networks (Open Graph); subclasses may
      override ``get_social_image()`` to fall back to a hero image.
    - ``get_meta_description()``: the promote tab's search description; subclasses may fall
      back to an intro or summary.
    """

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social networks. 1200 × 630 works best."),
    )

    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]

    override_translatable_fields = [SynchronizedField("social_image")]

    class Meta:
        abstract = True

    def get_social_image(self):
        return self.social_image

    def get_meta_description(self):
        return self.search_description
