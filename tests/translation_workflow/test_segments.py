"""What is translated and what is synchronised, and a sync that keeps every unchanged segment's
translation."""

from django.urls import reverse

from wagtail.rich_text import RichText
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
)

import pytest

from events.models import EventPage
from films.models import FilmPage
from home.models import HomePage
from news.models import NewsCategory, NewsPage, NewsTagName
from site_core.models import Footer
from site_core.translation_workflow.progress import segment_counts
from tests.factories import (
    FilmPageFactory,
    StandardPageFactory,
    editor,
    event_index,
    film_index,
    home,
    publish_event,
    translate,
)
from tests.factories.site import untranslated_models
from tests.translation_workflow.helpers import (
    category,
    footer,
    publish_english,
    translate_every_segment,
    translated_post,
    translation_of,
)
from tests.utils import locale, soup

pytestmark = pytest.mark.django_db


def test_publishing_english_keeps_every_unchanged_translated_segment(client):
    post = translated_post("nl")
    translation = translation_of(post, "nl")
    post.body = [
        ("paragraph", "<p>The first paragraph, about the appeal.</p>"),
        ("heading", {"text": "What happened next", "level": "h2"}),
        ("quote", {"quote": "We will not stop.", "attribution": "A practitioner"}),
        ("paragraph", "<p>The last paragraph, about the petition.</p>"),
    ]
    publish_english(post)
    translate_every_segment(translation, "NL: ", overwrite=False)

    def translated():
        return {
            (segment.context.path, segment.string.data): StringTranslation.objects.get(
                translation_of=segment.string,
                context=segment.context,
                locale__language_code="nl",
            ).data
            for segment in StringSegment.objects.filter(source=translation.source).select_related(
                "string", "context"
            )
            if StringTranslation.objects.filter(
                translation_of=segment.string, context=segment.context, locale__language_code="nl"
            ).exists()
        }

    before = translated()
    assert len(before) >= 5
    body = list(post.body)
    paragraphs = [i for i, block in enumerate(body) if block.block_type == "paragraph"]
    assert paragraphs and len(body) >= 3
    changed_index = paragraphs[0]
    raw = post.body.raw_data
    raw[changed_index]["value"] = "<p>A completely rewritten first paragraph.</p>"
    raw.reverse()  # reorder every block
    raw.append({"type": "heading", "value": {"text": "A new heading", "level": "h2"}})
    post.body = raw
    assert RichText  # the paragraph is rich text
    publish_english(post)

    after = translated()
    kept = {key: value for key, value in before.items() if key in after}
    assert len(kept) == len(before) - 1  # only the rewritten paragraph lost its match
    for key, value in kept.items():
        assert after[key] == value  # byte for byte
    total, done, unchecked = segment_counts(translation)
    assert total - done == 1  # the new heading needs translating
    # the rewritten paragraph keeps its previous translation, to be confirmed (memory.py)
    assert unchecked == 1

    dutch = post.get_translation(locale("nl")).specific
    draft = dutch.get_latest_revision_as_object()
    headings = [block.value["text"] for block in draft.body if block.block_type == "heading"]
    assert "A new heading" in headings
    assert dutch.live  # readers keep the published Dutch page meanwhile

    client.force_login(editor())
    grid = client.get(reverse("site_translation_overview") + "?language=nl")
    cell = soup(grid).select_one(f'tr:has(a[href$="/{post.pk}/edit/"]) td[data-language="nl"]')
    assert cell["data-state"] == "out-of-date"


def test_synchronised_field_change_republishes_up_to_date_translations():
    post = translated_post("nl")
    dutch = post.get_translation(locale("nl")).specific
    new_date = post.date.replace(year=post.date.year - 1)
    post.date = new_date
    publish_english(post)
    dutch.refresh_from_db()
    assert abs(dutch.date - new_date).total_seconds() < 0.001  # revisions keep milliseconds
    assert dutch.live and not dutch.has_unpublished_changes


def published_child(parent, factory_class):
    page = factory_class.build()
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def one_of_each_translatable_model_in_dutch():
    """One page of each type and one of each translatable snippet, translated into Dutch (the
    home page already is; the sections are made and translated on the way)."""
    translated_post("nl", tags=["vigils"])
    event = publish_event(event_index())
    film = published_child(film_index(), FilmPageFactory)
    page = published_child(home(), StandardPageFactory)
    event_index("nl")
    film_index("nl")
    tag_name = NewsTagName.objects.get(tag__slug="vigils")  # made with the tag, in English
    for instance in (event, film, page, category(), footer(), tag_name):
        translate(instance, "nl")


def test_translation_sources_exist_for_every_translatable_model():
    """Every page type and translatable snippet can be translated: one of each, translated into
    Dutch, has a wagtail-localize source."""
    one_of_each_translatable_model_in_dutch()
    assert untranslated_models() == set()


def test_text_is_translated_and_shared_facts_are_synchronised():
    """Alt text, captions and prose are translatable; dates, places, images and links are not."""
    expected = {
        NewsPage: ({"summary", "body", "hero_image_alt", "author"}, {"date", "hero_image"}),
        EventPage: (
            {"summary", "body", "venue", "address", "city", "image_alt", "status_notice"},
            {"latitude", "longitude", "occurrences", "time_zone", "image", "film", "kind"},
        ),
        FilmPage: ({"synopsis", "poster_alt", "awards"}, {"original_title", "year", "poster"}),
        HomePage: ({"hero_heading", "hero_intro", "hero_image_alt"}, {"featured_pages"}),
        NewsCategory: ({"name"}, {"slug"}),
        NewsTagName: ({"name"}, {"tag"}),
        Footer: ({"contact_text", "social_links"}, set()),
    }
    for model, (translated, synchronised) in expected.items():
        fields = get_translatable_fields(model)
        names = {type(f): set() for f in fields}
        for field in fields:
            names[type(field)].add(field.field_name)
        assert translated <= names[TranslatableField], model
        assert synchronised <= names.get(SynchronizedField, set()), model
