"""A post's category selector offers only the categories of the post's language (it listed
every language's: the same subject several times, no language shown), and a forged choice of
another language's category is refused."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from news.models import NewsPage
from tests.factories import NewsCategoryFactory, editor, news_index, publish_post
from tests.utils import locale, soup

pytestmark = pytest.mark.django_db


def categories_in(code, *names):
    return [NewsCategoryFactory(name=name, locale=locale(code)) for name in names]


def form(post, categories):
    return nested_form_data(
        {
            "title": post.title,
            "slug": post.slug,
            "date": "2026-11-20 10:00",
            "author": "A reporter",
            "summary": "What happened.",
            "hero_image_alt": "",
            "body": streamfield([("paragraph", rich_text("<p>Details.</p>"))]),
            "tags": "",
            "related_posts": inline_formset([]),
        }
    ) | {"categories": [category.pk for category in categories]}


def offered(response):
    """The categories the selector offers (id: name), and those chosen."""
    options = soup(response).select("select[name=categories] option")
    return {int(option["value"]): option.text.strip() for option in options}


def chosen(response):
    options = soup(response).select("select[name=categories] option[selected]")
    return [int(option["value"]) for option in options]


def test_a_post_offers_only_the_categories_of_its_language(client):
    english = categories_in("en", "Persecution", "Appeals")
    dutch = categories_in("nl", "Vervolging", "Oproepen")
    categories_in("zh-hans", "迫害")
    post = publish_post(news_index(), title="A report", categories=[english[0]])
    client.force_login(editor())
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[post.pk]))
    assert offered(edit) == {category.pk: category.name for category in english}
    add = client.get(
        reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index("en").pk])
    )
    assert set(offered(add)) == {category.pk for category in english}
    saved = client.post(
        reverse("wagtailadmin_pages:edit", args=[post.pk]), form(post, [english[1]])
    )
    assert saved.status_code == 302
    draft = NewsPage.objects.get(pk=post.pk).get_latest_revision_as_object()
    assert list(draft.categories.all()) == [english[1]]
    assert dutch  # made, and not offered


def test_a_forged_category_of_another_language_is_refused(client):
    english = categories_in("en", "Persecution")
    dutch = categories_in("nl", "Vervolging")
    post = publish_post(news_index(), title="A report", categories=english)
    client.force_login(editor())
    forged = client.post(reverse("wagtailadmin_pages:edit", args=[post.pk]), form(post, dutch))
    assert forged.status_code == 200  # the form again
    errors = forged.context["form"].errors
    assert "categories" in errors
    draft = NewsPage.objects.get(pk=post.pk).get_latest_revision_as_object()
    assert list(draft.categories.all()) == english


def test_a_post_in_another_language_shows_its_categories_in_that_language(client):
    english = categories_in("en", "Persecution")
    dutch = NewsCategoryFactory(
        name="Vervolging", locale=locale("nl"), translation_key=english[0].translation_key
    )
    categories_in("nl", "Oproepen")
    # A sync copies the source's categories (wagtail-localize): the Dutch post holds English ones.
    post = publish_post(news_index("nl"), title="Een verslag", categories=english)
    client.force_login(editor())
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[post.pk]))
    assert set(offered(edit).values()) == {"Vervolging", "Oproepen"}
    assert chosen(edit) == [dutch.pk]
