"""What readers see when the database is down: a friendly 503, or a cached page."""

from unittest import mock

from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

import pytest

from tests.factories import news_index
from tests.utils import soup

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_news():
    """/en/news/: the English news section (the home pages are in every empty site)."""
    return news_index()


def database_down():
    return mock.patch.object(
        BaseDatabaseWrapper, "cursor", side_effect=OperationalError("connection refused")
    )


@pytest.mark.parametrize(
    ("url", "language", "heading"),
    [("/en/news/", "en", "Back in a moment"), ("/he/", "he", None), ("/zh-hans/", "zh-Hans", None)],
)
def test_database_down_is_a_friendly_503_in_the_readers_language(url, language, heading):
    client = Client(raise_request_exception=False)
    with database_down():
        response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    html = soup(response)
    assert html.html["lang"] == language
    assert html.html["dir"] == ("rtl" if language == "he" else "ltr")
    if heading:
        assert html.h1.get_text() == heading
    else:
        assert html.h1.get_text() != "Back in a moment"  # translated
    assert "Traceback" not in response.content.decode()
    assert "connection refused" not in response.content.decode()
    assert client.get(url).status_code == 200  # back as soon as the database is


def test_cached_pages_are_still_served_while_the_database_is_down(settings):
    settings.PAGE_CACHE_ENABLED = True
    client = Client(raise_request_exception=False)
    client.get("/en/")
    with database_down():
        assert client.get("/en/").status_code == 200
        assert client.get("/en/news/").status_code == 503
