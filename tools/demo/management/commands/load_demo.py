"""Load the multilingual demo site: locales, pages, translations, footer and an admin account."""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from site_core.scheduling.queue import tasks_run_inline
from site_core.translation_workflow.roles import setup_roles
from tools.demo import content, news
from tools.demo import events as events_demo
from tools.demo.batching import one_cache_generation, tasks_run_once
from tools.demo.pages import create_locales, get_image, load_site_pages
from tools.demo.progress import Progress
from tools.demo.sections import load_events_and_films, load_news
from tools.demo.tags import translate_tag_names
from tools.demo.users import DEMO_USERS, create_admin, create_demo_users


def steps_total(with_admin):
    """How many progress lines a whole load prints (one per thing created or kept)."""
    return (
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
        - sum(len(spec.get("waiting_for", ())) for spec in [*news.POSTS, *events_demo.EVENTS])
        + 1  # roles
        + (1 if with_admin else 0)
        + len(DEMO_USERS)
        + 1  # search index
    )


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
        # What saving the demo's pages queues (search and reference index updates) runs before
        # the command ends, worker or not: each distinct update once, when the pages are built.
        with tasks_run_inline():
            self.load(options)

    def load(self, options):
        progress = Progress(self, steps_total(not options["no_admin"]), options["verbosity"])
        with one_cache_generation(), tasks_run_once(), transaction.atomic():
            locales = create_locales(progress)
            demo_images = {key: get_image(progress, spec) for key, spec in content.IMAGES.items()}
            home = load_site_pages(progress, locales, demo_images)
            load_news(progress, locales, home, demo_images)
            translate_tag_names(locales)  # tools/demo/tags.py
            load_events_and_films(progress, locales, home)
            setup_roles()
            progress("Roles and review workflows ready (setup_roles)")
        if not options["no_admin"]:
            create_admin(progress)
        create_demo_users(progress)
        if options["no_index"]:
            progress("Search index kept")
        else:
            call_command("update_index", verbosity=0)
            progress("Search index rebuilt")
        self.stdout.write(self.style.SUCCESS("Demo site ready."))
