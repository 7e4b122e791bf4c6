"""Unpublished content never reaches readers: a crawl of every public address finds no marker.

Markers go into a draft page, a newer unpublished revision of a live page, a private page (its
title and body), a scheduled page and a document in a private collection. Then every public
address is fetched — every live page in every language, its sub-routes (feeds, calendars),
listings with filters, search, the sitemap, robots.txt — with the page cache on and off, and
every link and ``src`` found on them that stays on the site is fetched too.
"""

import re
from datetime import timedelta
from urllib.parse import urlsplit

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest

from home.models import StandardPage
from news.models import NewsIndexPage, NewsPage
from tests.utils import live_pages

pytestmark = [pytest.mark.django_db, pytest.mark.demo]

MARKERS = {
    "draft": "Zqxdraftmarker",
    "revision": "Zqxrevisionmarker",
    "private": "Zqxprivatemarker",
    "scheduled": "Zqxscheduledmarker",
    "document": "Zqxdocumentmarker",
}


@pytest.fixture
def secrets():
    english_news = NewsIndexPage.objects.get(locale__language_code="en")
    home = english_news.get_parent()

    draft = NewsPage(
        title=f"{MARKERS['draft']} post", slug="draft-marker", summary=MARKERS["draft"]
    )
    english_news.add_child(instance=draft)
    draft.unpublish()

    live = NewsPage.objects.filter(locale__language_code="en").live().order_by("path").first()
    live.title = f"{MARKERS['revision']} title"
    live.summary = MARKERS["revision"]
    live.save_revision()  # saved, not published

    private = StandardPage(
        title=f"{MARKERS['private']} page",
        slug="private-marker",
        intro=MARKERS["private"],
        search_description=MARKERS["private"],
    )
    home.add_child(instance=private)
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    scheduled = NewsPage(
        title=f"{MARKERS['scheduled']} post", slug="scheduled-marker", summary="Soon."
    )
    english_news.add_child(instance=scheduled)
    scheduled.unpublish()
    scheduled.go_live_at = timezone.now() + timedelta(days=3)
    scheduled.save_revision().publish()  # scheduled: waits for its time
    scheduled.refresh_from_db()
    assert not scheduled.live

    collection = Collection.get_first_root_node().add_child(name="Private papers")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document.objects.create(
        title=f"{MARKERS['document']} report",
        collection=collection,
        file=ContentFile(MARKERS["document"].encode(), name="private-marker.txt"),
    )
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    # As `manage.py update_index` would: each object as stored (the live page's row keeps its
    # published text; its newer revision is not indexed).
    for obj in (draft, live, private, scheduled, document):
        backend.add(type(obj).objects.get(pk=obj.pk))
    return {"private_url": private.url, "document_url": document.url}


def soup_of(body):
    from bs4 import BeautifulSoup

    return BeautifulSoup(body, "html.parser")


def public_addresses():
    addresses = {"/sitemap.xml", "/robots.txt"}
    for page in live_pages():
        url = page.url
        if not url:
            continue
        addresses.add(url)
        specific = type(page.specific)
        if specific.__name__ == "NewsIndexPage":
            addresses |= {
                url + "feed/",
                url + "?page=2",
                url + "?year=2026",
                url + "?category=persecution",
                url + "category/persecution/feed/",
            }
        if specific.__name__ in ("EventIndexPage", "EventPage"):
            addresses |= {url + "ics/", url + "?when=past"}
        code = page.locale.language_code
        for term in [*MARKERS.values(), "post", "page", "report"]:
            addresses.add(f"/{code}/search/?q={term}")
    return addresses


def crawl(client, start):
    seen, queue, bodies = set(), list(start), {}
    while queue:
        url = queue.pop()
        if url in seen or len(seen) > 3000:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code in (301, 302):
            location = response["Location"]
            if location.startswith("/"):
                queue.append(location)
            continue
        if getattr(response, "streaming", False):
            body = b"".join(response.streaming_content).decode(errors="replace")
        else:
            body = response.content.decode(errors="replace")
        bodies[url] = (response.status_code, body, dict(response.headers))
        if "html" in response.get("Content-Type", "") and response.status_code == 200:
            for link in re.findall(r'(?:href|src|content)="([^"]+)"', body):
                parts = urlsplit(link.replace("&amp;", "&"))
                if parts.netloc not in ("", "testserver", "localhost"):
                    continue
                path = parts.path + (f"?{parts.query}" if parts.query else "")
                if path.startswith(("/", "http")) and not path.startswith(("/admin/", "/static/")):
                    queue.append(path if path.startswith("/") else urlsplit(path).path)
    return bodies


@pytest.mark.parametrize("page_cache", [False, True])
def test_no_public_address_shows_unpublished_content(client, secrets, settings, page_cache):
    settings.PAGE_CACHE_ENABLED = page_cache
    bodies = crawl(client, public_addresses())
    assert len(bodies) > 200
    leaks = []
    for url, (_status, body, headers) in bodies.items():
        for name, marker in MARKERS.items():
            if marker.lower() in url.lower():
                # A search for the marker repeats the query: its results must be empty.
                results = soup_of(body).select(".search-results li")
                if results:
                    leaks.append((url, name, "search result"))
            elif marker.lower() in body.lower() or marker.lower() in str(headers).lower():
                leaks.append((url, name))
    assert leaks == []
    assert all(status < 500 for status, _body, _headers in bodies.values())


def test_private_page_and_document_ask_for_a_login(client, secrets):
    for url in (secrets["private_url"], secrets["document_url"]):
        response = client.get(url)
        assert response.status_code == 302
        assert "login" in response["Location"]
        assert MARKERS["private"] not in response.content.decode()
