"""The news post's admin form: categories only in the post's own language."""

from site_core.models import ImageAltPageForm


class NewsPageForm(ImageAltPageForm):
    """Offers the categories of the post's language only (the selector listed every language's,
    the same subject several times and no language shown); a category of another language sent
    anyway is refused like any choice not offered. A post whose categories were copied from
    its source by a translation sync shows their translations into its language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("categories")
        if field is None:
            return
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        field.queryset = field.queryset.filter(locale_id=locale_id)
        if self.instance.pk and not self.is_bound:
            keys = [category.translation_key for category in self.instance.categories.all()]
            self.initial["categories"] = list(
                field.queryset.filter(translation_key__in=keys).values_list("pk", flat=True)
            )
