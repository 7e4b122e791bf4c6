"""Tags named in the reader's language: each tag's name is a translatable snippet (NewsTagName)
made in English when the tag is first used and translated through wagtail-localize; the
listing's ``?tag=<slug>`` filter is the same in every language. Issue 17: a Chinese post showed
"sentencing" and "Liaoning"."""

import json

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from taggit.models import Tag
from wagtail_localize.models import Translation

import pytest

from news.models import NewsTagName, tag_names
from tests.factories import editor, locale, news_index, publish_post, translate
from tests.utils import soup
from tools.demo.news import POSTS
from tools.demo.tags import TAG_NAMES, translate_tag_names

pytestmark = pytest.mark.django_db


def tag_name(slug, code="en"):
    return NewsTagName.objects.get(tag__slug=slug, locale__language_code=code)


def named(slug, code, name, publish=True):
    """The English name of tag ``slug`` translated into ``code`` through wagtail-localize, then
    worded ``name`` by its translator (published, or a draft awaiting review)."""
    target = translate(tag_name(slug), code, publish=False)
    target.name = name
    revision = target.save_revision()
    if publish:
        revision.publish()
    return target


def tags_of(response):
    return soup(response).select(".article__tags a")


def test_a_new_tag_is_named_in_english_for_translators():
    publish_post(news_index(), tags=["sentencing"])
    name = tag_name("sentencing")
    assert name.name == "sentencing"
    assert name.live
    assert not NewsTagName.objects.filter(tag__slug="sentencing").exclude(pk=name.pk).exists()


def test_chinese_post_shows_translated_tag_names_and_english_ones_marked(client):
    news_index("zh-hans")
    post = publish_post(news_index(), tags=["sentencing", "Liaoning"])
    named("sentencing", "zh-hans", "判刑")
    chinese = translate(post, "zh-hans")
    links = {a["href"].split("?")[1]: a for a in tags_of(client.get(chinese.url))}
    assert links["tag=sentencing"].get_text() == "判刑"
    assert links["tag=sentencing"].find("span") is None
    untranslated = links["tag=liaoning"].find("span")
    assert untranslated.get_text() == "Liaoning"
    assert untranslated["lang"] == "en"
    assert not untranslated.has_attr("dir")


def test_hebrew_page_marks_english_tag_names_left_to_right(client):
    news_index("he")
    post = publish_post(news_index(), tags=["lawyers"])
    hebrew = translate(post, "he")
    span = tags_of(client.get(hebrew.url))[0].find("span")
    assert (span["lang"], span["dir"], span.get_text()) == ("en", "ltr", "lawyers")


def test_a_draft_translation_of_a_name_is_not_shown(client):
    news_index("nl")
    post = publish_post(news_index(), tags=["families"])
    named("families", "nl", "gezinnen", publish=False)
    dutch = translate(post, "nl")
    assert tags_of(client.get(dutch.url))[0].get_text() == "families"


def test_listing_filter_heading_names_the_tag_in_the_readers_language(client):
    index = news_index("nl")
    post = publish_post(news_index(), tags=["petitions"])
    translate(post, "nl")
    named("petitions", "nl", "petities")
    heading = soup(client.get(index.url + "?tag=petitions")).select_one(".filters__active span")
    assert "petities" in heading.get_text()
    assert "petities" in tags_of(client.get(post.get_translation(locale("nl")).url))[0].get_text()


def test_listing_filter_heading_shows_an_unknown_tag_escaped(client):
    index = news_index()
    publish_post(index, tags=["petitions"])
    response = client.get(index.url + "?tag=%3Cb%3Ex")
    assert response.status_code == 200
    assert b"<b>x" not in response.content
    assert "<b>x" in soup(response).select_one(".filters__active span").get_text()


def test_structured_data_keywords_are_the_readers_names(client):
    news_index("zh-hans")
    post = publish_post(news_index(), tags=["censorship", "films"])
    named("censorship", "zh-hans", "审查")
    chinese = translate(post, "zh-hans")
    page = soup(client.get(chinese.url))
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert sorted(data["keywords"]) == sorted(["审查", "films"])


