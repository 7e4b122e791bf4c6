"""Translated rich text carries only the markup its editor features allow (issue 14).

wagtail-localize keeps comment, CDATA, processing-instruction and declaration nodes of a
translated rich-text segment, and a browser splits some of them where Python's parser does not
(``<!--><img onerror=…>-->``): a translator could put images, frames, forms, styles or a
``<meta http-equiv=refresh>`` on a public page. These tests go through wagtail-localize itself,
then check what is stored, what readers get and what previews get.
"""

import json

from django.apps import apps
from django.template import Context, Template
from django.urls import reverse

from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail_localize.models import StringTranslation

import html5lib
import pytest

from events.models import EventPage
from films.models import FilmPage
from home.models import HomePage, StandardPage
from news.models import NewsPage
from site_core.models import Footer
from tests.factories import (
    FooterFactory,
    event_index,
    home,
    news_index,
    publish_event,
    publish_post,
    translate,
)
from tests.security.helpers import film, standard_page, translated
from tests.security.hostile_markup import (
    HOSTILE,
    assert_inert,
    assert_page_inert,
    english_home,
    stored_paragraphs,
    superuser,
)
from tests.utils import locale

pytestmark = pytest.mark.django_db


def test_wagtail_localize_accepts_the_hostile_segments(hostile_translation):
    # The premise: wagtail-localize's own check lets most of these through.
    _page, translation = hostile_translation
    accepted = StringTranslation.objects.filter(
        locale=translation.target_locale, data__contains="Alinea", has_error=False
    )
    assert accepted.count() >= 10


def test_a_saved_translation_stores_only_the_markup_its_block_allows(hostile_translation):
    page, translation = hostile_translation
    translation.save_target(publish=False)
    dutch = page.get_translation(locale("nl"))

    paragraphs = stored_paragraphs(dutch)
    assert paragraphs
    for html in paragraphs:
        assert_inert(html)
        assert 'linktype="page"' in html
    stored = "".join(paragraphs)
    accepted = stored.count("<p>Alinea")
    assert accepted >= 10
    # the translator's own link and bold text survive
    assert stored.count("<b>teken</b>") == stored.count("onze oproep</a>") == accepted
    # the encoded payload stays what the translator typed: text; no comment leaves a "-->"
    assert "&lt;img src=x onerror=alert(4)&gt;" in stored
    assert not [p for p in stored.split("</p>") if "--&gt;" in p and "&lt;!--" not in p]

    # the draft revision the reviewer will publish is clean too
    revision = dutch.get_latest_revision()
    body = revision.content["body"]
    for block in json.loads(body) if isinstance(body, str) else body:
        if block["type"] == "paragraph":
            assert_inert(block["value"])


def test_readers_of_a_published_translation_get_no_hostile_markup(client, hostile_translation):
    page, translation = hostile_translation
    translation.save_target(publish=False)
    dutch = page.get_translation(locale("nl"))
    dutch.get_latest_revision().publish()

    response = client.get(dutch.url)
    assert_page_inert(response)
    content = response.content.decode()
    assert "<b>teken</b>" in content
    document = html5lib.parse(content, treebuilder="etree", namespaceHTMLElements=False)
    # (segments wagtail-localize refused as invalid fall back to the English text)
    links = [a for a in document.iter("a") if a.text in {"onze oproep", "our appeal"}]
    assert len(links) == len(HOSTILE) and all(a.get("href") for a in links)


def test_the_translation_preview_shows_no_hostile_markup(client, hostile_translation):
    # wagtail-localize's preview renders the translation from its segments, never saved.
    _page, translation = hostile_translation
    client.force_login(superuser())
    response = client.get(reverse("wagtail_localize:preview_translation", args=[translation.pk]))
    assert_page_inert(response)
    assert "onze oproep" in response.content.decode()


# --- every rich-text field of the site, on save -----------------------------------------------


def discovered_rich_text_fields():
    """(model, field) for every RichTextField and every StreamField with a RichTextBlock."""

    def holds_rich_text(block):
        if isinstance(block, blocks.RichTextBlock):
            return True
        children = getattr(block, "child_blocks", None) or {}
        child = getattr(block, "child_block", None)
        return any(holds_rich_text(c) for c in [*children.values(), *([child] if child else [])])

    return {
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, RichTextField)
        or (isinstance(field, StreamField) and holds_rich_text(field.stream_block))
    }


