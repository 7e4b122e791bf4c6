"""News categories: the subjects posts are filed under, named in each language."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from site_core.localized import each_in_language


class NewsCategory(DraftStateMixin, RevisionMixin, TranslatableMixin, models.Model):
    """A subject that news posts are filed under, named in each language.

    Draftable so that a translator's work waits for a reviewer of that language to publish it.
    """

    name = models.CharField(verbose_name=_("name"), max_length=80)
    slug = models.SlugField(
        verbose_name=_("slug"),
        max_length=80,
        allow_unicode=False,
        help_text=_("Used in addresses; the same in every language."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    override_translatable_fields = [SynchronizedField("slug")]

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="news_category")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
        ordering = ["name"]

    def __str__(self):
        return self.name


def localized_categories(categories, locale_id):
    """Each category in the reader's language where a translation exists (one query)."""
    return each_in_language(categories, locale_id, NewsCategory.objects.filter(live=True))
