"""A picture's alternative text is typed once (the image's description, or the page's own text),
becomes part of the page so that translators translate it, and is shown in the reader's
language (site_core/models/images.py, site_core/blocks/media.py)."""

import json

from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.blocks import StructBlockValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment

import pytest

from events.models import EventPage
from films.models import FilmPage
from news.models import NewsPage
from site_core.blocks import ImageBlock
from site_core.models.images import fill_blank_alts
from tests.factories import (
    event_index,
    film_index,
    news_index,
    publish_event,
    publish_post,
    translate,
)
from tests.factories.content import standard_page
from tests.factories.films import FilmPageFactory
from tests.factories.images import image
from tests.translation_workflow.helpers import translation_of
from tests.utils import soup

pytestmark = pytest.mark.django_db

DESCRIPTION = "Candles on the square in front of the consulate"


def described_image(description=DESCRIPTION):
    return image("Vigil", description=description)


def alts(response):
    """The alternative text of every picture of the page's main content."""
    assert response.status_code == 200
    return [img.get("alt") for img in soup(response).select("main img")]


def post_with_picture(**fields):
    fields.setdefault("hero_image", described_image())
    return publish_post(news_index(), title="Vigil", slug="vigil", **fields)


def test_a_post_whose_alt_is_left_empty_takes_the_images_description(client):
    post = post_with_picture(hero_image_alt="")
    assert post.hero_image_alt == DESCRIPTION  # filled when saved: part of the page
    assert alts(client.get(post.url)) == [DESCRIPTION]


def test_the_alt_is_a_segment_the_translator_translates_and_the_dutch_page_shows(client):
    post = post_with_picture(hero_image_alt="")
    translate(post, "nl")
    segment = StringSegment.objects.get(
        source=translation_of(post, "nl").source, context__path="hero_image_alt"
    )
    assert segment.string.data == DESCRIPTION
    dutch = NewsPage.objects.get(translation_key=post.translation_key, locale__language_code="nl")
    assert dutch.hero_image_alt == f"[nl] {DESCRIPTION}"
    assert alts(client.get(dutch.url)) == [f"[nl] {DESCRIPTION}"]
    assert alts(client.get(post.url)) == [DESCRIPTION]


def test_an_alt_the_editor_types_wins_over_the_description(client):
    post = post_with_picture(hero_image_alt="Hundreds of candles at dusk")
    assert alts(client.get(post.url)) == ["Hundreds of candles at dusk"]


def test_a_page_saved_before_the_default_shows_the_description(client):
    post = post_with_picture()
    NewsPage.objects.filter(pk=post.pk).update(hero_image_alt="")
    assert alts(client.get(post.url)) == [DESCRIPTION]


def test_a_hostile_alt_is_escaped(client):
    hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    post = post_with_picture(hero_image_alt=hostile)
    response = client.get(post.url)
    html = response.content.decode()
    assert "<script>alert(1)" not in html and "onerror=alert(2)>" not in html
    assert alts(response) == [hostile]  # shown as text, whole


def test_events_films_and_the_home_page_follow_the_same_rule(client):
    event = publish_event(event_index(), title="Stand", slug="stand", image=described_image())
    film = FilmPageFactory.build(title="Film", slug="film", poster=described_image())
    film_index().add_child(instance=film)
    film.save_revision().publish()
    assert EventPage.objects.get(pk=event.pk).image_alt == DESCRIPTION
    assert FilmPage.objects.get(pk=film.pk).poster_alt == DESCRIPTION
    assert alts(client.get(event.url)) == [DESCRIPTION]
    assert DESCRIPTION in alts(client.get(film.url))


def test_a_dutch_page_is_not_given_the_english_description():
    # The library's descriptions are written in English: another language gets its text by
    # translation (or its editor types it), never the English description copied into it.
    dutch = publish_post(
        news_index("nl"), title="Wake", slug="wake", hero_image=described_image(), hero_image_alt=""
    )
    assert dutch.hero_image_alt == ""


# --- images in a page's body ---------------------------------------------------------------


