"""Editors can create every page type in the admin; the Dutch home is a synced translation."""

from django.contrib.auth import get_user_model

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import Translation

import pytest

from home.models import HomePage, StandardPage
from site_core.models import Footer


class PageTypeAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.user = get_user_model().objects.create_superuser("superuser", "e@example.org", "pw")
        self.client.force_login(self.user)
        self.home = HomePage.objects.get(locale__language_code="en")

    def test_home_page_lives_at_the_root_and_holds_standard_pages(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        from events.models import EventIndexPage
        from films.models import FilmIndexPage
        from news.models import NewsIndexPage

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
                    "body": streamfield(
                        [
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
                    ),
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
        about = StandardPage.objects.get(slug="about", locale__language_code="en")
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
        assert translation.get_progress() == (17, 17)
        response = self.client.get(f"/admin/pages/{dutch_home.pk}/edit/")
        assert response.status_code == 200
        self.assertTemplateUsed(response, "wagtail_localize/admin/edit_translation.html")
        assert "Licht op de vervolging van Falun Gong" in response.content.decode()

    def test_footer_is_a_translatable_snippet_with_a_synced_dutch_translation(self):
        dutch = Footer.objects.get(locale__language_code="nl")
        assert (
            dutch.translation_key == Footer.objects.get(locale__language_code="en").translation_key
        )
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


class NewsAdminTests(WagtailPageTestCase):
    def setUp(self):
        from news.models import NewsIndexPage

        self.user = get_user_model().objects.create_superuser("superuser", "e@example.org", "pw")
        self.client.force_login(self.user)
        self.index = NewsIndexPage.objects.get(locale__language_code="en")

    def test_news_pages_live_only_under_a_news_index_under_a_home_page(self):
        from news.models import NewsIndexPage, NewsPage

        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_can_create_a_news_post_with_categories_and_tags(self):
        from news.models import NewsCategory, NewsPage

        persecution = NewsCategory.objects.get(slug="persecution", locale__language_code="en")
        self.assertCanCreate(
            self.index,
            NewsPage,
            nested_form_data(
                {
                    "title": "A new report",
                    "slug": "a-new-report",
                    "date": "2026-11-20 10:00",
                    "author": "A reporter",
                    "summary": "What happened.",
                    "hero_image_alt": "",
                    "body": streamfield([("paragraph", rich_text("<p>Details.</p>"))]),
                    "tags": "sentencing, Hebei",
                    "related_posts": inline_formset([]),
                }
            )
            | {"categories": [persecution.pk]},
        )
        post = NewsPage.objects.get(slug="a-new-report")
        assert list(post.categories.all()) == [persecution]
        assert sorted(t.name for t in post.tags.all()) == ["Hebei", "sentencing"]

    def test_news_listing_in_the_admin_shows_date_and_categories(self):
        response = self.client.get("/admin/news_pages/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "Publication date" in html
        assert "Health and wellness" in html
        assert "Case report: a 73-year-old recovers from severe breathlessness" in html

    def test_a_translator_can_open_a_dutch_post_in_the_translation_editor(self):
        from news.models import NewsPage

        post = NewsPage.objects.get(slug="man-krijgt-opnieuw-acht-jaar")
        response = self.client.get(f"/admin/pages/{post.pk}/edit/")
        assert response.status_code == 200
        self.assertTemplateUsed(response, "wagtail_localize/admin/edit_translation.html")


class EventAndFilmAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.user = get_user_model().objects.create_superuser("superuser", "e@example.org", "pw")
        self.client.force_login(self.user)

    def test_allowed_parents_and_children(self):
        from events.models import EventIndexPage, EventPage
        from films.models import FilmIndexPage, FilmPage

        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedParentPageTypes(FilmIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(FilmIndexPage, {FilmPage})
        self.assertAllowedParentPageTypes(FilmPage, {FilmIndexPage})

    def test_can_create_an_information_stand_with_dates(self):
        from events.models import EventIndexPage, EventPage

        parent = EventIndexPage.objects.get(locale__language_code="en")
        self.assertCanCreate(
            parent,
            EventPage,
            nested_form_data(
                {
                    "title": "Stand in Utrecht",
                    "slug": "stand-in-utrecht",
                    "summary": "Come and talk to us.",
                    "kind": "information_stand",
                    "status": "scheduled",
                    "status_notice": "",
                    "time_zone": "Europe/Amsterdam",
                    "city": "Utrecht",
                    "country": "Netherlands",
                    "venue": "",
                    "address": "",
                    "organiser": "",
                    "contact_email": "",
                    "more_info_url": "",
                    "image_alt": "",
                    "occurrences": inline_formset(
                        [
                            {
                                "start_date": "2027-01-09",
                                "start_time": "13:00",
                                "end_date": "2027-01-09",
                                "end_time": "17:00",
                            }
                        ],
                        min=1,
                    ),
                    "body": streamfield([]),
                }
            ),
        )
        stand = EventPage.objects.get(slug="stand-in-utrecht")
        (occurrence,) = stand.occurrences.all()
        assert occurrence.start.isoformat() == "2027-01-09T12:00:00+00:00"

    def test_rejects_an_event_that_ends_before_it_starts(self):
        from events.models import EventIndexPage, EventPage

        parent = EventIndexPage.objects.get(locale__language_code="en")
        url = f"/admin/pages/add/events/eventpage/{parent.pk}/"
        response = self.client.post(
            url,
            nested_form_data(
                {
                    "title": "Backwards",
                    "slug": "backwards",
                    "summary": "x",
                    "kind": "talk",
                    "status": "scheduled",
                    "time_zone": "Europe/Amsterdam",
                    "city": "Utrecht",
                    "country": "Netherlands",
                    "occurrences": inline_formset(
                        [
                            {
                                "start_date": "2027-01-09",
                                "start_time": "17:00",
                                "end_date": "2027-01-09",
                                "end_time": "13:00",
                            }
                        ],
                        min=1,
                    ),
                    "body": streamfield([]),
                }
            ),
        )
        assert response.status_code == 200
        assert not EventPage.objects.filter(slug="backwards").exists()

    def test_can_create_a_film(self):
        from films.models import FilmIndexPage, FilmPage

        parent = FilmIndexPage.objects.get(locale__language_code="en")
        self.assertCanCreate(
            parent,
            FilmPage,
            nested_form_data(
                {
                    "title": "A new documentary",
                    "slug": "a-new-documentary",
                    "original_title": "A new documentary",
                    "poster_alt": "",
                    "trailer_url": "",
                    "awards": streamfield(
                        [("award", {"award": "Best documentary", "festival": "", "year": 2020})]
                    ),
                    "where_to_watch": streamfield([]),
                }
            ),
        )
