"""Optional: a new English page's first publish starts its translation in every language
(``settings.TRANSLATION_AUTO_DRAFTS``, off by default; ``TRANSLATION_AUTO_DRAFTS=true``).

Each translation is wagtail-localize's, made as "Translate this page" makes it (with the
snippets the page uses), but always a draft: nothing reaches readers before a reviewer
publishes it. Only languages where the page's parent is translated get one (wagtail-localize
cannot place it elsewhere); a language that fails is logged and never blocks the publish.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver

from wagtail.models import Locale, Page
from wagtail.signals import page_published

from site_core.translation_workflow.translate import ReviewedTranslationCreator

logger = logging.getLogger(__name__)


class DraftTranslationCreator(ReviewedTranslationCreator):
    """New translations are drafts, whatever ``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE``."""

    def _translate(self, source, instance, locale, enabled, publish_new):
        super()._translate(source, instance, locale, enabled, publish_new=False)


def _first_publish(page):
    return page.first_published_at is not None and page.first_published_at == page.last_published_at


def missing_locales(page):
    """The translated languages with no translation of ``page`` yet, whose parent page has one."""
    parent = page.get_parent()
    parent_locales = set(
        parent.get_translations(inclusive=True).values_list("locale_id", flat=True)
    )
    existing = set(page.get_translations(inclusive=True).values_list("locale_id", flat=True))
    return [
        locale
        for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by("pk")
        if locale.pk in parent_locales and locale.pk not in existing
    ]


def start_draft_translations(page, user=None):
    """A draft translation of ``page`` in each missing language; returns their language codes."""
    started = []
    for locale in missing_locales(page):
        try:
            with transaction.atomic():
                DraftTranslationCreator(user, [locale]).create_translations(page)
        except Exception:  # one language failing must not stop the others, nor the publish
            logger.exception("Could not start the %s translation of %s", locale, page)
        else:
            started.append(locale.language_code)
    return started


@receiver(page_published)
def auto_drafts_on_first_publish(sender, instance, revision=None, **kwargs):
    if not getattr(settings, "TRANSLATION_AUTO_DRAFTS", False):
        return
    if instance.locale.language_code != settings.LANGUAGE_CODE or instance.depth <= 2:
        return
    if instance.alias_of_id or not _first_publish(instance):
        return
    page = Page.objects.get(pk=instance.pk).specific
    start_draft_translations(page, getattr(revision, "user", None))
