"""Where rich text lives: the fields and blocks of installed models that hold it, and the
rich-text features they use (read by the guards of ``site_core.security.rich_text``)."""

from functools import cache, lru_cache

from django.apps import apps

from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import features as feature_registry


def rich_text_blocks(block):
    """Every RichTextBlock inside a block definition, at any depth."""
    if isinstance(block, blocks.RichTextBlock):
        yield block
    elif isinstance(block, blocks.ListBlock):
        yield from rich_text_blocks(block.child_block)
    elif isinstance(block, blocks.StructBlock | blocks.StreamBlock):
        for child in block.child_blocks.values():
            yield from rich_text_blocks(child)


def holds_rich_text(block):
    """True if a RichTextBlock is somewhere inside the block definition."""
    return next(rich_text_blocks(block), None) is not None  # (blocks are not hashable)


@cache
def rich_text_fields(model):
    """The fields of ``model`` that hold rich text: RichTextFields, and StreamFields with a
    RichTextBlock somewhere inside."""
    return tuple(
        field
        for field in model._meta.concrete_fields
        if isinstance(field, RichTextField)
        or (isinstance(field, StreamField) and holds_rich_text(field.stream_block))
    )


@lru_cache(maxsize=1)
def site_features():
    """Every rich-text feature that some field or block of an installed model uses."""
    names = set()
    for model in apps.get_models():
        for field in rich_text_fields(model):
            if isinstance(field, RichTextField):
                found = [field.features]
            else:
                found = [block.features for block in rich_text_blocks(field.stream_block)]
            for features in found:
                names.update(
                    feature_registry.get_default_features() if features is None else features
                )
    return tuple(sorted(names))
