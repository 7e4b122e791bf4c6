"""What the page cache keys on and what it never keeps, and what else must not leak (issue 14).

The page cache keys on the scheme, a normalised host, the path and only the query parameters
some page understands; searches, error answers and made-up sessions never get a shared copy.
Private documents are served only through Wagtail's view; relative times stay true on a page
served from the cache hours later.
"""

import importlib
import os
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from importlib import import_module
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import clear_url_caches
from django.utils import formats, timezone, translation

from wagtail.documents.models import Document
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

import pytest

from home.models import StandardPage
from news.models import NewsIndexPage, NewsPage
from tests.test_settings import run_manage
from tests.utils import soup

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    caches["default"].clear()
    yield
    caches["default"].clear()


def stored_pages():
    """The page-cache entries in the (in-memory) test cache."""
    return [key for key in caches["default"]._cache if "page-cache:GET" in key]


def production_settings(code, **env):
    """Values printed by ``code`` under the production settings (a subprocess)."""
    result = run_manage(
        "shell",
        "-c",
        f"from django.conf import settings as s; print(repr({code}))",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "site_core.settings.production",
            "SECRET_KEY": "x" * 60,
            "REDIS_URL": "",
            "PROXY_COUNT": "0",
            **env,
        },
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


# --- Query strings, hosts, schemes, sessions ------------------------------------------------


def test_junk_query_parameters_neither_fill_the_cache_nor_get_around_it(client, page_cache):
    # Defect: any query string made a new cache entry (?utm=1, ?utm=2, ... filled the cache).
    client.get("/en/about/")
    for number in range(20):
        response = client.get(f"/en/about/?utm_source={number}&fbclid=x{number}")
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "hit"
    assert len(stored_pages()) == 1


def test_filters_a_listing_understands_are_keyed_in_one_order(client, page_cache):
    first = client.get("/en/news/?tag=fujian&category=persecution")
    assert first["X-Page-Cache"] == "miss"
    again = client.get("/en/news/?category=persecution&junk=1&tag=fujian")
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content
    assert client.get("/en/news/?category=persecution")["X-Page-Cache"] == "miss"


def test_a_parameter_the_page_does_not_understand_is_never_stored(client, page_cache):
    # ?year= means something on the news index only: on "About" it is junk, and each value
    # would otherwise be one more entry.
    for year in range(2000, 2010):
        assert "X-Page-Cache" not in client.get(f"/en/about/?year={year}")
    assert stored_pages() == []


def test_every_parameter_a_page_reads_is_declared_for_the_cache():
    # A view reading an undeclared parameter would be served the page made without it.
    import re

    from site_core.caching.page_cache import understood_parameters

    read = set()
    for folder in ("news", "events", "films", "home", "site_core"):
        for path in (ROOT / folder).rglob("*.py"):
            if "translation_workflow" in path.parts or "permissions" in path.name:
                continue  # the admin: never cached
            read |= set(re.findall(r"request\.GET\.get\(\s*[\"'](\w+)", path.read_text()))
    read -= {"q", "next"}  # search (never cached) and the language chooser (never cached)
    assert read <= understood_parameters(), read - understood_parameters()
    assert {"country", "city"} <= understood_parameters()


def test_host_spellings_share_one_entry_that_links_to_the_plain_host(client, page_cache):
    # Defect: "LOCALHOST.", "localhost:80" and "localhost" were three entries.
    url = "/en/about/"
    assert client.get(url, HTTP_HOST="localhost")["X-Page-Cache"] == "miss"
    assert client.get(url, HTTP_HOST="LocalHost.:80")["X-Page-Cache"] == "hit"
    assert client.get(url, HTTP_HOST="localhost.")["X-Page-Cache"] == "hit"
    caches["default"].clear()
    odd = client.get(url, HTTP_HOST="LocalHost.:80")
    feed = soup(odd).select_one('link[type="application/rss+xml"]')["href"]
    assert feed.startswith("http://localhost/en/news/feed/"), feed


def test_https_and_http_pages_are_kept_apart(client, page_cache):
    # Absolute links (canonical, hreflang, Open Graph) name the scheme.
    assert client.get("/en/about/")["X-Page-Cache"] == "miss"
    secure = client.get("/en/about/", secure=True)
    assert secure["X-Page-Cache"] == "miss"
    feed = soup(secure).select_one('link[type="application/rss+xml"]')["href"]
    assert feed.startswith("https://testserver/"), feed


