"""The demo's news, events and films sections: index pages, categories, posts, films and
events in English, then their translations."""

from datetime import time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from wagtail.models import Locale
from wagtail.rich_text import RichText

from events.models import EventIndexPage, EventOccurrence, EventPage, EventStatus
from films.models import FilmIndexPage, FilmPage
from news.models import NewsCategory, NewsIndexPage, NewsPage
from tools.demo import content, news
from tools.demo import events as events_demo
from tools.demo.translations import translate, translate_into

# The alternative text of each demo image, already translated for the home page and activism.
IMAGE_ALTS = {
    "hero": content.HOME["hero_image_alt"],
    "parade": next(v for k, v in content.ACTIVISM["body"] if k == "image")["alt_text"],
}


def load_news(progress, locales, home, demo_images):
    """The news categories, the news index and the posts, each with its translations."""
    categories = {spec["slug"]: create_category(progress, spec) for spec in news.CATEGORIES}
    for category in categories.values():
        for language in news.INDEX_LANGUAGES:
            translate(progress, category, locales[language])
    news_index = create_index(progress, home, NewsIndexPage, news.INDEX)
    for language in news.INDEX_LANGUAGES:
        translate(progress, news_index, locales[language])
    posts = [
        create_post(progress, news_index, spec, categories, demo_images) for spec in news.POSTS
    ]
    for spec, post in zip(news.POSTS, posts, strict=True):
        translate_into(progress, post, locales, languages_of(spec, news.NEWS_LANGUAGES))


def load_events_and_films(progress, locales, home):
    """The event and film indexes, the films and the events, each with its translations."""
    event_index = create_index(progress, home, EventIndexPage, events_demo.EVENT_INDEX)
    film_index = create_index(progress, home, FilmIndexPage, events_demo.FILM_INDEX)
    for index in (event_index, film_index):
        for language in events_demo.INDEX_LANGUAGES:
            translate(progress, index, locales[language])
    films = {
        str(spec["slug"]): create_film(progress, film_index, spec) for spec in events_demo.FILMS
    }
    for film in films.values():
        translate_into(progress, film, locales, events_demo.EVENT_LANGUAGES)
    for spec in events_demo.EVENTS:
        event = create_event(progress, event_index, spec, films)
        translate_into(progress, event, locales, languages_of(spec, events_demo.EVENT_LANGUAGES))


def languages_of(spec, languages):
    """The languages an item is translated into: all but those it is still waiting for."""
    return [code for code in languages if code not in spec.get("waiting_for", ())]


# --- news ----------------------------------------------------------------------------


def create_category(progress, spec):
    """An English news category (a translatable snippet)."""
    english = Locale.get_default()
    category = NewsCategory.objects.filter(locale=english, slug=spec["slug"]).first()
    if category is not None:
        progress(f"Category kept: {category}")
        return category
    category = NewsCategory.objects.create(
        locale=english, slug=spec["slug"], name=str(spec["name"])
    )
    category.save_revision().publish()
    progress(f"Category created: {category}")
    return category


def create_post(progress, index, spec, categories, demo_images):
    """An English news post, dated ``hours_ago`` before now."""
    slug = str(spec["slug"])
    post = NewsPage.objects.child_of(index).filter(slug=slug).first()
    if post is not None:
        progress(f"Post kept: {post.title}")
        return post
    image_key = spec.get("image")
    post = NewsPage(
        title=str(spec["title"]),
        slug=slug,
        date=timezone.now() - timedelta(hours=spec["hours_ago"]),
        author=str(news.AUTHOR),
        summary=str(spec["summary"]),
        hero_image=demo_images[image_key] if image_key else None,
        hero_image_alt=str(IMAGE_ALTS[image_key]) if image_key else "",
        body=[("paragraph", RichText("".join(f"<p>{p}</p>" for p in spec["paragraphs"])))],
    )
    post.categories = [categories[slug] for slug in spec["categories"]]
    index.add_child(instance=post)
    post.tags.add(*spec["tags"])
    post.save_revision().publish()
    progress(f"Post created: {post.title}")
    return post


# --- events and films -------------------------------------------------------------------


def create_index(progress, home, model, spec):
    """The index page of ``model`` (news, events or films) below the home page, in the menus."""
    index = model.objects.child_of(home).first()
    if index is not None:
        progress(f"Page kept: {index.title}")
        return index
    index = model(
        title=str(spec["title"]),
        slug=str(spec["slug"]),
        intro=str(spec["intro"]),
        show_in_menus=True,
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    progress(f"Page created: {index.title}")
    return index


def create_film(progress, index, spec):
    """An English film page."""
    film = FilmPage.objects.child_of(index).filter(slug=str(spec["slug"])).first()
    if film is not None:
        progress(f"Film kept: {film.title}")
        return film
    film = FilmPage(
        title=str(spec["title"]),
        slug=str(spec["slug"]),
        original_title=str(spec["title"]),
        year=spec["year"],
        synopsis=f"<p>{spec['synopsis']}</p>",
        search_description=str(spec["synopsis"]),
    )
    index.add_child(instance=film)
    film.save_revision().publish()
    progress(f"Film created: {film.title}")
    return film


def create_event(progress, index, spec, films):
    """An English event ``days`` from today in its own time zone, maybe of a film."""
    slug = str(spec["slug"])
    event = EventPage.objects.child_of(index).filter(slug=slug).first()
    if event is not None:
        progress(f"Event kept: {event.title}")
        return event
    day = timezone.now().astimezone(ZoneInfo(spec["zone"])).date() + timedelta(days=spec["days"])
    latitude, longitude = spec.get("coordinates", (None, None))
    event = EventPage(
        title=str(spec["title"]),
        slug=slug,
        summary=str(spec["summary"]),
        kind=spec["kind"],
        status=EventStatus.CANCELLED if spec.get("cancelled") else EventStatus.SCHEDULED,
        status_notice=str(spec.get("cancelled", "")),
        time_zone=spec["zone"],
        repeat_weekly_until=(
            day + timedelta(weeks=spec["repeat_weeks"]) if spec.get("repeat_weeks") else None
        ),
        venue=str(spec.get("venue", "")),
        city=str(spec["city"]),
        country=str(spec["country"]),
        latitude=latitude,
        longitude=longitude,
        film=films.get(spec.get("film")),
    )
    event.occurrences = [occurrence(spec, day)]
    index.add_child(instance=event)
    event.save_revision().publish()
    progress(f"Event created: {event.title}")
    return event


def occurrence(spec, day):
    """The event's first occurrence on ``day``: all day (for days) or at its local times."""
    if "all_day_days" in spec:
        return EventOccurrence(
            start_date=day,
            end_date=day + timedelta(days=spec["all_day_days"] - 1),
            all_day=True,
        )
    start, end = (time.fromisoformat(value) for value in spec["time"])
    return EventOccurrence(start_date=day, start_time=start, end_date=day, end_time=end)