RICH_TEXT_FIELDS = [
    (HomePage, "body"),
    (StandardPage, "body"),
    (NewsPage, "body"),
    (EventPage, "body"),
    (FilmPage, "synopsis"),
    (Footer, "contact_text"),
]


def dutch_footer():
    return translate(FooterFactory(), "nl")


# A Dutch instance of each model (a translation of an English one, as on the site).
DUTCH = {
    HomePage: lambda: home("nl"),
    StandardPage: lambda: translated(standard_page(), "nl"),
    NewsPage: lambda: translated(publish_post(news_index()), "nl"),
    EventPage: lambda: translated(publish_event(event_index()), "nl"),
    FilmPage: lambda: translated(film(), "nl"),
    Footer: dutch_footer,
}


def test_every_rich_text_field_of_the_site_is_covered_here():
    assert (
        discovered_rich_text_fields()
        == set(RICH_TEXT_FIELDS)
        == {(model, field) for model, field in RICH_TEXT_FIELDS if model in DUTCH}
    )


def hostile_html(page_id):
    return "".join(
        f'<p>Lees <a linktype="page" id="{page_id}">onze oproep</a> en <b>teken</b> hem.{payload}'
        f'<a href="https://example.org/" onclick="alert(6)">bron</a></p>'
        for payload in HOSTILE
    )


def set_rich_text(instance, field, html):
    if field == "body":
        instance.body = [("paragraph", RichText(html))]
    else:
        setattr(instance, field, html)


def stored_rich_text(instance, field):
    instance = type(instance).objects.get(pk=instance.pk)
    if field == "body":
        return "".join(raw["value"] for raw in instance.body.raw_data)
    return getattr(instance, field)


@pytest.mark.parametrize(("model", "field"), RICH_TEXT_FIELDS)
def test_saving_a_dutch_page_or_snippet_stores_only_allowed_markup(model, field):
    instance = DUTCH[model]()
    assert instance.locale.language_code == "nl"
    set_rich_text(instance, field, hostile_html(english_home().pk))
    if isinstance(instance, Page):
        instance.save_revision().publish()
    else:
        instance.save()
    stored = stored_rich_text(instance, field)
    assert_inert(stored)
    assert "<b>teken</b>" in stored and "onze oproep</a>" in stored
    assert '<a href="https://example.org/">bron</a>' in stored


def test_english_source_is_stored_as_written_so_translations_stay_matched():
    # wagtail-localize keys translations on the source's exact text: the guard leaves it alone
    # (English comes from the editor's own converter; readers are still protected on render).
    page = standard_page()
    html = f'<p>One<br/>two <a linktype="page" id="{english_home().pk}">three</a></p>'
    page.body = [("paragraph", RichText(html))]
    page.save_revision().publish()
    assert stored_rich_text(page, "body") == html


# --- on render: what was stored before, or past save() ----------------------------------------


def test_rich_text_stored_past_save_is_cleaned_when_rendered(client):
    hostile = hostile_html(english_home().pk)
    dutch, dutch_film, footer = DUTCH[NewsPage](), DUTCH[FilmPage](), dutch_footer()
    dutch.body = [("paragraph", RichText(hostile))]
    NewsPage.objects.filter(pk=dutch.pk).update(body=dutch.body)  # no save(), no signal
    Footer.objects.filter(pk=footer.pk).update(contact_text=hostile)
    FilmPage.objects.filter(pk=dutch_film.pk).update(synopsis=hostile)

    for url in (dutch.url, dutch_film.url):
        response = client.get(url)
        assert_page_inert(response)
        content = response.content.decode()
        assert "<b>teken</b>" in content and "onze oproep</a>" in content
        assert '<a href="https://example.org/">bron</a>' in content


def test_richtext_filter_and_rich_text_block_value_render_only_allowed_markup():
    hostile = hostile_html(english_home().pk)
    as_filter = Template("{% load wagtailcore_tags %}{{ value|richtext }}")
    assert_inert(as_filter.render(Context({"value": hostile})))
    as_block = Template("{{ value }}")
    assert_inert(as_block.render(Context({"value": RichText(hostile)})))
    assert_inert(str(blocks.RichTextBlock().render(RichText(hostile))))
