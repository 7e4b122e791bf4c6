"""Bad addresses get a clear, localised answer: never a 500, never a redirect loop."""

from django.test import RequestFactory
from django.utils import translation

import pytest

from site_core.views import server_error
from tests.utils import soup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/xx/",
        "/xx/about/",
        "/nl/no-such-page/",
        "/%ff/",
        "/en/%ff/",
        "/zh-hans/no/such/page/",
        "/en/about/%00/",
        "/EN/",
        "/no-such-page/",
    ],
)
def test_bad_addresses_are_a_plain_404(client, path):
    response = client.get(path)
    assert response.status_code == 404


def test_unprefixed_address_of_a_real_page_redirects_to_its_language(client):
    response = client.get("/about/")
    assert response.status_code == 302
    assert response["Location"] == "/en/about/"
    assert client.get(response["Location"]).status_code == 200


def test_root_redirects_to_a_language_home_page(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    response = client.get("/", headers={"accept-language": "nl,en;q=0.5"})
    assert response["Location"] == "/nl/"


def test_404_under_a_language_prefix_answers_in_that_language(client):
    response = client.get("/nl/no-such-page/")
    page = soup(response)
    assert page.html["lang"] == "nl"
    assert page.h1.get_text() == "Pagina niet gevonden"
    assert page.select_one("main a")["href"] == "/nl/"
    response = client.get("/he/no-such-page/")
    assert soup(response).html["dir"] == "rtl"
    assert soup(response).h1.get_text() == "הדף לא נמצא"


def test_500_page_is_localised_and_needs_no_database(django_assert_num_queries):
    request = RequestFactory().get("/de/")
    with translation.override("de"), django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    page = soup(response)
    assert page.html["lang"] == "de"
    assert page.h1.get_text() == "Etwas ist schiefgelaufen"
    assert page.select_one("a")["href"] == "/de/"