def body_with_picture(**value):
    picture = described_image()
    value = {"image": picture.pk, "alt_text": "", "decorative": False, "caption": ""} | value
    return json.dumps([{"type": "image", "value": value}])


def test_an_image_block_left_empty_takes_the_description_and_is_translated(client):
    page = standard_page("Vigils", "vigils", body=body_with_picture())
    assert page.body[0].value["alt_text"] == DESCRIPTION
    dutch = translate(page, "nl")
    assert dutch.body[0].value["alt_text"] == f"[nl] {DESCRIPTION}"
    assert alts(client.get(dutch.url)) == [f"[nl] {DESCRIPTION}"]


def test_a_picture_marked_decorative_has_an_empty_alt(client):
    page = standard_page("Vigils", "vigils", body=body_with_picture(decorative=True))
    assert alts(client.get(page.url)) == [""]


def test_an_image_block_with_no_text_anywhere_is_refused_unless_decorative():
    block = ImageBlock()
    bare = image("Untitled")
    value = block.to_python({"image": bare.pk, "alt_text": "", "decorative": False, "caption": ""})
    with pytest.raises(StructBlockValidationError):
        block.clean(value)
    value["decorative"] = True
    assert block.clean(value)["alt_text"] == ""


# --- the admin: asked once -----------------------------------------------------------------


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("boss", "b@example.org", "pw"))
    return client


def post_form(picture, alt="", body=None):
    return nested_form_data(
        {
            "title": "A new report",
            "slug": "a-new-report",
            "date": "2026-11-20 10:00",
            "author": "A reporter",
            "summary": "What happened.",
            "hero_image": picture.pk,
            "hero_image_alt": alt,
            "body": body or streamfield([("paragraph", rich_text("<p>Details.</p>"))]),
            "tags": "",
            "related_posts": inline_formset([]),
        }
    )


def test_the_image_form_asks_for_the_description_once_and_says_where_it_goes(admin_client):
    # What the forms show: the image's form has "Description" (what the picture shows, used by
    # every page that shows it); a page's form has an optional alternative text that says it
    # is filled from that description and translated with the page.
    picture = described_image()
    html = admin_client.get(reverse("wagtailimages:edit", args=[picture.pk])).content.decode()
    assert "Every page that uses the picture starts from this text" in html
    add = reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index().pk])
    page = soup(admin_client.get(add))
    field = page.select_one("input[name=hero_image_alt]")
    assert field is not None and not field.has_attr("required")
    assert "Leave empty to use the image's description" in str(page)


def test_creating_a_post_in_the_admin_with_a_described_picture_needs_no_alt(admin_client):
    add = reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index().pk])
    response = admin_client.post(add, post_form(described_image()))
    assert response.status_code == 302
    assert NewsPage.objects.get(slug="a-new-report").hero_image_alt == DESCRIPTION


def test_a_picture_with_no_description_and_no_alt_is_refused_in_the_admin(admin_client):
    add = reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index().pk])
    response = admin_client.post(add, post_form(image("Untitled")))
    assert response.status_code == 200
    assert "give the image a description in the Images library" in response.content.decode()
    assert not NewsPage.objects.filter(slug="a-new-report").exists()


def test_an_image_block_in_the_admin_gets_the_description(admin_client):
    picture = described_image()
    body = streamfield(
        [("image", {"image": picture.pk, "alt_text": "", "decorative": "", "caption": ""})]
    )
    add = reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index().pk])
    response = admin_client.post(add, post_form(picture, body=body))
    assert response.status_code == 302
    post = NewsPage.objects.get(slug="a-new-report")
    assert post.body[0].value["alt_text"] == DESCRIPTION


# --- existing pages ------------------------------------------------------------------------


def test_the_data_migration_fills_english_pages_only():
    english = post_with_picture()
    dutch = translate(english, "nl")
    NewsPage.objects.filter(pk__in=[english.pk, dutch.pk]).update(hero_image_alt="")
    fill_blank_alts("news.NewsPage", "hero_image", "hero_image_alt")(apps, None)
    assert NewsPage.objects.get(pk=english.pk).hero_image_alt == DESCRIPTION
    assert NewsPage.objects.get(pk=dutch.pk).hero_image_alt == ""
