"""Rich text holds only the markup its editor features allow: on save and on render (issue 14).

wagtail-localize writes a translated rich-text segment back as its translator typed it, and
keeps comment, CDATA, processing-instruction and declaration nodes in it (its own check only
looks at elements). Python's HTML parser and a browser disagree about where such a node ends:
``<!--><img src=x onerror=…>-->`` is one comment to the first, an empty comment and a real
image to the second. So a translator could put images, frames, forms, styles or a
``<meta http-equiv=refresh>`` on a public page (the strict CSP stops scripts, not markup).

Two guards, both with nh3 (the Rust "ammonia" sanitiser, which parses HTML like a browser):

- **On save** (``clean_translated_rich_text``, a ``pre_save`` receiver): every rich-text field
  and every RichTextBlock, at any depth of a StreamField, of a page or snippet in a language
  other than the source is reduced to Wagtail's database format for *its own* ``features``:
  the tags of the editor's whitelist rules (``<p>``, ``<br>``, ``<b>``, ``<a href>``, ``<h3>`` …),
  ``<a linktype="…" id="…">`` for the link types and ``<embed embedtype="…"/>`` for the embed
  types those features register. English is left byte for byte as Draftail wrote it: a changed
  byte there would orphan the translations wagtail-localize keys on its text.
- **On render** (``clean_rendered_html``): ``templates/wagtailcore/shared/richtext.html`` — the
  one template through which both the ``richtext`` filter and a RichTextBlock's value render —
  passes the expanded HTML through nh3, allowing what the features used anywhere on the site can
  produce (``<a href>``, the text tags, ``<img>`` if the image feature is used). Data stored before
  the save guard, or by a path that skips ``save()`` (``QuerySet.update()``, a revision that
  is previewed but not published, wagtail-localize's translation preview), cannot put markup on
  a page either.

Comment, CDATA, processing-instruction and declaration nodes are removed whole, as the parser
that wrote them sees them (not left as visible ``--&gt;``). Media embeds (the ``embed``
feature's oEmbed HTML) cannot be allowed on render: use the video block instead.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.db.models.signals import pre_save

from wagtail import blocks
from wagtail.admin.rich_text.converters.editor_html import (
    EmbedTypeRule,
    LinkTypeRule,
    WhitelistRule,
)
from wagtail.fields import RichTextField
from wagtail.rich_text import RichText
from wagtail.rich_text import features as feature_registry
from wagtail.whitelist import ALLOWED_URL_SCHEMES

import nh3
from bs4 import BeautifulSoup
from bs4.element import PreformattedString
from bs4.exceptions import ParserRejectedMarkup

from site_core.security.rich_text_fields import holds_rich_text, rich_text_fields, site_features

# Always allowed by Wagtail's editor, whatever the features (its BASE_WHITELIST_RULES; a <div>
# is stored as <p>).
BASE_TAGS = frozenset({"p", "br"})
URL_SCHEMES = frozenset(ALLOWED_URL_SCHEMES)  # the schemes Wagtail's editor keeps in a link
# What Wagtail's embed handlers store on an <embed> (image: id, format, alt; media: url) and
# what the image handler renders.
EMBED_DB_ATTRIBUTES = frozenset({"id", "format", "alt", "url"})
IMAGE_ATTRIBUTES = frozenset({"alt", "class", "height", "src", "width"})
# Wagtail's rewriter only finds <embed .../> written with the slash; html5ever drops it.
EMBED_TAG = re.compile(r"<embed\b([^>]*?)\s*/?>")


@dataclass(frozen=True)
class Allowed:
    """The markup that a set of rich-text features can store."""

    tags: frozenset
    link_types: frozenset
    embed_types: frozenset


@lru_cache(maxsize=64)
def allowed_markup(features=None):
    """What Wagtail's editor whitelist rules of ``features`` (a tuple; None: the defaults) keep."""
    names = feature_registry.get_default_features() if features is None else features
    tags, link_types, embed_types = set(BASE_TAGS), set(), set()
    for name in names:
        for rule in feature_registry.get_converter_rule("editorhtml", name) or ():
            if isinstance(rule, WhitelistRule):
                tags.add(rule.element)
            elif isinstance(rule, LinkTypeRule):
                link_types.add(rule.link_type)
            elif isinstance(rule, EmbedTypeRule):
                embed_types.add(rule.embed_type)
    return Allowed(frozenset(tags), frozenset(link_types), frozenset(embed_types))


