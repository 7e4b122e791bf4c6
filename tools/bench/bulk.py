"""Pages written in bulk: a few statements per hundred pages, not Wagtail's page-by-page
``add_child``. They are live, with correct tree paths and addresses, but have no revisions."""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page

BATCH = 250


def bulk_add_children(parent, pages):
    """Insert unsaved pages of one specific model as the last children of ``parent``.

    Sets what Wagtail's ``add_child`` would (tree path, depth, address, content type), writes
    the page rows and the model's own rows in batches, and updates the parent's child count.
    """
    if not pages:
        return []
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    last = parent.get_last_child()
    first_step = (last._get_lastpos_in_path() if last else 0) + 1
    for offset, page in enumerate(pages):
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, first_step + offset)
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.draft_title = page.title
        page.locale_id = parent.locale_id
        page.has_unpublished_changes = False
    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    for start in range(0, len(pages), BATCH):
        chunk = pages[start : start + BATCH]
        rows = Page.objects.bulk_create(
            [Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in chunk]
        )
        for page, row in zip(chunk, rows, strict=True):
            page.pk = page.page_ptr_id = row.pk
            page._state.adding = False
        model._base_manager._insert(chunk, fields=model._meta.local_concrete_fields)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    parent.numchild += len(pages)
    return pages
