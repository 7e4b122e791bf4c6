"""Builders of the small sites the kernel's tests read: a page of every type in a few languages,
menus, featured pages, a footer per language.

Every test starts from the empty site (tests/factories): the home pages of every language and
nothing else. The translations go through wagtail-localize ("[nl] <English>", slugs
"nl-<slug>").
"""

from wagtail.rich_text import RichText

from films.models import FilmPage
from home.models import HomePageFeaturedPage, StandardPage
from tests.factories import (
    EventIndexPageFactory,
    FilmPageFactory,
    FooterFactory,
    NewsIndexPageFactory,
    StandardPageFactory,
    film_index,
    home,
    publish_event,
    publish_post,
    section,
    translate,
)
from tests.factories.images import ImageFactory

# The languages the small site is translated into: a Latin script and right to left.
TRANSLATED = ("nl", "he")

# A body with a heading (its level a setting, shown in the admin as "Section heading") and a
# paragraph long enough for search excerpts to be cut.
LONG_TEXT = " ".join(
    ["Volunteers hand out leaflets about the persecution on every Saturday of the year."] * 12
)


def body(text=LONG_TEXT):
    return [
        ("heading", {"text": "Why we are here", "level": "h2"}),
        ("paragraph", RichText(f"<p>{text}</p>")),
    ]


def standard_page(title, slug, parent=None, **fields):
    """A published standard page (in menus unless ``show_in_menus=False``), under ``parent``
    (the English home by default)."""
    fields.setdefault("body", body())
    page = StandardPageFactory.build(title=title, slug=slug, **fields)
    (parent or home()).add_child(instance=page)
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)


def menu_sections():
    """The English news and events sections, both in menus (made on first use)."""
    news = section(NewsIndexPageFactory, title="News", slug="news", show_in_menus=True)
    events = section(EventIndexPageFactory, title="Events", slug="events", show_in_menus=True)
    return news, events


def a_film():
    film = FilmPageFactory.build(title="A documentary", slug="a-documentary")
    film_index().add_child(instance=film)
    film.save_revision().publish()
    return FilmPage.objects.get(pk=film.pk)


def every_page_type():
    """One live English page of every type: the home, a standard page, the news index and a
    post, the events index and an event, the films index and a film (in that order)."""
    about = standard_page("About", "about", intro="What this site is about.")
    news, events = menu_sections()
    post = publish_post(news, title="A post", slug="a-post")
    event = publish_event(events, title="An event", slug="an-event")
    film = a_film()
    return [home(), about, news, post, events, event, film_index(), film]


def small_site(languages=TRANSLATED):
    """Every page type in English translated into ``languages``, an English-only page, a
    footer per language; returns the English pages (the home first, the English-only last)."""
    pages = every_page_type()
    footer = FooterFactory(contact_text="<p>Write to us</p>")
    for code in languages:
        for page in pages[1:]:
            translate(page, code)
        translate(footer, code)
    return [*pages, english_only_page()]


def english_only_page():
    """An English page no one has translated (made on first use)."""
    found = StandardPage.objects.filter(slug="how-you-can-help", locale__language_code="en")
    return found.first() or standard_page("How you can help", "how-you-can-help")


def with_hero_image():
    """The English home page with a hero image (a JPEG), its picture on social networks."""
    page = home()
    page.hero_image = ImageFactory(title="Hero")
    page.save_revision().publish()
    return page


def feature(code, pages):
    """``pages`` featured on the home page of ``code``, in this order."""
    page = home(code)
    # sort_order as the admin's form sets it (without it PostgreSQL may return any order)
    page.featured_pages = [
        HomePageFeaturedPage(page=featured, sort_order=order)
        for order, featured in enumerate(pages)
    ]
    page.save_revision().publish()
    return page


def three_english_pages():
    """About, Worldwide activism and Key statistics: English pages in the menu."""
    return [
        standard_page("About", "about", intro="What this site is about."),
        standard_page("Worldwide activism", "worldwide-activism"),
        standard_page("Key statistics", "key-statistics"),
    ]
