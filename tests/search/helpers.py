"""Builders shared by the search tests: pages whose words a test then searches for."""

from tests.factories import news_index, publish_post, translate


def post(code, title, summary="A short summary."):
    """A post written in language ``code`` (made in that language's news section)."""
    return publish_post(news_index(code), title=title, summary=summary)


def english_post_and_dutch_translation(title):
    """An English post and its Dutch translation ("[nl] <title>")."""
    english = post("en", title)
    news_index("nl")
    return english, translate(english, "nl")
