"""Snippets shared by every page: the footer."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin


class SocialLinkBlock(blocks.StructBlock):
    """A link to one of our accounts elsewhere."""

    label = blocks.CharBlock(label=_("Label"), max_length=60)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Social link")


class Footer(DraftStateMixin, RevisionMixin, TranslatableMixin, models.Model):
    """The footer of every page in one language: contact details and social links.

    Draftable so that a translator's work waits for a reviewer of that language to publish it.
    """

    contact_text = RichTextField(
        verbose_name=_("contact text"),
        features=["bold", "italic", "link"],
        blank=True,
    )
    contact_email = models.EmailField(verbose_name=_("contact e-mail"), blank=True)
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        verbose_name=_("social links"),
        blank=True,
    )

    panels = [FieldPanel("contact_text"), FieldPanel("contact_email"), FieldPanel("social_links")]

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="footer")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self):
        return str(_("Footer (%(language)s)") % {"language": self.locale.get_display_name()})
