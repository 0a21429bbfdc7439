"""JSON-LD, OpenGraph and Twitter tags of article pages, read back as crawlers read them."""

from __future__ import annotations

from datetime import datetime, timedelta

import extruct
import pytest
from django.utils import timezone
from lxml import etree

from articles.testing.factories import make_article
from distribution.structured_data import Translation, original_of

pytestmark = pytest.mark.django_db

NEWS_ARTICLE_PROPERTIES = {
    "headline",
    "description",
    "datePublished",
    "dateModified",
    "author",
    "publisher",
    "image",
    "inLanguage",
    "isBasedOn",
}


def extract(client, page) -> dict:
    response = client.get(page.url)
    assert response.status_code == 200
    return extruct.extract(
        response.content.decode(),
        base_url=f"http://testserver{page.url}",
        syntaxes=["json-ld", "opengraph"],
        uniform=False,
    )


def json_ld_of_type(data, schema_type):
    found = [item for item in data["json-ld"] if item.get("@type") == schema_type]
    assert len(found) == 1, [item.get("@type") for item in data["json-ld"]]
    return found[0]


def test_news_article_has_every_property(client, newsroom):
    page = newsroom["port_en"]
    article = json_ld_of_type(extract(client, page), "NewsArticle")
    assert NEWS_ARTICLE_PROPERTIES <= set(article)
    assert article["@context"] == "https://schema.org"
    assert article["headline"] == "The port reopens"
    assert article["description"] == "Ships are back in the harbour."
    assert article["inLanguage"] == "en"
    assert datetime.fromisoformat(article["datePublished"]) == page.first_published_at
    assert datetime.fromisoformat(article["dateModified"]) >= page.first_published_at
    assert article["author"] == [
        {
            "@type": "Person",
            "name": "Anna Volkova",
            "url": "http://testserver/en/authors/anna-volkova/",
        }
    ]
    assert article["isBasedOn"] == [
        "https://harbour.example.org/port",
        "https://harbour.example.org/ships",
    ]
    assert article["url"] == "http://testserver/en/world/port-reopens/"
    image = article["image"]
    assert image["@type"] == "ImageObject"
    assert (image["width"], image["height"]) == (1200, 675)
    rendition = newsroom["image"].get_rendition("fill-1200x675|format-jpeg")
    assert image["url"] == f"http://testserver{rendition.url}"
    publisher = article["publisher"]
    assert publisher["@type"] == "NewsMediaOrganization"
    assert publisher["name"] == "Newsdesk"
    logo = publisher["logo"]
    assert logo["@type"] == "ImageObject"
    assert logo["url"] == "http://testserver/static/img/newsdesk-logo.png"
    assert (logo["width"], logo["height"]) == (600, 60)


def test_logo_file_exists_with_the_declared_size():
    from django.contrib.staticfiles import finders
    from PIL import Image

    path = finders.find("img/newsdesk-logo.png")
    assert path, "core/static/img/newsdesk-logo.png is missing"
    with Image.open(path) as logo:
        assert logo.size == (600, 60)


def test_translation_links_point_both_ways(client, newsroom):
    english = json_ld_of_type(extract(client, newsroom["port_en"]), "NewsArticle")
    russian = json_ld_of_type(extract(client, newsroom["port_ru"]), "NewsArticle")
    # English was published first: it is the original.
    assert [w["url"] for w in english["workTranslation"]] == [
        "http://testserver/ru/world/port-otkryt/"
    ]
    assert english["workTranslation"][0]["inLanguage"] == "ru"
    assert "translationOfWork" not in english
    assert russian["translationOfWork"]["url"] == "http://testserver/en/world/port-reopens/"
    assert russian["translationOfWork"]["inLanguage"] == "en"
    assert "workTranslation" not in russian


def test_an_untranslated_article_has_no_translation_link(client, newsroom):
    article = json_ld_of_type(extract(client, newsroom["budget_en"]), "NewsArticle")
    assert "workTranslation" not in article and "translationOfWork" not in article
    assert "image" not in article  # no lead image, no made-up one


