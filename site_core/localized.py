"""“This object in the reader's language”: a page's or snippet's version in another locale.

Pages and translatable snippets share a ``translation_key`` across their language versions;
these helpers find the versions of many objects in one query.
"""


def versions_in(items, locale_id, queryset):
    """Each of ``items``' version in the locale ``locale_id`` among ``queryset``, else None.

    One query for them all (none for no items); the result is in the order of ``items``.
    ``queryset`` says which versions count (live ones, public pages, with their images...).
    """
    items = list(items)
    if not items:
        return []
    found = {
        version.translation_key: version
        for version in queryset.filter(
            translation_key__in=[item.translation_key for item in items], locale_id=locale_id
        )
    }
    return [found.get(item.translation_key) for item in items]


def version_in(item, locale_id, queryset):
    """``item``'s version in the locale ``locale_id`` among ``queryset``, else None."""
    return versions_in([item], locale_id, queryset)[0]


def each_in_language(items, locale_id, queryset):
    """Each of ``items`` in the locale ``locale_id`` where it has a version there, else as given."""
    items = list(items)
    return [
        version or item
        for item, version in zip(items, versions_in(items, locale_id, queryset), strict=True)
    ]
