"""The admin: page types' places in the tree, editing every block, the footer snippet."""

from django.contrib.auth import get_user_model

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import Translation

import pytest

from events.models import EventIndexPage
from films.models import FilmIndexPage
from home.models import HomePage, StandardPage
from news.models import NewsIndexPage
from tests.factories import FooterFactory, translate
from tests.kernel.helpers import standard_page

# One of each block of the body, as the admin's form sends them.
EVERY_BLOCK = [
    ("heading", {"text": "Every Saturday", "level": "h2"}),
    ("paragraph", rich_text("<p>We talk to passers-by.</p>")),
    ("quote", {"quote": "Thank you.", "attribution": "A visitor"}),
    (
        "statistic",
        {"figure": "52", "label": "Saturdays a year", "source_label": ""},
    ),
    (
        "call_to_action",
        {
            "heading": "Join us",
            "text": "",
            "button_label": "Write to us",
            "page": "",
            "url": "https://example.org/join",
        },
    ),
    (
        "video",
        {
            "url": "https://www.youtube.com/watch?v=abc123",
            "title": "A trailer",
            "poster": "",
            "caption": "",
        },
    ),
]


class PageTypeAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.user = get_user_model().objects.create_superuser("superuser", "e@example.org", "pw")
        self.client.force_login(self.user)
        self.home = HomePage.objects.get(locale__language_code="en")

    def test_home_page_lives_at_the_root_and_holds_standard_pages(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage, {StandardPage, NewsIndexPage, EventIndexPage, FilmIndexPage}
        )

    def test_standard_page_lives_under_home_or_standard_pages(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_can_create_a_standard_page_with_every_block(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Information stands",
                    "slug": "information-stands",
                    "intro": "Where to find us.",
                    "body": streamfield(EVERY_BLOCK),
                }
            ),
        )
        page = StandardPage.objects.get(slug="information-stands")
        assert [block.block_type for block in page.body] == [
            "heading",
            "paragraph",
            "quote",
            "statistic",
            "call_to_action",
            "video",
        ]

    def test_can_create_a_home_page_with_featured_pages(self):
        about = standard_page("About", "about")
        root = Page.get_first_root_node()
        self.assertCanCreate(
            root,
            HomePage,
            nested_form_data(
                {
                    "title": "Second site",
                    "slug": "second-site",
                    "hero_heading": "Hello",
                    "hero_intro": "",
                    "hero_image_alt": "",
                    "featured_pages": inline_formset([{"page": about.pk}]),
                    "body": streamfield([]),
                }
            ),
        )
        home = HomePage.objects.get(slug="second-site")
        assert [row.page_id for row in home.featured_pages.all()] == [about.pk]

    def test_dutch_home_page_opens_in_the_translation_editor(self):
        dutch_home = HomePage.objects.get(locale__language_code="nl")
        translation = Translation.objects.get(
            source__object_id=self.home.translation_key, target_locale__language_code="nl"
        )
        assert translation.enabled
        total, translated = translation.get_progress()
        assert total == translated > 0
        response = self.client.get(f"/admin/pages/{dutch_home.pk}/edit/")
        assert response.status_code == 200
        self.assertTemplateUsed(response, "wagtail_localize/admin/edit_translation.html")
        assert f"[nl] {self.home.hero_heading}" in response.content.decode()

    def test_footer_is_a_translatable_snippet_with_a_synced_dutch_translation(self):
        english = FooterFactory(contact_text="<p>Write to us</p>")
        dutch = translate(english, "nl")
        assert dutch.translation_key == english.translation_key
        assert dutch.contact_text == "<p>[nl] Write to us</p>"
        response = self.client.get(f"/admin/snippets/site_core/footer/edit/{dutch.pk}/")
        assert response.status_code == 200
        self.assertTemplateUsed(response, "wagtail_localize/admin/edit_translation.html")

    def test_admin_pages_answer_for_an_editor(self):
        for url in ["/admin/", "/admin/pages/", f"/admin/pages/{self.home.pk}/", "/admin/locales/"]:
            assert self.client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_admin_makes_no_calls_to_third_parties(settings):
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
