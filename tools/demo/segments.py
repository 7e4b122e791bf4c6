"""StringTranslation rows written in bulk, checked as wagtail-localize checks each one it saves."""

from wagtail_localize.models import StringTranslation
from wagtail_localize.strings import StringValue, validate_translation_links

from site_core.translation_workflow.matches import forget_candidates


def save_string_translations(rows, locale):
    """Insert or update ``rows`` (StringTranslation, unsaved) in one query.

    What ``StringTranslation.save`` does for each row is done here for all: ``has_error`` set on
    invalid HTML or changed links, and the translation memory told once that ``locale`` changed
    (its post_save receiver is not called by a bulk insert).
    """
    for row in rows:
        try:
            StringValue.from_translated_html(row.data)
            validate_translation_links(row.translation_of.data, row.data)
        except ValueError:
            row.has_error = True
    StringTranslation.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["locale", "translation_of", "context"],
        update_fields=["data", "translation_type", "last_translated_by", "has_error", "updated_at"],
    )
    if rows:
        forget_candidates(locale.id)