@lru_cache(maxsize=64)
def _db_cleaner(features):
    allowed = allowed_markup(features)
    tags = set(allowed.tags)
    attributes = {}
    values = {}
    if "a" in tags:
        attributes["a"] = {"href"}
    if allowed.link_types:
        tags.add("a")
        attributes.setdefault("a", set()).add("id")
        values["a"] = {"linktype": set(allowed.link_types)}
    if allowed.embed_types:
        tags.add("embed")
        attributes["embed"] = set(EMBED_DB_ATTRIBUTES)
        values["embed"] = {"embedtype": set(allowed.embed_types)}
    return nh3.Cleaner(
        tags=tags,
        attributes=attributes,
        tag_attribute_values=values,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


@lru_cache(maxsize=1)
def _rendered_cleaner():
    allowed = allowed_markup(site_features())
    tags = (set(allowed.tags) - {"embed"}) | {"a"}
    attributes = {"a": {"href"}}
    if "image" in allowed.embed_types:
        tags.add("img")
        attributes["img"] = set(IMAGE_ATTRIBUTES)
    return nh3.Cleaner(
        tags=tags,
        attributes=attributes,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


def _drop_markup_declarations(html):
    """Remove comment, CDATA, processing-instruction and declaration nodes whole, as Python's
    parser (the one wagtail-localize wrote them with) reads them."""
    if "<!" not in html and "<?" not in html:
        return html
    try:
        soup = BeautifulSoup(html, "html.parser")
    except ParserRejectedMarkup:  # e.g. an unknown "<![x[" section: nh3 alone will do
        return html
    # PreformattedString: bs4's comment, CDATA, processing-instruction, declaration and doctype.
    for node in soup.find_all(string=lambda node: isinstance(node, PreformattedString)):
        node.extract()
    return str(soup)


def clean_db_html(html, features=None):
    """Rich text in Wagtail's database format, reduced to what ``features`` can store."""
    if not html:
        return html
    key = None if features is None else tuple(features)
    cleaned = _db_cleaner(key).clean(_drop_markup_declarations(html))
    if allowed_markup(key).embed_types:
        cleaned = EMBED_TAG.sub(r"<embed\1/>", cleaned)
    return cleaned


def clean_rendered_html(html):
    """Expanded (front-end) rich text, reduced to what the site's rich-text features produce."""
    if not html:
        return html
    return _clean_rendered(str(html))


# A pure function of its input: the same paragraph rendered again (the page cache is emptied at
# every publish) costs a dictionary look-up instead of a parse (~40 µs a paragraph here).
@lru_cache(maxsize=1024)
def _clean_rendered(html):
    return _rendered_cleaner().clean(_drop_markup_declarations(html))


# --- the save guard: every rich-text value of a page or snippet ----------------------------


def _clean_rich_text_value(block, value):
    """Clean one rich-text block's value (a ``RichText`` in place, or its HTML source)."""
    if isinstance(value, RichText):
        value.source = clean_db_html(value.source, block.features)
        return value
    return clean_db_html(value, block.features)


def _clean_struct_value(block, value):
    """Clean the rich text inside each child of a struct block's value, in place."""
    for name, child_block in block.child_blocks.items():
        if name in value:
            value[name] = _clean_block_value(child_block, value[name])


def _clean_list_value(block, value):
    """Clean the rich text inside each item of a list block's value, in place."""
    children = getattr(value, "bound_blocks", None)
    if children is None:
        value[:] = [_clean_block_value(block.child_block, item) for item in value]
        return
    for child in children:
        child.value = _clean_block_value(block.child_block, child.value)


def _clean_stream_value(block, value):
    """Clean the rich text inside each child of a stream block's value that can hold any."""
    for index, raw in enumerate(value.raw_data):
        child_block = block.child_blocks.get(raw["type"])
        if child_block is not None and holds_rich_text(child_block):
            child = value[index]
            child.value = _clean_block_value(child.block, child.value)


# The container blocks and how to clean the rich text inside their values (in place).
_CONTAINER_CLEANERS = (
    (blocks.StructBlock, _clean_struct_value),
    (blocks.ListBlock, _clean_list_value),
    (blocks.StreamBlock, _clean_stream_value),
)


def _clean_block_value(block, value):
    """Clean the rich text inside one block's value (in place where the value allows it)."""
    if value is None:
        return value
    if isinstance(block, blocks.RichTextBlock):
        return _clean_rich_text_value(block, value)
    if not holds_rich_text(block):
        return value
    for container, clean in _CONTAINER_CLEANERS:
        if isinstance(block, container):
            clean(block, value)
            break
    return value


def clean_instance(instance):
    """Clean every rich-text value of a page or snippet, in place."""
    for field in rich_text_fields(type(instance)):
        value = getattr(instance, field.attname)
        if isinstance(field, RichTextField):
            setattr(instance, field.attname, clean_db_html(value, field.features))
        elif value:
            _clean_block_value(field.stream_block, value)


def clean_translated_rich_text(sender, instance, **kwargs):
    """Before a page or snippet in a language other than the source is saved (wagtail-localize
    writing a translation, an editor saving a page in that language, a revision published)."""
    if not rich_text_fields(sender) or getattr(instance, "locale_id", None) is None:
        return
    if kwargs.get("raw"):
        # loaddata (restoring a backup) writes rows exactly as they were saved, and so cleaned,
        # possibly before their locale is loaded; the render-time guard still applies.
        return
    if instance.locale.language_code == settings.LANGUAGE_CODE:
        return
    clean_instance(instance)


def connect_signals():
    pre_save.connect(clean_translated_rich_text, dispatch_uid="rich-text-clean-translations")
