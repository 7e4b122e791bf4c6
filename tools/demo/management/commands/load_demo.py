"""Load the multilingual demo site: locales, pages, translations, footer and an admin account."""

import html
import re
import secrets
from datetime import time, timedelta
from io import BytesIO
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from events.models import EventIndexPage, EventOccurrence, EventPage, EventStatus
from films.models import FilmIndexPage, FilmPage
from home.models import HomePage, HomePageFeaturedPage, StandardPage
from news.models import NewsCategory, NewsIndexPage, NewsPage
from site_core.blocks import BodyBlock
from site_core.models import Footer
from site_core.translation_workflow.roles import (
    EDITORS,
    reviewer_group_name,
    setup_roles,
    translator_group_name,
)
from tools.demo import content, images, news
from tools.demo import events as events_demo

ADMIN_USERNAME = "admin"

# The demo team: (username, full name, language, role group). One password for all of them.
DEMO_USERS = [
    ("editor", "Emma Editor", None, EDITORS),
    ("translator-nl", "Daan Translator", "nl", "translators"),
    ("reviewer-nl", "Sanne Reviewer", "nl", "reviewers"),
    ("translator-he", "Noa Translator", "he", "translators"),
]


def _normalise(text):
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


# The alternative text of each demo image, already translated for the home page and activism.
IMAGE_ALTS = {
    "hero": content.HOME["hero_image_alt"],
    "parade": next(v for k, v in content.ACTIVISM["body"] if k == "image")["alt_text"],
}

TRANSLATIONS = {_normalise(key): item for key, item in content.REGISTRY.items()}