def test_the_earliest_published_version_is_the_original_and_english_breaks_ties():
    now = timezone.now()
    en = Translation("en", "https://x/en/a/", now)
    ru_earlier = Translation("ru", "https://x/ru/a/", now - timedelta(hours=1))
    ru_same = Translation("ru", "https://x/ru/a/", now)
    assert original_of([en, ru_earlier]) == ru_earlier
    assert original_of([ru_same, en]) == en
    assert (
        original_of([Translation("ru", "u", None), Translation("en", "v", None)]).language == "en"
    )
    assert original_of([]) is None


def test_a_russian_original_gets_work_translation(client, newsroom):
    ru_first = make_article(
        newsroom["world_ru"],
        language="ru",
        title="Сначала по-русски",
        slug="first-ru",
        published_at=newsroom["now"] - timedelta(hours=5),
    )
    en_later = make_article(
        newsroom["world_en"],
        title="Russian first",
        slug="russian-first",
        translation_of=ru_first,
        published_at=newsroom["now"] - timedelta(hours=1),
    )
    ru = json_ld_of_type(extract(client, ru_first), "NewsArticle")
    en = json_ld_of_type(extract(client, en_later), "NewsArticle")
    assert [w["inLanguage"] for w in ru["workTranslation"]] == ["en"]
    assert en["translationOfWork"]["url"] == "http://testserver/ru/world/first-ru/"


def test_breadcrumbs_go_home_section_article(client, newsroom):
    crumbs = json_ld_of_type(extract(client, newsroom["port_ru"]), "BreadcrumbList")
    items = crumbs["itemListElement"]
    assert [(i["position"], i["name"], i["item"]) for i in items] == [
        (1, "Newsdesk", "http://testserver/ru/"),
        (2, "Мир", "http://testserver/ru/world/"),
        (3, "Порт снова открыт", "http://testserver/ru/world/port-otkryt/"),
    ]


def test_opengraph_tags(client, newsroom):
    data = extract(client, newsroom["port_ru"])
    assert len(data["opengraph"]) == 1
    properties = data["opengraph"][0]["properties"]
    values: dict[str, list[str]] = {}
    for key, value in properties:
        values.setdefault(key, []).append(value)
    assert values["og:type"] == ["article"]
    assert values["og:title"] == ["Порт снова открыт"]
    assert values["og:description"] == ["Суда вернулись в гавань."]
    assert values["og:url"] == ["http://testserver/ru/world/port-otkryt/"]
    assert values["og:locale"] == ["ru_RU"]
    assert values["og:locale:alternate"] == ["en_GB"]
    assert values["og:image"][0].startswith("http://testserver/media/")
    published = datetime.fromisoformat(values["article:published_time"][0])
    assert published == newsroom["port_ru"].first_published_at


def test_twitter_card_tags_and_canonical(client, newsroom):
    response = client.get(newsroom["port_en"].url)
    head = etree.HTML(response.content.decode()).find("head")
    twitter = {m.get("name"): m.get("content") for m in head.findall("meta") if m.get("name")}
    assert twitter["twitter:card"] == "summary_large_image"
    assert twitter["twitter:title"] == "The port reopens"
    assert twitter["twitter:description"] == "Ships are back in the harbour."
    assert twitter["twitter:image"].endswith(".jpg")
    canonical = [
        link.get("href") for link in head.findall("link") if link.get("rel") == "canonical"
    ]
    assert canonical == ["http://testserver/en/world/port-reopens/"]
    og_types = [m for m in head.findall("meta") if m.get("property") == "og:type"]
    assert len(og_types) == 1


def test_markup_in_a_headline_cannot_break_out_of_the_json_ld_script(client, newsroom):
    page = make_article(
        newsroom["economy_en"], title="Tags </script><script>alert(1)</script> & more", slug="xss"
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    article = json_ld_of_type(extract(client, page), "NewsArticle")
    assert article["headline"] == "Tags </script><script>alert(1)</script> & more"
