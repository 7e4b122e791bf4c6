"""The admin for news: where posts live, categories and tags, the news listing."""

from django.contrib.auth import get_user_model

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage
from news.models import NewsIndexPage, NewsPage
from tests.factories import news_index, publish_post, translate
from tests.news.helpers import category


class NewsAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.user = get_user_model().objects.create_superuser("superuser", "e@example.org", "pw")
        self.client.force_login(self.user)
        self.index = news_index()

    def test_news_pages_live_only_under_a_news_index_under_a_home_page(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_can_create_a_news_post_with_categories_and_tags(self):
        persecution = category("Persecution", "persecution")
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
        health = category("Health and wellness", "health")
        publish_post(self.index, title="Case report: a recovery", categories=[health])
        response = self.client.get("/admin/news_pages/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "Publication date" in html
        assert "Health and wellness" in html
        assert "Case report: a recovery" in html

    def test_a_translator_can_open_a_dutch_post_in_the_translation_editor(self):
        news_index("nl")
        post = translate(publish_post(self.index), "nl")
        response = self.client.get(f"/admin/pages/{post.pk}/edit/")
        assert response.status_code == 200
        self.assertTemplateUsed(response, "wagtail_localize/admin/edit_translation.html")
