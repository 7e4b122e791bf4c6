"""News tags named in each language.

A post's tags are taggit tags, shared by every translation of the post (wagtail-localize syncs
them): a tag's slug is the key of the listing's ``?tag=`` filter in every language. What readers
see is the tag's *name* in their language: a ``NewsTagName`` snippet, made in the source language
for each new tag and translated like any other snippet (wagtail-localize's "Translate"). Where a
language has no live name yet, the English one is shown, marked ``lang="en"``.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, Locale, RevisionMixin, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from site_core.caching.page_cache import remember
from site_core.navigation import bcp47


class NewsTagName(DraftStateMixin, RevisionMixin, TranslatableMixin, models.Model):
    """A news tag's name in one language; the tag and its slug are the same in all languages.

    Made in the source language when a tag is first used; translators translate it.
    """

    tag = models.ForeignKey(
        Tag, verbose_name=_("tag"), on_delete=models.CASCADE, related_name="news_names"
    )
    name = models.CharField(verbose_name=_("name"), max_length=100)

    panels = [FieldPanel("tag"), FieldPanel("name")]
    override_translatable_fields = [SynchronizedField("tag")]

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="news_tag_name")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("news tag name")
        verbose_name_plural = _("news tag names")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["tag", "locale"], name="news_tag_name_per_language")
        ]

    def __str__(self):
        return self.name

    def clean(self):
        """One name per tag and language (the admin's form has no language field, so Django
        would leave this to the database, which answers with an error page)."""
        super().clean()
        others = NewsTagName.objects.filter(tag_id=self.tag_id, locale_id=self.locale_id)
        if self.tag_id and self.locale_id and others.exclude(pk=self.pk).exists():
            raise ValidationError(
                {"tag": _("This tag already has a name in this language: edit that one.")}
            )


@receiver(post_save, sender=Tag, dispatch_uid="news_tag_name_for_new_tag")
def name_new_tag(sender, instance, created, raw=False, **kwargs):
    """A new tag gets its name in the source language, for translators to translate."""
    if not created or raw:
        return
    locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if locale is not None:
        NewsTagName.objects.get_or_create(
            tag=instance, locale=locale, defaults={"name": instance.name}
        )


def tag_names(language_code):
    """Tag slug → (name, language of the name): the live name in ``language_code`` where there
    is one, else the source language's (one query per language and cache generation)."""

    def build():
        source = settings.LANGUAGE_CODE
        rows = NewsTagName.objects.filter(
            live=True, locale__language_code__in={language_code, source}
        ).values_list("tag__slug", "locale__language_code", "name")
        names = {}
        for slug, code, name in sorted(rows, key=lambda row: row[1] == language_code):
            names[slug] = (name, code)  # the reader's language last: it wins
        return names

    return remember(f"news-tag-names:{language_code}", build)


def tag_name_text(tag, language_code=None):
    """A tag's (or a tag slug's) name as plain text, and the language it is in.

    A slug that names no tag (``?tag=no-such-thing``) is given back as it is.
    """
    language_code = language_code or translation.get_language() or settings.LANGUAGE_CODE
    found = tag_names(language_code).get(getattr(tag, "slug", tag))
    if found is not None:
        return found
    if isinstance(tag, Tag):
        return tag.name, settings.LANGUAGE_CODE
    return str(tag), language_code


def tag_name_html(tag, language_code=None):
    """A tag's name for the page: marked ``lang`` (and ``dir`` on right-to-left pages) when it
    is not in the page's language."""
    language_code = language_code or translation.get_language() or settings.LANGUAGE_CODE
    name, code = tag_name_text(tag, language_code)
    if code == language_code:
        return format_html("{}", name)
    if language_code in settings.LANGUAGES_BIDI:
        return format_html('<span lang="{}" dir="ltr">{}</span>', bcp47(code), name)
    return format_html('<span lang="{}">{}</span>', bcp47(code), name)
