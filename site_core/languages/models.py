"""Per language: whether its listings and feeds add the source language's untranslated items."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from site_core.caching import cdn
from site_core.caching.generation import new_generation


class FallbackMode(models.TextChoices):
    OFF = "off", _("Off: only this language's own items")
    FILL = "fill", _("Fill up: add English items until the first page holds the number below")
    ALWAYS = "always", _("Always: list every untranslated English item after this language's own")


# A language without a row (a new one) fills up its listings: never an empty news page.
DEFAULT_MODE = FallbackMode.FILL
DEFAULT_FILL_TO = 10


class ListingFallback(models.Model):
    """How a language's news, events and feeds show English items not translated yet.

    One row per language, edited by editors and administrators (Settings → Untranslated items
    in listings); a language without a row fills up to ``DEFAULT_FILL_TO``.
    """

    locale = models.OneToOneField(
        "wagtailcore.Locale",
        verbose_name=_("language"),
        on_delete=models.CASCADE,
        related_name="listing_fallback",
    )
    mode = models.CharField(
        verbose_name=_("untranslated English items"),
        max_length=10,
        choices=FallbackMode.choices,
        default=DEFAULT_MODE,
    )
    fill_to = models.PositiveSmallIntegerField(
        verbose_name=_("fill up to"),
        default=DEFAULT_FILL_TO,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("With “Fill up”: how many items a listing's first page or a feed holds."),
    )

    class Meta:
        verbose_name = _("untranslated items in listings")
        verbose_name_plural = _("untranslated items in listings")
        ordering = ["locale__language_code"]

    def __str__(self):
        return self.locale.get_display_name() or self.locale.language_code


@receiver([post_save, post_delete], sender=ListingFallback)
def _forget_pages(instance=None, **kwargs):
    """Every cached listing of that language may change: start a new cache generation (this
    app has no page or snippet, so ``site_core.caching.invalidation`` does not watch it), and
    purge that language's home and sections from a CDN."""
    new_generation()
    if cdn.enabled() and instance is not None:
        sections = Page.objects.live().filter(locale_id=instance.locale_id, depth__in=(2, 3))
        cdn.purge_pages(sections.specific())