def test_x_forwarded_proto_is_believed_only_behind_a_configured_proxy():
    # Defect: anyone could send "X-Forwarded-Proto: https" to a server without a proxy.
    assert production_settings("s.SECURE_PROXY_SSL_HEADER") == "None"
    assert production_settings("s.SECURE_PROXY_SSL_HEADER", PROXY_COUNT="1") == (
        "('HTTP_X_FORWARDED_PROTO', 'https')"
    )


def test_a_made_up_session_cookie_does_not_get_around_the_cache(client, page_cache):
    # Defect: any "sessionid" cookie made every request a full render.
    client.get("/en/about/")
    client.cookies[settings.SESSION_COOKIE_NAME] = "made-up-session-key"
    assert client.get("/en/about/")["X-Page-Cache"] == "hit"


def test_real_sessions_are_never_served_or_stored_by_the_cache(
    client, page_cache, django_user_model
):
    client.get("/en/about/")
    user = django_user_model.objects.create_user("cache-reader", "c@example.org", "x" * 16)
    client.force_login(user)
    assert "X-Page-Cache" not in client.get("/en/about/")
    # An anonymous session holding something (a page password passed): fresh, never shared.
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session["wagtail-private-page-passwords"] = [1]
    session.create()
    reader = Client()
    reader.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    assert "X-Page-Cache" not in reader.get("/en/about/")


# --- Searches and cache headers ---------------------------------------------------------------


def test_searches_are_never_kept(client, page_cache):
    # Defect: a search's results page was stored: "X-Page-Cache: hit" (and a quicker answer)
    # told a later reader what someone had searched for.
    for _ in range(2):
        response = client.get("/en/search/?q=vigil")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert stored_pages() == []
    assert not [key for key in caches["default"]._cache if ":search:" in key]


def test_the_page_cache_header_is_for_the_tests_only(client, page_cache, settings):
    # Defect: "X-Page-Cache: hit" told anybody which addresses others had just read.
    settings.PAGE_CACHE_HEADER = False
    for _ in range(2):
        assert "X-Page-Cache" not in client.get("/en/about/")
    assert production_settings("s.PAGE_CACHE_HEADER") == "False"


def test_error_answers_are_never_kept(client):
    # Defect: 404/500 answers said nothing, so a browser or CDN could keep them (a 404 becomes
    # a page at the next publish, and is worded in each reader's language).
    assert client.get("/en/no-such-page/")["Cache-Control"] == "no-store"
    crashing = Client(raise_request_exception=False)
    with mock.patch.object(StandardPage, "serve", side_effect=RuntimeError("boom")):
        response = crashing.get("/en/about/")
    assert response.status_code == 500
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("url", ["/en/", "/static/js/site.js", "/sitemap.xml"])
def test_nothing_of_the_site_may_be_embedded_by_another_site(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_the_language_cookie_is_http_only_and_no_script_reads_cookies(client):
    response = client.get("/language/nl/?next=/nl/")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME]["httponly"] is True
    for script in (ROOT / "site_core" / "static" / "js").glob("*.js"):
        assert "document.cookie" not in script.read_text(), script


# --- Private documents --------------------------------------------------------------------------


@pytest.fixture
def production_like_urls(settings):
    """The URLs of `make serve` (SERVE_MEDIA=true, DEBUG off)."""
    module = importlib.import_module(settings.ROOT_URLCONF)
    settings.SERVE_MEDIA = True
    importlib.reload(module)
    clear_url_caches()
    yield
    settings.SERVE_MEDIA = False
    importlib.reload(module)
    clear_url_caches()


