"""What a change to published content does: a new cache generation, a CDN purge, warm pages.

Every change to published content — a page published, unpublished, moved or deleted, a
snippet, an image, a translation, a site or privacy setting — starts a new cache generation,
so no reader can see a page as it was before the change, in any language. (Publishing is rare
next to reading; the cost of a change is one uncached render per page afterwards.)

Which apps count is found, not listed: Wagtail's and taggit's apps of content, plus every app
that has a page type or a registered snippet (Wagtail's registries). Any model of those apps
starts a new generation when it changes, except the few whose rows never change what readers
see (IGNORED_MODELS).
"""

import functools
import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.models import Page, get_page_models
from wagtail.signals import page_published, page_unpublished
from wagtail.snippets.models import get_snippet_models

from site_core.caching import cdn
from site_core.caching.generation import new_generation

logger = logging.getLogger(__name__)

# Wagtail's and taggit's apps whose rows readers see: pages, images, documents, redirects, tags.
WAGTAIL_CONTENT_APPS = frozenset(
    {"wagtailcore", "wagtailimages", "wagtaildocs", "wagtailredirects", "taggit"}
)
# Models whose rows never change what readers see (written on every request or by the admin's
# own bookkeeping).
IGNORED_MODELS = {
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.pagesubscription",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.uploadedfile",
    "wagtailcore.referenceindex",
    "wagtailimages.rendition",
}


@functools.cache
def watched_apps():
    """The labels of the apps whose changes start a new generation (found on the first change,
    when every app is loaded and every snippet registered)."""
    content_models = [*get_page_models(), *get_snippet_models()]
    return WAGTAIL_CONTENT_APPS | {model._meta.app_label for model in content_models}


def _watched(sender):
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label not in watched_apps():
        return False
    return meta.label_lower not in IGNORED_MODELS


def _on_change(sender, **kwargs):
    if _watched(sender):
        new_generation()


def connect_signals():
    """Start a new generation on any change, purge the CDN and warm pages on publish."""
    page_published.connect(warm_after_publish, dispatch_uid="page-cache-warm")
    page_published.connect(cdn.purge_page, dispatch_uid="cdn-purge-published")
    page_unpublished.connect(cdn.purge_page, dispatch_uid="cdn-purge-unpublished")
    post_save.connect(_on_change, dispatch_uid="page-cache-save")
    post_delete.connect(_on_change, dispatch_uid="page-cache-delete")
    m2m_changed.connect(_on_change, dispatch_uid="page-cache-m2m")


def warm_after_publish(sender, instance, **kwargs):
    """Render a just-published page, its section and its home once, after the commit.

    Their image renditions are generated now, by the editor's publish, so no reader waits on
    image processing; the fresh pages go into the page cache too. On in production
    (WARM_PAGES_ON_PUBLISH).
    """
    if not getattr(settings, "WARM_PAGES_ON_PUBLISH", False):
        return
    page_ids = [instance.pk]
    parent = instance.get_parent()
    if parent is not None and parent.depth > 1:
        page_ids.append(parent.pk)
        if parent.depth > 2:
            page_ids.append(parent.get_ancestors().filter(depth=2).values_list("pk", flat=True)[0])
    transaction.on_commit(lambda: _warm(page_ids))


def _warm(page_ids):
    # Not at module level: Django's test client (an in-process request through the whole
    # stack) is test machinery, loaded only when a publish warms pages.
    from django.test import Client

    client = Client(HTTP_HOST=(settings.ALLOWED_HOSTS or ["localhost"])[0].lstrip("."))
    for page in Page.objects.filter(pk__in=page_ids).live():
        url = page.get_url()
        if not url:
            continue
        try:
            client.get(url)
        except Exception:  # warming is a courtesy: it must never break a publish
            logger.warning("Could not warm %s after publishing", url, exc_info=True)
