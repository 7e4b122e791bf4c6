"""Builders shared by the security tests: pages published where a test needs them, their
translations, and a small site (news, events, films) in a few languages."""

from wagtail.rich_text import RichText

from tests.factories import (
    FilmPageFactory,
    NewsCategoryFactory,
    StandardPageFactory,
    event_index,
    film_index,
    home,
    news_index,
    publish_event,
    publish_post,
    translate,
)
from tests.factories.images import image


def published(parent, factory_class, **fields):
    """A page of ``factory_class`` published under ``parent`` (specific, read back)."""
    page = factory_class.build(**fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def standard_page(**fields):
    """A published general-purpose page under the English home page."""
    return published(home(), StandardPageFactory, **fields)


def film(**fields):
    """A published film in the English films section."""
    return published(film_index(), FilmPageFactory, **fields)


def translated(page, code):
    """``page`` translated into ``code`` and published, its untranslated parents first."""
    parent = page.get_parent().specific
    if not parent.get_translations(inclusive=True).filter(locale__language_code=code).exists():
        translated(parent, code)
    return translate(page, code)


def paragraph(html):
    """A body of one paragraph block."""
    return [("paragraph", RichText(html))]


def small_site(*codes):
    """The English news (a post in a category, with a tag), events (an event) and films (a film)
    sections, each with its one item (the post and the film with a picture), and their
    translations into ``codes``."""
    category = NewsCategoryFactory(name="Vigils", slug="vigils")
    pages = [
        publish_post(
            news_index(),
            title="A vigil for the prisoners",
            slug="a-vigil-for-the-prisoners",
            body=paragraph("<p>We stood <b>together</b>.</p>"),
            hero_image=image("Candles"),
            hero_image_alt="Candles on the square",
            categories=[category],
            tags=["vigil"],
        ),
        publish_event(
            event_index(), title="Vigil on the square", slug="vigil-on-the-square", kind="vigil"
        ),
        film(
            title="Witnesses",
            slug="witnesses",
            synopsis="<p>Six <i>witnesses</i> speak.</p>",
            poster=image("Poster"),
            poster_alt="Six faces",
        ),
    ]
    for code in codes:
        translate(category, code)
        for page in pages:
            translated(page, code)
    return pages
