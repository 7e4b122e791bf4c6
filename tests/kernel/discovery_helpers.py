"""Look-ups shared by the language-discovery tests."""

from django.db import connection

from wagtail.models import Page

from home.models import StandardPage
from site_core.search.views import page_entries
from tests.utils import soup


def english_only_page():
    return StandardPage.objects.get(locale__language_code="en", slug="how-you-can-help")


def search(client, language, query, **params):
    response = client.get(f"/{language}/search/", {"q": query, **params})
    assert response.status_code == 200
    html = soup(response)
    return html, [a["href"] for a in html.select(".search-results h2 a")]


def pages_whose_text_contains(text, language):
    ids = [
        int(object_id)
        for object_id in page_entries()
        .filter(
            **{f"{'body_text' if connection.vendor == 'postgresql' else 'body'}__contains": text}
        )
        .values_list("object_id", flat=True)
    ]
    return list(Page.objects.live().filter(pk__in=ids, locale__language_code=language))
