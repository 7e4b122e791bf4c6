"""Routes and listings remembered per cache generation never outlive a change.

The page cache is off here: these are the fragments an uncached render uses
(site_core.languages.routing,
the news and event listings).
"""

from datetime import date, time, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from news.models import NewsPage
from tests.events.helpers import make_event
from tests.factories import NewsCategoryFactory, event_index, news_index
from tests.factories.content import about_page, english_post
from tests.utils import soup

pytestmark = pytest.mark.django_db


def routing_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, [q["sql"] for q in queries if '"wagtailcore_page"."url_path" IN' in q["sql"]]


def test_a_remembered_route_costs_no_tree_walk(client):
    post = english_post()
    response, lookups = routing_queries(client, post.url)
    assert response.status_code == 200
    assert lookups == []


def test_renaming_moving_and_unpublishing_change_the_route_at_once(client):
    post = english_post()
    old_url = post.url
    assert client.get(old_url).status_code == 200

    post.slug = "a-new-address"
    post.save_revision().publish()
    post.refresh_from_db()
    assert client.get(old_url).status_code == 404
    assert client.get(post.url).status_code == 200

    about = about_page()
    post.move(about, pos="last-child")
    post.refresh_from_db()
    assert post.url.startswith("/en/about/")
    assert client.get(post.url).status_code == 200
    moved = client.get("/en/news/a-new-address/")  # Wagtail's automatic redirect, or nothing
    assert moved.status_code == 404 or moved["Location"] == post.url

    post.unpublish()
    assert client.get(post.url).status_code == 404


def test_sub_routes_drafts_and_unknown_addresses(client):
    persecution = NewsCategoryFactory(name="Persecution", slug="persecution")
    index = english_post(categories=[persecution]).get_parent().specific
    assert client.get(index.url + "feed/").status_code == 200
    assert client.get(index.url + "category/persecution/feed/").status_code == 200
    draft = NewsPage(title="Zanzibarian draft", slug="zanzibarian-draft", summary="Draft.")
    index.add_child(instance=draft)
    draft.unpublish()
    for _ in range(2):
        assert client.get(index.url + "zanzibarian-draft/").status_code == 404
        assert client.get(index.url + "no-such-post/").status_code == 404
        assert client.get(index.url + "feed/extra/").status_code == 404
    long = "/en/" + "very-long-segment/" * 30
    assert client.get(long).status_code == 404


def test_unknown_addresses_are_not_remembered(client):
    from django.core.cache import cache

    english_post()
    client.get("/en/news/random-start/")
    before = len(cache._cache)
    for number in range(20):
        client.get(f"/en/news/random-{number}/")
    assert len(cache._cache) == before


def test_private_pages_still_ask_for_a_login_after_being_remembered(client):
    post = english_post()
    assert client.get(post.url).status_code == 200
    PageViewRestriction.objects.create(page=post, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(post.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    PageViewRestriction.objects.filter(page=post).delete()
    assert client.get(post.url).status_code == 200


def test_the_news_listing_shows_a_new_post_at_once(client):
    english_post(days_ago=3, title="An older report", slug="an-older-report")
    index = news_index()
    client.get(index.url)
    post = NewsPage(title="Zanzibarian fresh report", slug="zanzibarian-fresh", summary="New.")
    index.add_child(instance=post)
    post.save_revision().publish()
    html = soup(client.get(index.url))
    assert html.select(".post-list h3 a")[0].get_text() == "Zanzibarian fresh report"
    assert "Zanzibarian fresh report" in client.get(index.url + "feed/").content.decode()
    assert "Zanzibarian fresh report" in soup(client.get("/en/")).get_text()
    post.unpublish()
    assert "Zanzibarian fresh report" not in client.get(index.url).content.decode()
    assert "Zanzibarian fresh report" not in soup(client.get("/en/")).get_text()


def test_the_events_listing_shows_a_new_event_at_once(client):
    index = event_index()
    make_event(index, "Zanzibarian talk", (date.today() + timedelta(days=2), time(18)))
    client.get(index.url)
    client.get("/en/")
    event = make_event(index, "Zanzibarian vigil", (date.today() + timedelta(days=1), time(18)))
    assert "Zanzibarian vigil" in client.get(index.url).content.decode()
    assert "Zanzibarian vigil" in client.get(index.url + "?kind=talk").content.decode()
    assert "Zanzibarian vigil" in client.get("/en/").content.decode()
    event.unpublish()
    assert "Zanzibarian vigil" not in client.get(index.url).content.decode()
    assert "Zanzibarian vigil" not in client.get("/en/").content.decode()
