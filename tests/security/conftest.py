"""Fixtures of the security tests: an editor, a hostile translation, the URLs of `make serve`."""

import importlib

from django.urls import clear_url_caches

from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object

import pytest

from tests.factories import StandardPageFactory
from tests.security.hostile_markup import HOSTILE, english_home
from tests.utils import locale


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "chief-editor", "chief@example.org", "a-long-correct-password"
    )


@pytest.fixture
def hostile_translation():
    """An English page whose paragraphs have a page link and bold text, translated into Dutch by
    a translator who appended one hostile payload to each paragraph's segment."""
    home = english_home()
    paragraphs = "".join(
        f'<p>Paragraph {index}: read <a linktype="page" id="{home.pk}">our appeal</a> '
        f"and <b>sign</b> it.</p>"
        for index in range(len(HOSTILE))
    )
    page = StandardPageFactory.build(
        title="Rich text under attack", slug="rich-text-under-attack", body=[]
    )
    page.body = [("paragraph", RichText(paragraphs))]
    home.add_child(instance=page)
    page.save_revision().publish()
    translate_object(page, [locale("nl")])
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code="nl"
    )
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        data = segment.string.data
        if data.startswith("Paragraph "):
            index = int(data.split(":")[0].split()[1])
            data = (
                f'Alinea {index}: lees <a id="a1">onze oproep</a> en <b>teken</b> hem. '
                f"{HOSTILE[index]}"
            )
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": data, "translation_type": "manual"},
        )
    return page, translation


@pytest.fixture
def production_like_urls(settings):
    """The URLs of `make serve` (SERVE_MEDIA=true, DEBUG off)."""
    module = importlib.import_module(settings.ROOT_URLCONF)
    settings.SERVE_MEDIA = True
    importlib.reload(module)
    clear_url_caches()
    yield
    settings.SERVE_MEDIA = False
    importlib.reload(module)
    clear_url_caches()
