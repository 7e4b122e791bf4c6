"""What the translation workflow's tests share: the team (an editor, a Dutch translator and
reviewer, a Hebrew translator), posts, footers and categories translated through
wagtail-localize, typing and translating segments, publishing through the admin, the overview's
cells, and a sync that fails for Dutch."""

import datetime
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object

from news.models import NewsPage
from site_core.translation_workflow import sync as translation_sync
from tests.factories import (
    FooterFactory,
    NewsCategoryFactory,
    editor,
    news_index,
    publish_post,
    reviewer,
    translate,
    translator,
)
from tests.utils import locale, soup

LANGUAGES = ["nl", "de", "fr", "es", "zh-hans", "zh-hant", "he"]
UNSUBMITTED = "UNSUBMITTED-TRANSLATOR-TEXT-41c9"
MARKER = "UNPUBLISHED-HEBREW-DRAFT-7f3a"

POST = {
    "title": "Vigil for the detained",
    "slug": "vigil-for-the-detained",
    "summary": "Candles were lit in front of the consulate.",
    "author": "A reporter",
    "paragraph": "<p>Hundreds of people came.</p>",
}


DATE = timezone.make_aware(datetime.datetime(2026, 11, 20, 10, 0))


def team():
    """Who works on the translations, each with a full name (the admin's user form requires
    one): an editor (Emma Editor), a Dutch translator and reviewer and a Hebrew translator.
    Hebrew (like every language but Dutch) has no reviewer: the editors stand in for it."""

    def named(person, full_name):
        person.first_name, person.last_name = full_name.split()
        person.save()
        return person

    return SimpleNamespace(
        editor=named(editor(), "Emma Editor"),
        translator_nl=named(translator("nl"), "Daan Translator"),
        reviewer_nl=named(reviewer("nl"), "Sanne Reviewer"),
        translator_he=named(translator("he"), "Noa Translator"),
    )


def login(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


def translated_post(*codes, **fields):
    """A published English post (a title, a summary and one paragraph), translated into each of
    ``codes`` through wagtail-localize ("[nl] <English>") and published there."""
    fields = {
        "title": POST["title"],
        "slug": POST["slug"],
        "summary": POST["summary"],
        "author": POST["author"],
        "body": [("paragraph", POST["paragraph"])],
        "date": DATE,
    } | fields
    post = publish_post(news_index(), **fields)
    for code in codes:
        news_index(code)
        translate(post, code)
    return post


def footer(*codes):
    """The English footer (a contact text, an e-mail address, a social link), published with a
    revision and translated into each of ``codes``."""
    english = FooterFactory(
        contact_text="<p>Write to us.</p>",
        social_links=[("link", {"label": "Mastodon", "url": "https://social.example.org/@us"})],
    )
    english.save_revision().publish()
    for code in codes:
        translate(english, code)
    return english


def category(*codes):
    """A published English news category, translated into each of ``codes``."""
    english = NewsCategoryFactory(name="Appeals", slug="appeals")
    english.save_revision().publish()
    for code in codes:
        translate(english, code)
    return english


def translation_of(instance, code):
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale__language_code=code
    )


def publish_english(page, user=None):
    page.save_revision(user=user).publish(user=user)


def live(page, code):
    return NewsPage.objects.get(translation_key=page.translation_key, locale__language_code=code)


def new_english_page(title="Solidarity vigil report"):
    """A published English post no language has translated yet."""
    return publish_post(
        news_index(),
        title=title,
        slug="solidarity-vigil-report",
        summary="Candles were lit in front of the consulate.",
        body=[("paragraph", "<p>Hundreds of people came.</p>")],
        date=DATE,
    )


def type_without_submitting(client, username, translation, path, text):
    """What a translator does in wagtail-localize's editor: save one string, submit nothing."""
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    login(client, username)
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        f"value={text}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    client.logout()


def translate_every_segment(translation, prefix, *, overwrite=True):
    """Fill every segment with "<prefix><English text>" (like a translator would; the strings
    already translated are kept unless ``overwrite``), then publish the translation.

    Returns the translated page or snippet.
    """
    save = (
        StringTranslation.objects.update_or_create
        if overwrite
        else StringTranslation.objects.get_or_create
    )
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        save(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": f"{prefix}{segment.string.data}"},
        )
    translation.save_target(publish=False)
    translated = translation.get_target_instance()
    translated.get_latest_revision().publish()
    return translated


def translate_and_publish(page, code):
    """A Dutch (or other) translation of ``page``, every string translated, live."""
    translate_object(page, [locale(code)])
    return translate_every_segment(translation_of(page, code), f"{code.upper()} ").specific


def publish_through_the_admin(client, page, date):
    """The English post's edit form, posted with "Publish" (the text itself unchanged)."""
    body = streamfield([("paragraph", rich_text(POST["paragraph"]))])
    body["0"]["id"] = page.body[0].id  # as the editor's browser sends it: the same block
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        nested_form_data(
            {
                "title": POST["title"],
                "slug": POST["slug"],
                "date": date,
                "author": POST["author"],
                "summary": POST["summary"],
                "hero_image_alt": "",
                "body": body,
                "tags": "",
                "related_posts": inline_formset([]),
            }
        )
        | {"action-publish": "action-publish"},
        follow=True,
    )
    assert response.status_code == 200
    page.refresh_from_db()
    assert page.date.strftime("%Y-%m-%d %H:%M") == date, "the English post was not published"
    return response


def break_dutch_sync(monkeypatch):
    """From now on the sync fails for Dutch (finding the Dutch page or snippet raises: the first
    step of every kind of sync, a structure republished or a draft saved)."""
    find = translation_sync.target_instance

    def broken(translation):
        if translation.target_locale.language_code == "nl":
            raise RuntimeError("simulated failure")
        return find(translation)

    monkeypatch.setattr(translation_sync, "target_instance", broken)


def assert_refused(response, url):
    assert response.status_code in (302, 403, 404), (url, response.status_code)
    if response.status_code == 302:
        location = response["Location"]
        assert "/admin/" in location and url not in location, (url, location)
        assert "/edit/" not in location and "preview" not in location, (url, location)
    assert MARKER not in response.content.decode(errors="replace"), url


def grid_cells(client, query=""):
    response = client.get(reverse("site_translation_overview") + query)
    assert response.status_code == 200
    cells = {}
    for row in soup(response).select("table.translation-overview tbody tr"):
        title = row.select_one("th").get_text(" ", strip=True).replace(" draft", "")
        for cell in row.select("td[data-language]"):
            cells[(title, cell["data-language"])] = cell
    return cells