def test_tag_names_cost_the_same_queries_for_one_tag_or_many(client):
    news_index("nl")
    few = translate(publish_post(news_index(), slug="few", tags=["one"]), "nl")
    many = publish_post(news_index(), slug="many", tags=[f"t{n}" for n in range(8)])
    many = translate(many, "nl")
    for slug in ("one", "t0", "t1", "t2"):
        named(slug, "nl", f"nl-{slug}")
    counts = []
    for page in (few, many, few, many):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == 200
        counts.append(len(queries))
    assert counts[2] == counts[3]  # warm: the names come from the cache
    assert counts[1] <= counts[0] + 1  # cold: one look-up of every name, not one per tag


def test_demo_translates_tag_names_through_wagtail_localize():
    publish_post(news_index(), tags=["sentencing", "Liaoning", "not in the demo"])
    locales = {code: locale(code) for code in ("nl", "zh-hans", "he")}
    made = translate_tag_names(locales)
    assert len(made) == 6
    assert tag_name("sentencing", "zh-hans").name == "判刑"
    assert tag_name("liaoning", "he").name == "ליאונינג"
    assert tag_name("sentencing", "nl").live
    sources = Translation.objects.filter(source__object_id=tag_name("sentencing").translation_key)
    assert sources.count() == 3
    assert NewsTagName.objects.filter(name="not in the demo").count() == 1  # English only
    assert translate_tag_names(locales) == []  # again: nothing to do


def test_demo_table_names_every_demo_tag_in_seven_languages():
    used = {tag for post in POSTS for tag in post["tags"]}
    assert used <= set(TAG_NAMES)
    assert all(len(names) == 7 and all(names) for names in TAG_NAMES.values())


def test_a_new_tag_is_translated_through_the_admins_translate_action(client):
    client.force_login(editor())
    english = NewsTagName.objects.get(tag=Tag.objects.create(name="vigils", slug="vigils"))
    dutch = locale("nl")
    submit = reverse(
        "wagtail_localize:submit_snippet_translation", args=["news", "newstagname", english.pk]
    )
    assert client.get(submit).status_code == 200
    assert client.post(submit, {"locales": [dutch.pk]}).status_code == 302
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale=dutch
    )
    target = translation.get_target_instance()
    assert (target.tag_id, target.locale_id) == (english.tag_id, dutch.pk)
    # Not live until a reviewer publishes it: Dutch readers still see the English name.
    assert tag_names("nl")["vigils"] == ("vigils", "en")


def test_a_second_name_for_a_tag_in_one_language_is_a_form_error_not_a_500(client):
    """The admin's form has no language field: the rule is checked before the database's."""
    publish_post(news_index(), tags=["vigils"])
    english = tag_name("vigils")
    client.force_login(editor())
    add = reverse("wagtailsnippets_news_newstagname:add")
    response = client.post(add + "?locale=en", {"tag": english.tag_id, "name": "Vigils again"})
    assert response.status_code == 200
    assert "already has a name in this language" in response.content.decode()
    assert NewsTagName.objects.filter(tag=english.tag).count() == 1


def test_a_tag_only_drafts_carry_is_not_named_in_a_listing(client):
    """A draft's tag has a name (made when the tag was), but a listing filtered by its slug
    shows the slug as typed, never the name."""
    index = news_index()
    publish_post(index, tags=["sentencing"])
    name = tag_name("sentencing")
    Tag.objects.create(name="Secret plans", slug="secret-plans")
    heading = soup(client.get(index.url, {"tag": "secret-plans"})).select_one(".filters-summary")
    text = (heading or soup(client.get(index.url, {"tag": "secret-plans"}))).get_text()
    assert "Secret plans" not in text and "secret-plans" in text
    assert name.name in soup(client.get(index.url, {"tag": "sentencing"})).get_text()
