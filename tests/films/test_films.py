"""Films: their screenings in every language, synced facts, the trailer, the demo films."""

from wagtail_localize.models import Translation

import pytest

from films.models import FilmPage
from tests.factories import (
    FilmPageFactory,
    event_index,
    film_index,
    publish_event,
    translate,
)
from tests.utils import soup

pytestmark = [pytest.mark.django_db]

# English and the languages the demo shows films and screenings in.
SCREENING_LANGUAGES = ["en", "nl", "zh-hans", "he"]


def film(**fields):
    """A published English film."""
    page = FilmPageFactory(parent=film_index(), **fields)
    page.save_revision().publish()
    return FilmPage.objects.get(pk=page.pk)


def in_language(page, code):
    """``page`` itself in English, else its translation into ``code`` (whose section must be
    there: ``film_index(code)``, ``event_index(code)``)."""
    return page if code == "en" else translate(page, code)


# --- Films ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", SCREENING_LANGUAGES)
def test_film_and_screening_link_each_other_in_every_language(client, language):
    english = film(title="Hard to Believe")
    screening = publish_event(event_index(), kind="film_screening", film=english)
    film_index(language)
    event_index(language)
    shown = in_language(english, language)
    in_language(screening, language)
    page = soup(client.get(shown.url))
    screenings = page.select("[aria-labelledby=screenings-heading] .event-card__title a")
    assert len(screenings) == 1
    screening_url = screenings[0]["href"]
    assert screening_url.startswith(f"/{language}/")
    back = soup(client.get(screening_url)).find("a", href=shown.url)
    assert back is not None


def test_film_original_title_stays_in_sync_across_languages():
    english = film(original_title="Free China: The Courage to Believe")
    film_index("nl")
    dutch = in_language(english, "nl")
    english.original_title = "Free China"
    english.save_revision().publish()
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale__language_code="nl"
    )
    translation.source.update_from_db()
    translation.save_target(publish=False)
    dutch.refresh_from_db()
    assert dutch.get_latest_revision_as_object().original_title == "Free China"


def test_trailer_loads_nothing_until_the_reader_clicks(client):
    page = film()
    page.trailer_url = "https://www.youtube.com/watch?v=abc123"
    page.save_revision().publish()
    html = soup(client.get(page.url))
    assert html.find("iframe") is None
    figure = html.select_one("[data-video-embed]")
    assert figure["data-video-embed"].startswith("https://www.youtube-nocookie.com/embed/abc123")
    assert html.select_one(".video__play")["href"] == page.trailer_url


def test_a_film_made_by_the_factory_lists_its_screening_made_by_the_event_factory(client):
    page = FilmPageFactory(parent=film_index(), title="Factory marker film")
    publish_event(event_index(), title="Factory marker screening", kind="film_screening", film=page)
    html = soup(client.get(page.url))
    screenings = html.select("[aria-labelledby=screenings-heading] .event-card__title a")
    assert [a.get_text() for a in screenings] == ["Factory marker screening"]
