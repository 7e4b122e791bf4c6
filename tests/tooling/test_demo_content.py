"""What the demo's content must show a visitor: recent posts in every category, events of every
kind and place, films with no invented awards (on the demo database)."""

from datetime import timedelta

from django.utils import timezone
from django.utils.html import escape

from wagtail.models import Locale
from wagtail_localize.models import Translation

import pytest

from events.choices import EventStatus
from events.models import EventPage
from films.models import FilmPage
from home.models import HomePage, StandardPage
from news.models import NewsPage
from tests.factories.site import untranslated_models
from tools.demo import events as demo_events
from tools.demo import news as demo_news

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def test_demo_has_twelve_recent_posts_over_every_category_translated_three_times():
    posts = NewsPage.objects.filter(locale__language_code="en")
    assert posts.count() == 12
    assert all(timezone.now() - p.date < timedelta(weeks=6) for p in posts)
    used = set(posts.values_list("categories__slug", flat=True))
    assert used == {spec["slug"] for spec in demo_news.CATEGORIES}
    for post in posts:
        for language in demo_news.NEWS_LANGUAGES:
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
    nl, zh, he = (Locale.objects.get(language_code=c) for c in demo_events.EVENT_LANGUAGES)
    for page in [*events, *FilmPage.objects.filter(locale__language_code="en")]:
        for locale in (nl, zh, he):
            assert page.get_translation(locale).live


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
