"""Long listings read a page at a time: a remembered list of ids, then one page of them.

Ordering a section's pages (by date, by next occurrence) takes the database through all of
them. Remembered as a list of ids, a page of the listing costs one look-up of its ten rows by
primary key. News and events use both halves; the films index remembers its ids alone.
"""

from site_core.caching.page_cache import remember
from site_core.models import paginate


class RememberedIds:
    """A long ordered list of ids, remembered per cache generation in chunks of ``CHUNK``.

    Behaves as a sequence for Django's Paginator (``len()`` and slices): a page of a listing
    reads its count and the one or two chunks it needs, not the whole list.
    """

    CHUNK = 200

    def __init__(self, name, queryset):
        self.name = name
        self.queryset = queryset  # a callable returning the ordered values_list of ids

    def __len__(self):
        return remember(f"{self.name}:count", lambda: self.queryset().count())

    def count(self):
        return len(self)

    def _chunk(self, number):
        start = number * self.CHUNK
        return remember(
            f"{self.name}:{number}",
            lambda: list(self.queryset()[start : start + self.CHUNK]),
        )

    def __getitem__(self, index):
        if isinstance(index, int):
            found = self[index : index + 1]
            if not found:
                raise IndexError(index)
            return found[0]
        start, stop, _step = index.indices(len(self))
        if stop <= start:
            return []
        ids = []
        for number in range(start // self.CHUNK, (stop - 1) // self.CHUNK + 1):
            ids.extend(self._chunk(number))
        offset = (start // self.CHUNK) * self.CHUNK
        return ids[start - offset : stop - offset]


def page_of_ids(request, ids, per_page, not_found_message, load):
    """One page of a remembered id list, its rows loaded by ``load(ids)`` in the same order.

    Returns ``(paginator, page)`` as ``site_core.models.paginate`` does; ``load`` runs only for
    the ids of the page asked for (and not at all for an empty page).
    """
    paginator, page = paginate(request, ids, per_page, not_found_message)
    page_ids = list(page.object_list)
    if page_ids:
        page.object_list = load(page_ids)
    return paginator, page
