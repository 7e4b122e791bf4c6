"""What the demo's content must show a visitor: recent posts in every category, events of every
kind and place, films with no invented awards (on the demo database)."""

import re
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.html import escape

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

import opencc
import pytest

from events.choices import EventStatus
from events.models import EventPage
from films.models import FilmPage
from home.models import HomePage, StandardPage
from news.models import NewsPage
from tests.factories.site import untranslated_models
from tests.utils import soup
from tools.demo import content as demo_content
from tools.demo import events as demo_events
from tools.demo import news as demo_news

pytestmark = [pytest.mark.django_db, pytest.mark.demo]
# English posts and events the demo has not translated into some languages yet (their readers
# find them among the English items of their listings).
WAITING = {
    str(spec["title"]): set(spec["waiting_for"])
    for spec in [*demo_news.POSTS, *demo_events.EVENTS]
    if "waiting_for" in spec
}


def waiting(page, language):
    return language in WAITING.get(page.title, ())


SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def test_demo_has_twelve_recent_posts_over_every_category_translated_into_every_language():
    posts = NewsPage.objects.filter(locale__language_code="en")
    assert posts.count() == 12
    assert all(timezone.now() - p.date < timedelta(weeks=6) for p in posts)
    used = set(posts.values_list("categories__slug", flat=True))
    assert used == {spec["slug"] for spec in demo_news.CATEGORIES}
    for post in posts:
        for language in demo_news.NEWS_LANGUAGES:
            if waiting(post, language):
                locale = Locale.objects.get(language_code=language)
                assert post.get_translation_or_none(locale) is None
                continue
            translation = Translation.objects.get(
                source__object_id=post.translation_key, target_locale__language_code=language
            )
            done, total = translation.get_progress()
            assert done == total
            assert post.get_translation(Locale.objects.get(language_code=language)).live


def test_demo_events_cover_kinds_places_past_future_cancelled_and_recurring():
    events = EventPage.objects.filter(locale__language_code="en")
    assert events.count() >= 10
    assert len(set(events.values_list("kind", flat=True))) >= 7
    assert len(set(events.values_list("city", flat=True))) >= 10
    now = timezone.now()
    assert any(e.next_start(now) for e in events) and any(not e.next_start(now) for e in events)
    assert events.filter(status=EventStatus.CANCELLED).count() == 1
    assert events.filter(repeat_weekly_until__isnull=False).count() == 1
    locales = [Locale.objects.get(language_code=c) for c in demo_events.EVENT_LANGUAGES]
    for page in [*events, *FilmPage.objects.filter(locale__language_code="en")]:
        for locale in locales:
            if not waiting(page, locale.language_code):
                assert page.get_translation(locale).live


def test_every_language_has_live_posts_events_films_and_sections_made_through_wagtail_localize():
    """Each of the seven languages has the whole tree: every English post, event, film and
    section page has a live translation, and a wagtail-localize Translation made it."""
    others = sorted(code for code, _name in settings.LANGUAGES if code != "en")
    assert sorted(demo_content.FULL_LANGUAGES) == others
    english = list(Page.objects.filter(locale__language_code="en", depth__gt=2).specific())
    for model in (NewsPage, EventPage, FilmPage, StandardPage):
        assert any(isinstance(page, model) for page in english), model
    (draft,) = demo_content.DRAFT_TRANSLATIONS  # how-you-can-help: Dutch in progress
    for language in demo_content.FULL_LANGUAGES:
        live = Page.objects.live().filter(locale__language_code=language)
        for model in (NewsPage, EventPage, FilmPage, StandardPage):
            assert live.type(model).exists(), (language, model)
        made = set(
            Translation.objects.filter(target_locale__language_code=language).values_list(
                "source__object_id", flat=True
            )
        )
        locale = Locale.objects.get(language_code=language)
        for page in english:
            if waiting(page, language):
                assert page.translation_key not in made, (language, page)
                continue
            assert page.translation_key in made, (language, page)
            in_progress = (str(draft[0]["slug"]), draft[1]) == (page.slug, language)
            assert page.get_translation(locale).live != in_progress, (language, page)