def test_private_documents_are_served_only_after_sign_in(client, production_like_urls):
    # Defect: /media/documents/<file> served a private collection's files to anyone.
    collection = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    private = Document.objects.create(
        title="Minutes",
        collection=collection,
        file=ContentFile(b"private minutes", name="minutes.txt"),
    )
    public = Document.objects.create(
        title="Leaflet", file=ContentFile(b"public leaflet", name="leaflet.txt")
    )
    assert client.get(settings.MEDIA_URL + private.file.name).status_code == 404
    assert client.get(settings.MEDIA_URL + public.file.name).status_code == 404
    asks = client.get(private.url)
    assert asks.status_code == 302 and "login" in asks["Location"]
    download = client.get(public.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"public leaflet"
    image = get_image_model().objects.first()  # images are public: served at /media/
    assert client.get(settings.MEDIA_URL + image.file.name).status_code == 200


def test_documents_go_through_wagtails_view_in_every_environment():
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"


# --- Relative times ---------------------------------------------------------------------------


def test_a_cached_page_says_nothing_that_is_false_hours_later(client, page_cache):
    # Defect: "27 seconds ago" was rendered into the page and served from the cache for hours.
    index = NewsIndexPage.objects.get(locale__language_code="en")
    post = NewsPage(title="Just in", slug="just-in", summary="Fresh.", date=timezone.now())
    index.add_child(instance=post)
    post.save_revision().publish()
    made = client.get("/en/")
    later = timezone.now() + timedelta(hours=3)
    with mock.patch("django.utils.timezone.now", return_value=later):
        served = client.get("/en/")
    assert served["X-Page-Cache"] == "hit" and served.content == made.content
    html = soup(served)
    times = html.select("time[data-relative-for]")
    assert times
    with translation.override("en"):
        for element in times:
            moment = datetime.fromisoformat(element["datetime"])
            assert element.get_text() == formats.date_format(moment, "DATE_FORMAT")
    assert "seconds ago" not in html.get_text() and "minutes ago" not in html.get_text()


def test_relative_times_are_words_of_the_reader_language_in_site_js():
    script = (ROOT / "site_core" / "static" / "js" / "site.js").read_text()
    assert "Intl.RelativeTimeFormat(document.documentElement.lang" in script
    assert "setInterval(showRelativeTimes" in script


# --- SQLite under concurrent writers ----------------------------------------------------------


WRITER = textwrap.dedent(
    """
    import os, time
    from django.db import connection, transaction
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS hits (n INTEGER)")
    ready = os.environ["READY_FOLDER"]
    open(os.path.join(ready, str(os.getpid())), "w").close()
    while len(os.listdir(ready)) < 2:  # both set up: write at the same time
        time.sleep(0.01)
    end = time.time() + 3
    writes = 0
    while time.time() < end:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM hits")  # read, work, then write
            time.sleep(0.02)
            cursor.execute("INSERT INTO hits VALUES (%s)", [writes])
        writes += 1
    print("writes", writes)
    """
)


def test_two_processes_can_write_to_one_sqlite_database_at_once(tmp_path):
    # Defect: two `make serve`/`make run` on one folder crashed with "database is locked".
    ready = tmp_path / "ready"
    ready.mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_core.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "READY_FOLDER": str(ready),
    }
    env.pop("REDIS_URL", None)
    writers = [
        subprocess.Popen(
            [sys.executable, "manage.py", "shell", "-c", WRITER],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [writer.communicate(timeout=120) for writer in writers]
    for writer, (out, err) in zip(writers, results, strict=True):
        assert writer.returncode == 0, err[-2000:]
        assert "writes" in out


# --- The admin of `make run` beside `make serve` --------------------------------------------------


def test_make_run_and_make_serve_share_one_cache_for_one_database():
    # Defect: `make run` kept its cache in its own memory, so readers of `make serve` never
    # saw a publish done in its admin.
    code = "(s.CACHES['default']['BACKEND'], s.CACHES['default']['LOCATION'])"
    serve = production_settings(code)
    run = production_settings(code, DJANGO_SETTINGS_MODULE="site_core.settings.dev")
    assert serve == run
    assert "FileBasedCache" in serve and str(ROOT / ".cache") in serve
    other = production_settings(code, DATABASE_URL="sqlite:////tmp/another/db.sqlite3")
    assert other != serve  # another database, another cache: nothing crosses over


def test_a_publish_in_one_process_shows_to_readers_of_another(client, settings, tmp_path):
    """Two processes on one cache folder: two cache objects that share nothing but the files."""
    from site_core.caching import page_cache
    from site_core.models import Footer

    folder = {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache"}
    settings.CACHES = {
        **settings.CACHES,
        "serve": {**folder, "LOCATION": str(tmp_path)},
        "admin": {**folder, "LOCATION": str(tmp_path)},
    }
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_ALIAS = "serve"
    client.get("/nl/")
    assert client.get("/nl/")["X-Page-Cache"] == "hit"
    settings.PAGE_CACHE_ALIAS = "admin"  # the admin's process publishes
    footer = Footer.objects.get(locale__language_code="nl")
    footer.contact_email = "gedeeld@example.org"
    footer.save_revision().publish()
    settings.PAGE_CACHE_ALIAS = "serve"
    page_cache._memo.clear()  # another process has no memory of this one's fragments
    assert "gedeeld@example.org" in client.get("/nl/").content.decode()


def test_sign_in_counters_are_not_kept_in_the_evictable_cache():
    # Defect: sign-in limits were counted in the page cache's store, whose entries are evicted
    # (and which junk addresses could fill): counters live in the database (django-axes).
    from django.utils.module_loading import import_string

    from axes.handlers.database import AxesDatabaseHandler

    assert issubclass(import_string(settings.AXES_HANDLER), AxesDatabaseHandler)