class Command(BaseCommand):
    help = (
        "Create the demo site: every configured locale, the English pages, their translations "
        "(made through wagtail-localize), the footer and an admin account. Safe to run again: "
        "what exists is kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-admin", action="store_true", help="Do not create the admin account."
        )
        parser.add_argument(
            "--no-index",
            action="store_true",
            help="Do not rebuild the search index at the end (pages are indexed as they are "
            "saved; the rebuild picks up fields added to the index since).",
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        self.steps_done = 0
        self.steps_total = (
            1  # locales
            + len(content.IMAGES)
            + 1  # home
            + len(content.CHILD_PAGES)
            + 1  # footer
            + len(content.HOME_LANGUAGES) * 2  # home + footer translations
            + len(content.DRAFT_TRANSLATIONS)
            + sum(len(languages) for _spec, languages in content.CHILD_PAGES)
            + len(news.CATEGORIES) * (1 + len(news.INDEX_LANGUAGES))
            + 1
            + len(news.INDEX_LANGUAGES)
            + len(news.POSTS) * (1 + len(news.NEWS_LANGUAGES))
            + 2 * (1 + len(events_demo.INDEX_LANGUAGES))
            + len(events_demo.FILMS) * (1 + len(events_demo.EVENT_LANGUAGES))
            + len(events_demo.EVENTS) * (1 + len(events_demo.EVENT_LANGUAGES))
            + 1  # roles
            + (0 if options["no_admin"] else 1)
            + len(DEMO_USERS)
            + 1  # search index
        )
        with transaction.atomic():
            locales = self.create_locales()
            demo_images = {key: self.get_image(spec) for key, spec in content.IMAGES.items()}
            home = self.create_home(demo_images)
            children = {}
            for spec, _languages in content.CHILD_PAGES:
                children[str(spec["slug"])] = self.create_child(home, spec, demo_images)
            self.set_featured(home, children)
            footer = self.create_footer()

            for language in content.HOME_LANGUAGES:
                self.translate(home, locales[language])
            for spec, languages in content.CHILD_PAGES:
                for language in languages:
                    self.translate(children[str(spec["slug"])], locales[language])
            for language in content.HOME_LANGUAGES:
                self.translate(footer, locales[language])
            for spec, language in content.DRAFT_TRANSLATIONS:
                self.translate(children[str(spec["slug"])], locales[language], draft=True)

            categories = {spec["slug"]: self.create_category(spec) for spec in news.CATEGORIES}
            for category in categories.values():
                for language in news.INDEX_LANGUAGES:
                    self.translate(category, locales[language])
            news_index = self.create_index(home, NewsIndexPage, news.INDEX)
            for language in news.INDEX_LANGUAGES:
                self.translate(news_index, locales[language])
            posts = [
                self.create_post(news_index, spec, categories, demo_images) for spec in news.POSTS
            ]
            for post in posts:
                for language in news.NEWS_LANGUAGES:
                    self.translate(post, locales[language])

            event_index = self.create_index(home, EventIndexPage, events_demo.EVENT_INDEX)
            film_index = self.create_index(home, FilmIndexPage, events_demo.FILM_INDEX)
            for index in (event_index, film_index):
                for language in events_demo.INDEX_LANGUAGES:
                    self.translate(index, locales[language])
            films = {
                str(spec["slug"]): self.create_film(film_index, spec) for spec in events_demo.FILMS
            }
            for film in films.values():
                for language in events_demo.EVENT_LANGUAGES:
                    self.translate(film, locales[language])
            for spec in events_demo.EVENTS:
                event = self.create_event(event_index, spec, films)
                for language in events_demo.EVENT_LANGUAGES:
                    self.translate(event, locales[language])
            setup_roles()
            self.progress("Roles and review workflows ready (setup_roles)")
        if not options["no_admin"]:
            self.create_admin()
        self.create_demo_users()
        if options["no_index"]:
            self.progress("Search index kept")
        else:
            call_command("update_index", verbosity=0)
            self.progress("Search index rebuilt")
        self.stdout.write(self.style.SUCCESS("Demo site ready."))

    # --- progress -----------------------------------------------------------------------

    def progress(self, message):
        self.steps_done += 1
        if self.verbosity < 1:
            return
        width = len(str(self.steps_total))
        self.stdout.write(f"[{self.steps_done:>{width}}/{self.steps_total}] {message}")

    # --- locales, images --------------------------------------------------------------------

    def create_locales(self):
        locales = {}
        for code, _name in settings.LANGUAGES:
            locales[code], _created = Locale.objects.get_or_create(language_code=code)
        self.progress(f"Locales: {', '.join(locales)}")
        return locales

    def get_image(self, spec):
        image_model = get_image_model()
        image = image_model.objects.filter(title=spec["title"]).first()
        if image is None:
            data = images.render(spec["style"], spec["size"])

            image = image_model(title=spec["title"])
            image.file = ImageFile(BytesIO(data), name=f"{slugify(spec['title'])}.jpg")
            image.save()
            self.progress(f"Image drawn: {spec['title']}")
        else:
            self.progress(f"Image kept: {spec['title']}")
        return image

    # --- English pages --------------------------------------------------------------------

    def build_body(self, blocks, demo_images, pages=None):
        body = []
        for block_type, value in blocks:
            if block_type == "paragraph":
                body.append((block_type, RichText("".join(f"<p>{p}</p>" for p in value))))
            elif block_type == "call_to_action":
                value = {k: str(v) for k, v in value.items() if k != "page"}
                body.append((block_type, {**value, "url": ""}))
            elif block_type == "image":
                body.append(
                    (
                        block_type,
                        {
                            "image": demo_images[value["image"]],
                            "alt_text": str(value["alt_text"]),
                            "caption": str(value["caption"]),
                        },
                    )
                )
            else:
                body.append((block_type, {k: str(v) for k, v in value.items()}))
        return [(block_type, self.with_defaults(block_type, value)) for block_type, value in body]

    @staticmethod
    def with_defaults(block_type, value):
        """Fill the fields a spec leaves out, as the editor would (empty, never None)."""
        block = BodyBlock().child_blocks[block_type]
        if not hasattr(block, "child_blocks"):
            return value
        defaults = {name: child.get_default() for name, child in block.child_blocks.items()}
        for name, child in block.child_blocks.items():
            if defaults[name] is None and not isinstance(child, blocks.ChooserBlock):
                defaults[name] = ""
        return {**defaults, **value}

    def create_home(self, demo_images):
        english = Locale.get_default()
        spec = content.HOME
        home = HomePage.objects.filter(locale=english, depth=2).first()
        if home is not None:
            self.progress("Home page kept")
            return home
        root = Page.get_first_root_node()
        # Wagtail's first migration leaves a plain "Welcome" page; the demo replaces it.
        for page in root.get_children().filter(
            content_type__model="page", content_type__app_label="wagtailcore"
        ):
            if page.numchild == 0:
                page.delete()
        home = HomePage(
            title=str(spec["title"]),
            slug=str(spec["slug"]),
            locale=english,
            search_description=str(spec["search_description"]),
            hero_heading=str(spec["hero_heading"]),
            hero_intro=str(spec["hero_intro"]),
            hero_image=demo_images["hero"],
            hero_image_alt=str(spec["hero_image_alt"]),
            body=self.build_body(spec["body"], demo_images),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first() or Site(
            hostname="localhost", port=80, is_default_site=True
        )
        base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site.root_page = home
        site.site_name = "Falun Gong Awareness"
        site.hostname = base_url.hostname or "localhost"
        site.port = base_url.port or (443 if base_url.scheme == "https" else 80)
        site.save()
        self.progress("Home page created")
        return home

    def create_child(self, home, spec, demo_images):
        slug = str(spec["slug"])
        page = StandardPage.objects.child_of(home).filter(slug=slug).first()
        if page is not None:
            self.progress(f"Page kept: {page.title}")
            return page
        page = StandardPage(
            title=str(spec["title"]),
            slug=slug,
            search_description=str(spec["search_description"]),
            intro=str(spec["intro"]),
            show_in_menus=True,
            body=self.build_body(spec["body"], demo_images),
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        self.progress(f"Page created: {page.title}")
        return page

    def set_featured(self, home, children):
        """Featured pages and the call to action point at the pages created after the home."""
        if home.featured_pages.exists():
            return
        for slug in content.HOME["featured"]:
            home.featured_pages.add(HomePageFeaturedPage(page=children[slug]))
        for block in home.body:
            if block.block_type == "call_to_action" and not block.value["page"]:
                block.value["page"] = children["worldwide-activism"]
        home.save_revision().publish()

    def create_footer(self):
        english = Locale.get_default()
        footer = Footer.objects.filter(locale=english).first()
        if footer is not None:
            self.progress("Footer kept")
            return footer
        spec = content.FOOTER
        footer = Footer.objects.create(
            locale=english,
            contact_text="".join(f"<p>{p}</p>" for p in spec["contact_text"]),
            contact_email=spec["contact_email"],
            social_links=[
                ("link", {"label": str(label), "url": url}) for label, url in spec["social_links"]
            ],
        )
        footer.save_revision().publish()
        self.progress("Footer created")
        return footer

    # --- news ----------------------------------------------------------------------------

    def create_category(self, spec):
        english = Locale.get_default()
        category = NewsCategory.objects.filter(locale=english, slug=spec["slug"]).first()
        if category is not None:
            self.progress(f"Category kept: {category}")
            return category
        category = NewsCategory.objects.create(
            locale=english, slug=spec["slug"], name=str(spec["name"])
        )
        category.save_revision().publish()
        self.progress(f"Category created: {category}")
        return category

    def create_post(self, index, spec, categories, demo_images):
        slug = str(spec["slug"])
        post = NewsPage.objects.child_of(index).filter(slug=slug).first()
        if post is not None:
            self.progress(f"Post kept: {post.title}")
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
        self.progress(f"Post created: {post.title}")
        return post

    # --- events and films -------------------------------------------------------------------

    def create_index(self, home, model, spec):
        index = model.objects.child_of(home).first()
        if index is not None:
            self.progress(f"Page kept: {index.title}")
            return index
        index = model(
            title=str(spec["title"]),
            slug=str(spec["slug"]),
            intro=str(spec["intro"]),
            show_in_menus=True,
        )
        home.add_child(instance=index)
        index.save_revision().publish()
        self.progress(f"Page created: {index.title}")
        return index

    def create_film(self, index, spec):
        film = FilmPage.objects.child_of(index).filter(slug=str(spec["slug"])).first()
        if film is not None:
            self.progress(f"Film kept: {film.title}")
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
        self.progress(f"Film created: {film.title}")
        return film

    def create_event(self, index, spec, films):
        slug = str(spec["slug"])
        event = EventPage.objects.child_of(index).filter(slug=slug).first()
        if event is not None:
            self.progress(f"Event kept: {event.title}")
            return event
        zone = ZoneInfo(spec["zone"])
        day = timezone.now().astimezone(zone).date() + timedelta(days=spec["days"])
        if "all_day_days" in spec:
            occurrence = EventOccurrence(
                start_date=day,
                end_date=day + timedelta(days=spec["all_day_days"] - 1),
                all_day=True,
            )
        else:
            start, end = (time.fromisoformat(value) for value in spec["time"])
            occurrence = EventOccurrence(
                start_date=day, start_time=start, end_date=day, end_time=end
            )
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
        event.occurrences = [occurrence]
        index.add_child(instance=event)
        event.save_revision().publish()
        self.progress(f"Event created: {event.title}")
        return event

    # --- translations -----------------------------------------------------------------------

    def translate(self, instance, locale, *, draft=False):
        """Translate like a translator would: submit, fill the editor's segments, publish.

        ``draft``: a translation in progress — the segments the demo has are filled, the rest
        left for a translator, and nothing is published.
        """
        label = f"{instance} → {locale.get_display_name()}"
        existing = instance.get_translation_or_none(locale)
        if existing is not None and (draft or getattr(existing, "live", True)):
            self.progress(f"Translation kept: {label}")
            return existing

        creator = TranslationCreator(user=None, target_locales=[locale])
        creator.create_translations(instance, include_related_objects=False)
        source = TranslationSource.objects.get_for_instance(instance)
        translation = Translation.objects.get(source=source, target_locale=locale)

        missing = []
        for segment in StringSegment.objects.filter(source=source).select_related(
            "string", "context"
        ):
            item = TRANSLATIONS.get(_normalise(segment.string.data))
            text = item.translations.get(locale.language_code) if item else None
            if text is None:
                missing.append(segment.string.data)
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    # Rich-text segments are HTML (inline tags kept); plain text is escaped.
                    "data": text if "<" in segment.string.data else html.escape(text, quote=False),
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
        if missing and not draft:
            raise CommandError(
                f"The demo has no {locale.language_code} text for: {missing}. "
                "Add it to tools/demo/content.py and run load_demo again."
            )
        if draft:
            translation.save_target(publish=False)
            self.progress(f"Translation started (draft): {label}")
            return translation.get_target_instance()
        if isinstance(instance, Page):
            # save_target(publish=True) defers publishing to the end of the transaction, when
            # the page's tree fields may be stale; publish the new revision here instead.
            translation.save_target(publish=False)
            target = translation.get_target_instance()
            target.get_latest_revision().publish()
        else:
            translation.save_target(publish=True)
            target = translation.get_target_instance()
        self.progress(f"Translated: {label}")
        return target

    # --- admin ------------------------------------------------------------------------------

    def create_demo_users(self):
        """A Dutch translator and reviewer, a Hebrew translator and an editor."""
        from django.contrib.auth.models import Group

        user_model = get_user_model()
        password = settings.DEMO_USERS_PASSWORD or secrets.token_urlsafe(12)
        created = []
        for username, full_name, language, role in DEMO_USERS:
            if user_model.objects.filter(username=username).exists():
                self.progress(f"Demo user kept: {username}")
                continue
            first_name, _space, last_name = full_name.partition(" ")
            user = user_model.objects.create_user(
                username,
                f"{username}@example.org",
                password,
                first_name=first_name,
                last_name=last_name,
            )
            if role == "translators":
                group_name = translator_group_name(language)
            elif role == "reviewers":
                group_name = reviewer_group_name(language)
            else:
                group_name = role
            user.groups.add(Group.objects.get(name=group_name))
            created.append(f"{username} ({group_name})")
            self.progress(f"Demo user created: {username} in {group_name}")
        if not created:
            return
        if settings.DEMO_USERS_PASSWORD:
            if self.verbosity >= 1:
                self.stdout.write("Their password is the one in DEMO_USERS_PASSWORD.")
        else:
            self.stdout.write(
                self.style.WARNING(
                    "Password of the demo users " + ", ".join(created) + " (shown only this "
                    f"once, write it down): {password}\n"
                    "To choose another: .venv/bin/python manage.py changepassword <username>"
                )
            )

    def create_admin(self):
        user_model = get_user_model()
        if user_model.objects.filter(username=ADMIN_USERNAME).exists():
            self.progress(f"Admin account kept: {ADMIN_USERNAME}")
            return
        password = settings.DEMO_ADMIN_PASSWORD or secrets.token_urlsafe(12)
        user_model.objects.create_superuser(ADMIN_USERNAME, "admin@example.org", password)
        self.progress(f"Admin account created: {ADMIN_USERNAME}")
        if settings.DEMO_ADMIN_PASSWORD:
            self.stdout.write("Its password is the one in DEMO_ADMIN_PASSWORD.")
        else:
            self.stdout.write(
                self.style.WARNING(
                    f"Admin password (shown only this once, write it down): {password}\n"
                    "To choose another: .venv/bin/python manage.py changepassword admin"
                )
            )
