"""Look-ups shared by the news tests."""

from news.models import NewsCategory, NewsIndexPage
from tests.utils import soup


def english_index():
    return NewsIndexPage.objects.get(locale__language_code="en")


def category(slug, language="en"):
    return NewsCategory.objects.get(slug=slug, locale__language_code=language)


def listing_titles(client, url):
    return [a.get_text() for a in soup(client.get(url)).select(".post-card__title a")]