def test_traditional_chinese_is_the_simplified_chinese_translation_converted():
    """Outside the home page and footer (written by hand), zh-hant is OpenCC's conversion of
    zh-hans, through wagtail-localize (a Translation with every segment filled)."""
    convert = opencc.OpenCC("s2twp").convert
    differ = 0
    for simplified in NewsPage.objects.filter(locale__language_code="zh-hans"):
        if waiting(simplified.get_translation(Locale.get_default()), "zh-hant"):
            continue
        traditional = NewsPage.objects.get(
            translation_key=simplified.translation_key, locale__language_code="zh-hant"
        )
        assert traditional.title == convert(simplified.title)
        assert traditional.summary == convert(simplified.summary)
        differ += traditional.title != simplified.title
    assert differ >= 6  # most titles have a character that differs between the scripts


def test_every_demo_string_is_written_in_every_language_or_is_the_same_in_all():
    """German, French, Spanish, Dutch, Simplified Chinese and Hebrew for every string; only the
    page whose Dutch translation is the demo's draft in progress lacks Dutch."""
    draft_strings = {
        item for spec, _language in demo_content.DRAFT_TRANSLATIONS for item in strings_of(spec)
    }
    for english, item in demo_content.REGISTRY.items():
        expected = set(demo_content.WRITTEN_LANGUAGES)
        if item in draft_strings and "nl" not in item.translations:
            expected.discard("nl")
        assert expected <= set(item.translations), english
        for language in expected:
            assert item.translations[language].strip(), (english, language)
        if SLUG.fullmatch(english):  # a slug translates into a slug: ASCII, lowercase, hyphenated
            assert all(SLUG.fullmatch(text) for text in item.translations.values()), item


def strings_of(spec):
    """Every registered string (T) in a page spec, however deeply nested."""
    if isinstance(spec, demo_content.T):
        yield spec
    elif isinstance(spec, dict):
        for value in spec.values():
            yield from strings_of(value)
    elif isinstance(spec, (list, tuple)):
        for value in spec:
            yield from strings_of(value)


def test_demo_films_invent_no_awards():
    assert FilmPage.objects.exists()
    assert all(not film.awards for film in FilmPage.objects.all())


def test_the_demo_translates_an_object_of_every_translatable_model():
    """Every page type and translatable snippet appears in the demo through wagtail-localize."""
    assert untranslated_models() == set()


def test_every_demo_picture_has_alternative_text_in_its_pages_language(client):
    """Each picture readers get (posts, the home page, images in a body), in every language:
    a text, translated (not the English one) outside English, and so in the HTML."""
    pictures = 0
    for model, image_field, alt_field in (
        (NewsPage, "hero_image", "hero_image_alt"),
        (HomePage, "hero_image", "hero_image_alt"),
    ):
        for page in model.objects.live().filter(**{f"{image_field}__isnull": False}):
            alt = getattr(page, alt_field)
            assert alt.strip(), page
            if page.locale.language_code != "en":
                english = model.objects.get(
                    translation_key=page.translation_key, locale__language_code="en"
                )
                assert alt != getattr(english, alt_field), page
            assert f'alt="{escape(alt)}"' in client.get(page.url).content.decode(), page
            pictures += 1
    for page in StandardPage.objects.live():
        for block in page.body:
            if block.block_type == "image" and not block.value.get("decorative"):
                assert block.value["alt_text"].strip(), page
                pictures += 1
    assert pictures >= 20  # the posts' and home pages' pictures in each language


@pytest.mark.parametrize(
    ("code", "names"), [("zh-hans", {"判刑", "辽宁"}), ("he", {"גזרי דין", "ליאונינג"})]
)
def test_demo_posts_show_tag_names_in_their_language(client, code, names):
    # Issue 17: the demo's Chinese post showed "sentencing" and "Liaoning".
    post = (
        NewsPage.objects.live()
        .filter(locale__language_code=code, tags__slug="liaoning")
        .order_by("pk")
        .first()
    )
    links = soup(client.get(post.url)).select(".article__tags a")
    assert {link.get_text() for link in links} == names
    assert not any(link.find("span") for link in links)  # none fell back to English
