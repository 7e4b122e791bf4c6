"""Security headers, cookies, the Content-Security-Policy, and error reports."""

from urllib.parse import urlparse

from django.conf import settings

import pytest

from site_core.blocks import video_embed_url
from tests.factories import event_index, news_index, publish_event, publish_post
from tests.factories.content import indexed
from tests.security.helpers import small_site, translated
from tests.security.utils import policy
from tests.utils import soup

pytestmark = pytest.mark.django_db


def news_with_a_post(code):
    """The news section of ``code`` with a post translated from English: its URL."""
    post = publish_post(news_index(), title="A vigil for the prisoners")
    return (translated(post, code) if code != "en" else post).get_parent().url


def events_with_an_event():
    publish_event(event_index(), title="Vigil on the square")
    return event_index().url


def search_that_finds_a_post(code="en", title="A vigil for the prisoners", words="vigil"):
    """A post of ``code`` in the search index, and the search that finds it: its URL."""
    indexed(publish_post(news_index(code), title=title))
    return f"/{code}/search/?q={words}"


# Each builds what its page shows and gives its URL.
PUBLIC_PAGES = {
    "english-home": lambda: "/en/",
    "hebrew-home": lambda: "/he/",
    "chinese-news": lambda: news_with_a_post("zh-hans"),
    "english-events": events_with_an_event,
    "english-search": search_that_finds_a_post,
    "dutch-page-not-found": lambda: "/nl/xx/",
}


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_public_pages_have_a_strict_content_security_policy(client, page):
    response = client.get(PUBLIC_PAGES[page]())
    assert response.status_code == (404 if page == "dutch-page-not-found" else 200)
    csp = policy(response)
    assert csp["script-src"] == ["'self'"]  # no inline script, no eval, no other host
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["default-src"] == ["'self'"]
    every_host = {value for values in csp.values() for value in values if "://" in value}
    assert every_host == set(settings.VIDEO_PLAYER_HOSTS) == set(csp["frame-src"])
    assert not any("unsafe" in value for values in csp.values() for value in values)


def test_pages_contain_no_inline_script_the_policy_would_block(client):
    post, event, film = small_site()
    urls = [build() for name, build in PUBLIC_PAGES.items() if name != "dutch-page-not-found"]
    for url in [*urls, post.url, event.url, film.url]:
        for script in soup(client.get(url)).find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", script
        html = client.get(url).content.decode()
        assert " onclick=" not in html and "javascript:" not in html and " style=" not in html


def test_the_only_third_party_frames_are_the_players_a_reader_starts():
    for url in ["https://www.youtube.com/watch?v=abc_DEF-123", "https://vimeo.com/123456"]:
        player = urlparse(video_embed_url(url))
        assert f"{player.scheme}://{player.netloc}" in settings.VIDEO_PLAYER_HOSTS


def test_a_cached_page_still_carries_the_policy(client, settings):
    settings.PAGE_CACHE_ENABLED = True
    client.get("/en/")
    hit = client.get("/en/")
    assert hit["X-Page-Cache"] == "hit"
    assert policy(hit)["script-src"] == ["'self'"]


def test_the_admin_has_its_own_policy(admin_client):
    csp = policy(admin_client.get("/admin/"))
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'self'"]  # Wagtail's previews
    assert not any(
        "://" in value and value not in settings.VIDEO_PLAYER_HOSTS
        for v in csp.values()
        for value in v
    )


@pytest.mark.parametrize("url", ["/en/", "/admin/login/", "/sitemap.xml"])
def test_security_headers(client, url):
    response = client.get(url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    features = response["Permissions-Policy"]
    for feature in ["camera=()", "microphone=()", "geolocation=()", "browsing-topics=()"]:
        assert feature in features


def test_readers_get_no_session_cookie(client):
    dutch_news, english_events = news_with_a_post("nl"), events_with_an_event()
    hebrew_search = search_that_finds_a_post("he", "עדות על רדיפה", "רדיפה")
    assert soup(client.get(hebrew_search)).select(".search-results > li")
    for url in ["/en/", dutch_news, hebrew_search, f"{english_events}ics/"]:
        response = client.get(url)
        assert settings.SESSION_COOKIE_NAME not in response.cookies, url
        assert settings.CSRF_COOKIE_NAME not in response.cookies, url
    chosen = client.get("/language/nl/?next=/nl/")
    assert list(chosen.cookies) == [settings.LANGUAGE_COOKIE_NAME]
    assert chosen.cookies[settings.LANGUAGE_COOKIE_NAME]["samesite"] == "Lax"


def test_cookies_are_secure_httponly_and_samesite_in_production():
    import subprocess
    import sys

    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, "
        "s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_HTTPONLY, s.LANGUAGE_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_SSL_REDIRECT)"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "site_core.settings.production",
            "SECRET_KEY": "x" * 60,
            "PYTHONPATH": str(settings.BASE_DIR),
        },
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    assert result.stdout.split() == ["True", "True", "Lax", "True", "True", "True", "True", "True"]


def test_error_reports_never_carry_form_bodies():
    import sys

    from django.test import RequestFactory
    from django.views.debug import ExceptionReporter

    request = RequestFactory().post(
        "/en/search/", {"message": "my home address is 12 Secret Lane", "password": "hunter2"}
    )
    try:
        raise ValueError("boom")
    except ValueError:
        report = ExceptionReporter(request, *sys.exc_info()).get_traceback_text()
    assert "Secret Lane" not in report and "hunter2" not in report
    assert "message" in report  # the field names stay, for debugging


def test_the_search_checked_for_its_headers_finds_its_post(client):
    results = soup(client.get(search_that_finds_a_post())).select(".search-results > li")
    assert [" ".join(item.a.get_text().split()) for item in results] == [
        "A vigil for the prisoners"
    ]
