"""Every admin address, for every role, answers what admin_permissions.json (next to this file)
says.

The addresses come from the URLconf itself (each pattern filled in with a Hebrew post, the
Hebrew footer, a Hebrew category...: objects a Dutch translator must not touch), so a new admin
page fails this test until someone has looked at who can open it and recorded the answer:

    UPDATE_PERMISSION_MATRIX=1 pytest tests/translation_workflow/test_permission_matrix.py
    # then review the diff

GET and POST (with no form data) for every role. Each POST runs in a savepoint that is rolled
back, so a deletion confirmed by an editor does not change what the next address sees. An empty
POST by a translator or a reviewer must change nothing at all (every object here is Hebrew: the
Dutch translator and reviewer may not touch it, and the Hebrew translator may only translate).
The editor may act on them as a Hebrew reviewer would: the demo has no Hebrew reviewer, so the
editors stand in (``site_core.translation_workflow.review_fallback.apply_review_fallback``).
Translators' POSTs with real form data are in test_scope.py.
"""

import json
import os
import re
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Count, Max, Q
from django.test import Client
from django.urls import URLResolver, get_resolver

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Revision, TaskState, WorkflowState
from wagtail_localize.models import StringTranslation, Translation

import pytest

from news.models import NewsCategory, NewsPage
from site_core.models import Footer

pytestmark = [pytest.mark.django_db, pytest.mark.demo]

EXPECTED = Path(__file__).with_name("admin_permissions.json")
ROLES = ["anonymous", "translator-nl", "translator-he", "reviewer-nl", "editor"]
# What anyone may open: signing in, resetting a password, the admin's icons and translations.
PUBLIC_ADMIN_PAGES = {
    "admin/login/",
    "admin/password_reset/",
    "admin/password_reset/done/",
    "admin/password_reset/confirm/<uidb64>/<token>/",
    "admin/password_reset/complete/",
    "admin/sprite/",
    "admin/jsi18n/",
}
ARGUMENT = re.compile(r"<(?:(\w+):)?(\w+)>")


def admin_patterns():
    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
            else:
                yield route

    return sorted(
        {route for route in walk(get_resolver().url_patterns, "") if route.startswith("admin/")}
    )


def concrete(route, objects):
    def fill(match):
        converter, name = match.group(1) or "str", match.group(2)
        if name in objects:
            return str(objects[name])
        if converter == "int" or name in ("pk", "id", "object_id", "page_id"):
            return str(objects["pk"])
        return "x"

    def fill_group(match):
        name, pattern = match.group(1), match.group(2)
        if name in objects:
            return str(objects[name])
        words = [part for part in pattern.split("|") if part.isalpha()]
        if words:  # revision_id_a: live|earliest|\d+ -> "earliest"
            return words[-1]
        return str(objects["pk"])

    path = re.sub(r"\(\?P<(\w+)>([^)]*)\)", fill_group, route)  # regular expressions first
    path = ARGUMENT.sub(fill, path).replace("^", "").replace("$", "")
    return "/" + path.replace("\\.", ".")


def outcome(response):
    status = response.status_code
    if status in (301, 302):
        location = response["Location"]
        if "login" in location:
            return "login"
        if location == "/admin/":  # Wagtail's answer to a page one may not open
            return "to admin home"
        return "redirect"
    if 200 <= status < 300:
        return "200"
    return str(status)


@pytest.fixture
def objects():
    post = NewsPage.objects.filter(locale__language_code="he").order_by("path").first()
    # A real wagtail-localize translation (the same post's, into Simplified Chinese, a language
    # none of the roles may translate), so that the addresses naming one answer the same
    # whatever ids the demo was given.
    translation = Translation.objects.get(
        source__object_id=post.translation_key, target_locale__language_code="zh-hans"
    )
    return {
        "pk": post.pk,
        "translation_id": translation.pk,
        "translation_source_id": translation.source_id,
        "parent_page_id": post.get_parent().pk,
        "app_label": "news",
        "model_name": "newscategory",
        "snippet_pk": NewsCategory.objects.filter(locale__language_code="he").first().pk,
        "footer": Footer.objects.filter(locale__language_code="he").first().pk,
        "action_name": "publish",
        "content_type_app_name": "news",
        "content_type_model_name": "newspage",
    }


def client_for(role):
    client = Client(raise_request_exception=False)
    if role != "anonymous":
        client.force_login(get_user_model().objects.get(username=role))
    return client


def fingerprint():
    """What a POST could change, in a few numbers: pages, revisions, snippets, translations."""
    pages = Page.objects.aggregate(
        count=Count("pk"),
        live=Count("pk", filter=Q(live=True)),
        locked=Count("pk", filter=Q(locked=True)),
        revision=Max("latest_revision_id"),
        path=Max("path"),
    )
    return (
        pages,
        Revision.objects.count(),
        [(f.pk, f.live, f.latest_revision_id) for f in Footer.objects.order_by("pk")],
        list(NewsCategory.objects.order_by("pk").values_list("pk", "slug", "live")),
        StringTranslation.objects.count(),
        Translation.objects.filter(enabled=True).count(),
        WorkflowState.objects.count(),
        TaskState.objects.count(),
        get_user_model().objects.count(),
        Group.objects.count(),
        Collection.objects.count(),
        get_image_model().objects.count(),
        get_document_model().objects.count(),
    )


def post_and_roll_back(client, url, unchanged=False):
    with transaction.atomic():
        before = fingerprint() if unchanged else None
        response = client.post(url)
        if unchanged:
            assert fingerprint() == before, f"an empty POST to {url} changed data"
        transaction.set_rollback(True)
    return outcome(response)


def answers(client, role, url):
    """What ``role`` gets from ``url``: a GET, then an empty POST (rolled back)."""
    if url == "/admin/logout/" and role != "anonymous":
        return {role: "signs out", f"{role} POST": "signs out"}
    return {
        role: outcome(client.get(url)),
        f"{role} POST": post_and_roll_back(client, url, unchanged=role != "editor"),
    }


def record(actual):
    """UPDATE_PERMISSION_MATRIX=1: write this role's answers into the snapshot (run it without
    parallel workers, ``-p no:xdist``, so that the roles write one after the other)."""
    recorded = json.loads(EXPECTED.read_text())
    for route, row in actual.items():
        recorded.setdefault(route, {}).update(row)
    EXPECTED.write_text(json.dumps(recorded, indent=1, ensure_ascii=False) + "\n")


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_address_answers_each_role_as_recorded(objects, role):
    client = client_for(role)
    actual = {route: answers(client, role, concrete(route, objects)) for route in admin_patterns()}
    if os.environ.get("UPDATE_PERMISSION_MATRIX"):
        record(actual)
    expected = json.loads(EXPECTED.read_text())
    new = sorted(set(actual) - set(expected))
    assert new == [], "new admin addresses: review who may open them and record the answers"
    changed = {
        route: ({key: expected[route].get(key) for key in row}, row)
        for route, row in actual.items()
        if any(expected[route].get(key) != value for key, value in row.items())
    }
    assert changed == {}
    for route, row in actual.items():
        # Whatever else changes, these never do: anonymous visitors get no further than sign-in.
        if role == "anonymous" and route not in PUBLIC_ADMIN_PAGES:
            assert row["anonymous"] in ("login", "404", "405"), route
            assert row["anonymous POST"] in ("login", "404", "405"), route
        if route != "admin/failwhale/":  # Wagtail's page for trying out the error page
            assert "500" not in row.values(), route
