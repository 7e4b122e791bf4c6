"""The empty site every test starts from, translations made through wagtail-localize, and the
kernel's snippets (the footer of a language).

``build_empty_site`` runs once per test run (tests/databases.py): a locale per configured
language, an English home page as the default site's root, its translation in every other
language and the roles and review workflows (``setup_roles``). Nothing else: a test adds the
sections, posts, events, users and snippets it needs.
"""

from django.apps import apps
from django.conf import settings

from wagtail.models import Locale, Page, Site, TranslatableMixin
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.operations import translate_object

import factory
from factory.django import DjangoModelFactory

from home.models import HomePage
from site_core.models import Footer
from site_core.translation_workflow.roles import setup_roles

HOME_TITLE = "Home"
SITE_NAME = "Test site"


class FooterFactory(DjangoModelFactory):
    """A live footer in the default language (pass ``locale`` for another)."""

    contact_email = factory.Sequence(lambda n: f"contact-{n}@example.org")
    locale = factory.LazyFunction(Locale.get_default)
    live = True

    class Meta:
        model = Footer


def build_empty_site():
    """Locales, a home page per language (the default site's root in English) and the roles."""
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    root = Page.get_first_root_node()
    root.get_children().delete()  # Wagtail's "Welcome" page
    home = HomePage(title=HOME_TITLE, slug="home", hero_heading="Welcome")
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost", port=80, is_default_site=True, root_page=home, site_name=SITE_NAME
    )
    for code in translated_languages():
        translate(home, code)
    setup_roles()


def translated_languages():
    """Every configured language but the source."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def locale(code):
    return Locale.objects.get(language_code=code)


def home(code=None):
    """The home page of ``code`` (the source language by default)."""
    return HomePage.objects.get(depth=2, locale__language_code=code or settings.LANGUAGE_CODE)


def section(factory_class, code=None, **fields):
    """The one page of ``factory_class``'s model in language ``code`` (the source language by
    default), made on first use: the source's under its home page, any other language's as the
    wagtail-localize translation of the source's."""
    model = factory_class._meta.model
    code = code or settings.LANGUAGE_CODE
    existing = model.objects.filter(locale__language_code=code).first()
    if existing is not None:
        return existing
    if code != settings.LANGUAGE_CODE:
        return translate(section(factory_class, **fields), code)
    page = factory_class.build(**fields)
    home().add_child(instance=page)
    page.save_revision().publish()
    return model.objects.get(pk=page.pk)


def translate(instance, code, *, publish=True, prefix=None):
    """``instance`` (a page or a translatable snippet) translated into ``code`` as a translator
    would in wagtail-localize: every segment filled with "<prefix><English text>" (prefix
    "[code] " by default; slugs get "<code>-"), then published unless ``publish`` is False.

    Returns the translated page or snippet (specific).
    """
    translate_object(instance, [locale(code)])
    translation = Translation.objects.get(
        source__object_id=instance.translation_key, target_locale__language_code=code
    )
    fill_segments(translation, f"[{code}] " if prefix is None else prefix)
    translation.save_target(publish=False)
    target = translation.get_target_instance()
    if publish:
        if isinstance(target, Page):
            target.get_latest_revision().publish()
        else:
            target.save_revision().publish()
    target.refresh_from_db()
    return target.specific if isinstance(target, Page) else target


def fill_segments(translation, prefix):
    """Every string segment of ``translation`` translated as "<prefix><source text>"."""
    segments = StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    )
    for segment in segments:
        text = segment.string.data
        if segment.context.path == "slug":
            text = f"{translation.target_locale.language_code}-{text}"
        else:
            text = f"{prefix}{text}"
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": text},
        )


def untranslated_models():
    """The project's translatable models (page types and snippets) of which no object has a
    wagtail-localize translation source yet."""
    # Imported here: apps and TranslationSource are only needed by this check.

    models = {
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin)
        and model._meta.app_label in {"home", "news", "events", "films", "site_core"}
        and not model._meta.abstract
    }
    covered = {
        source.specific_content_type.model_class()
        for source in TranslationSource.objects.select_related("specific_content_type")
    }
    return models - covered
