"""Films: their screenings in every language, synced facts, the trailer, the demo films."""

from wagtail_localize.models import Translation

import pytest

from films.models import FilmIndexPage, FilmPage
from tests.events.helpers import EVENT_LANGUAGES, index
from tests.factories import FilmPageFactory, publish_event
from tests.utils import soup

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


# --- Films ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", EVENT_LANGUAGES)
def test_film_and_screening_link_each_other_in_every_language(client, language):
    film = FilmPage.objects.get(slug="hard-to-believe", locale__language_code=language)
    page = soup(client.get(film.url))
    screenings = page.select("[aria-labelledby=screenings-heading] .event-card__title a")
    assert len(screenings) == 1
    screening_url = screenings[0]["href"]
    assert screening_url.startswith(f"/{language}/")
    back = soup(client.get(screening_url)).find("a", href=film.url)
    assert back is not None


def test_film_original_title_stays_in_sync_across_languages():
    english = FilmPage.objects.get(slug="free-china", locale__language_code="en")
    english.original_title = "Free China"
    english.save_revision().publish()
    dutch = FilmPage.objects.get(slug="free-china", locale__language_code="nl")
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale__language_code="nl"
    )
    translation.source.update_from_db()
    translation.save_target(publish=False)
    dutch.refresh_from_db()
    assert dutch.get_latest_revision_as_object().original_title == "Free China"


def test_trailer_loads_nothing_until_the_reader_clicks(client):
    film = FilmPage.objects.get(slug="transcending-fear", locale__language_code="en")
    film.trailer_url = "https://www.youtube.com/watch?v=abc123"
    film.save_revision().publish()
    page = soup(client.get(film.url))
    assert page.find("iframe") is None
    figure = page.select_one("[data-video-embed]")
    assert figure["data-video-embed"].startswith("https://www.youtube-nocookie.com/embed/abc123")
    assert page.select_one(".video__play")["href"] == film.trailer_url


def test_demo_films_invent_no_awards():
    assert all(not film.awards for film in FilmPage.objects.all())


def test_a_film_made_by_the_factory_lists_its_screening_made_by_the_event_factory(client):
    films = FilmIndexPage.objects.get(locale__language_code="en")
    film = FilmPageFactory(parent=films, title="Factory marker film")
    publish_event(index(), title="Factory marker screening", kind="film_screening", film=film)
    page = soup(client.get(film.url))
    screenings = page.select("[aria-labelledby=screenings-heading] .event-card__title a")
    assert [a.get_text() for a in screenings] == ["Factory marker screening"]
