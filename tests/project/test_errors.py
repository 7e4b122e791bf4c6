"""Bad addresses get a clear, localised answer: never a 500, never a redirect loop."""

from django.test import RequestFactory
from django.utils import translation

import pytest

from site_core.views import bad_request, server_error
from tests.factories import editor
from tests.factories.content import about_page, english_post
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
    about_page("nl", "zh-hans")  # /xx/about/ and /en/about/%00/ are near a real page
    response = client.get(path)
    assert response.status_code == 404


def test_unprefixed_address_of_a_real_page_redirects_to_its_language(client):
    about_page()
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


@pytest.fixture
def editor_client(client):
    client.force_login(editor())
    return client


def test_an_incomplete_admin_form_is_a_400_that_says_what_to_do_and_saves_nothing(
    editor_client, caplog
):
    """Wagtail reads some fields straight from the POST: without them it used to answer 500."""
    from news.models import NewsPage
    from site_core.models import Footer

    post = english_post()
    footers, pages = Footer.objects.count(), NewsPage.objects.count()
    for url in [
        "/admin/snippets/site_core/footer/add/",  # a StreamField without its block count
        f"/admin/pages/{post.pk}/copy/",  # a copy without its new parent
        "/admin/choose-external-link/",  # a link without its address
    ]:
        response = editor_client.post(url, headers={"accept-language": "nl"})
        assert response.status_code == 400, url
        assert response["Cache-Control"] == "no-store"
        page = soup(response)
        assert page.html["lang"] == "nl"  # the browser's language
        assert page.h1.get_text() == "Onvolledig verzoek"
        assert "er is niets opgeslagen" in page.main.get_text()
    assert (Footer.objects.count(), NewsPage.objects.count()) == (footers, pages)
    # The footer chooser only chooses: it has no form for creating one.
    response = editor_client.post("/admin/snippets/choose/site_core/footer/create/")
    assert response.status_code == 405
    assert "Incomplete form posted to /admin/choose-external-link/" in caplog.text


def test_the_incomplete_request_page_is_translated():
    with translation.override("he"):
        page = soup(bad_request(RequestFactory().post("/admin/")))
    assert page.html["dir"] == "rtl"
    assert page.h1.get_text() == "בקשה חלקית"


def test_our_own_errors_are_not_taken_for_incomplete_forms():
    from django.utils.datastructures import MultiValueDictKeyError

    from site_core.middleware import is_incomplete_form

    assert is_incomplete_form(MultiValueDictKeyError("new_parent_page"))
    try:
        None.startswith("/")
    except AttributeError as error:  # raised here, not while a form cleaned a field
        assert not is_incomplete_form(error)
    assert not is_incomplete_form(KeyError("x"))
