"""Content many areas read (caching, languages, errors, page weight, query counts): an "About"
page, posts in some languages, a furnished home page, pages put in the search index."""

import json
from datetime import timedelta

from django.utils import timezone

from wagtail.search.backends import get_search_backend

from home.models import HomePageFeaturedPage, StandardPage
from tests.factories import (
    EventOccurrenceFactory,
    FooterFactory,
    StandardPageFactory,
    event_index,
    home,
    locale,
    news_index,
    publish_event,
    publish_post,
    translate,
)
from tests.factories.images import LargeImageFactory as ImageFactory


def standard_page(title, slug, code=None, **fields):
    """A live standard page (in the menu) under the home page of ``code``."""
    page = StandardPageFactory.build(title=title, slug=slug, **fields)
    home(code).add_child(instance=page)
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)


def about_page(*codes):
    """The English "About" page (/en/about/), translated into each of ``codes``."""
    about = standard_page("About", "about")
    for code in codes:
        translate(about, code)
    return about


def english_only_page():
    """A live English page no other language has."""
    return standard_page("How you can help", "how-you-can-help")


def english_post(days_ago=0, **fields):
    """A live post in the English news (/en/news/), ``days_ago`` days old."""
    fields.setdefault("title", "A first report")
    fields.setdefault("slug", "a-first-report")
    fields.setdefault("date", timezone.now() - timedelta(days=days_ago))
    return publish_post(news_index(), **fields)


def translated_post(*codes, **fields):
    """An English post and its translations into ``codes`` (their news sections too)."""
    post = english_post(**fields)
    for code in codes:
        news_index(code)
        translate(post, code)
    return post


def furnished_home(code="en", image=None, posts=5):
    """The home page of ``code`` as readers see it on a real site: a hero picture, a call to
    action and a featured page, four menu pages, ``posts`` recent posts with pictures, three
    upcoming events and a footer, all made directly in that language."""
    image = image or ImageFactory()
    pages = [standard_page(f"Menu page {n}", f"{code}-menu-{n}", code) for n in range(4)]
    page = home(code)
    page.hero_image = image
    page.hero_intro = "What this site is about, in a sentence or two."
    cta = {
        "heading": "Speak out",
        "text": "Write to us.",
        "button_label": "Go",
        "page": pages[0].pk,
    }
    page.body = json.dumps([{"type": "call_to_action", "value": cta}])
    page.featured_pages = [HomePageFeaturedPage(page=pages[1])]
    page.save_revision().publish()
    news, events = news_index(code), event_index(code)
    for number in range(posts):
        publish_post(
            news,
            title=f"Report {number} ({code})",
            slug=f"{code}-report-{number}",
            date=timezone.now() - timedelta(days=number),
            hero_image=image,
        )
    for number in range(3):
        day = timezone.localdate() + timedelta(days=number + 1)
        occurrences = [EventOccurrenceFactory.build(start_date=day, end_date=day)]
        publish_event(events, title=f"Meeting {number} ({code})", occurrences=occurrences)
    FooterFactory(locale=locale(code), contact_text="<p>Write to us.</p>")
    return page


def indexed(*objects):
    """``objects`` in the search index now, as ``manage.py update_index`` would put them (a
    test's transaction never commits, so the index is not updated on its own); returns the
    first."""
    backend = get_search_backend()
    for obj in objects:
        backend.add(type(obj).objects.get(pk=obj.pk))
    return objects[0]
