"""Every reader page type has a meta description, OpenGraph/Twitter tags and JSON-LD."""

from __future__ import annotations

from urllib.parse import quote

import extruct
import pytest
from lxml import html as lxml_html

from articles.testing.factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_pages(db):
    section_en = make_section("en", title="World", slug="world", intro="News from abroad.")
    section_ru = make_section(
        "ru", title="Мир", slug="world", intro="Новости из-за рубежа.", translation_of=section_en
    )
    author = make_author("Mark Ellison", role="Economics editor", bio="Covers money.")
    author_ru = make_author(
        "Марк Эллисон",
        language="ru",
        translation_key=author.translation_key,
        bio="Пишет о деньгах.",
    )
    en = make_article(section_en, title="Rates", authors=[author], tags=["Economy"])
    make_article(
        section_ru,
        language="ru",
        title="Ставки",
        authors=[author_ru],
        tags=["Экономика"],
        translation_of=en,
    )
    return {"article": en.url}


OG_REQUIRED = ("og:title", "og:description", "og:url", "og:type", "og:locale", "og:image")
PAGES = {
    "en": [
        ("/en/", "WebSite"),
        ("/en/world/", "CollectionPage"),
        ("/en/tags/economy/", "CollectionPage"),
        ("/en/authors/mark-ellison/", "ProfilePage"),
        ("/en/search/?q=rates", "SearchResultsPage"),
        ("article", "NewsArticle"),
    ],
    "ru": [
        ("/ru/", "WebSite"),
        ("/ru/world/", "CollectionPage"),
        (f"/ru/tags/{quote('экономика')}/", "CollectionPage"),
        ("/ru/authors/mark-ellison/", "ProfilePage"),
        ("/ru/search/?q=ставки", "SearchResultsPage"),
    ],
}


@pytest.mark.parametrize(
    ("language", "path", "schema_type"),
    [(lang, path, kind) for lang, pages in PAGES.items() for path, kind in pages],
)
def test_every_page_type_has_description_social_tags_and_json_ld(
    client, site_pages, language, path, schema_type
):
    url = site_pages["article"] if path == "article" else path
    response = client.get(url)
    assert response.status_code == 200, url
    text = response.content.decode()
    tree = lxml_html.fromstring(text)
    descriptions = tree.xpath('//meta[@name="description"]/@content')
    assert len(descriptions) == 1 and descriptions[0].strip(), url
    data = extruct.extract(text, base_url=f"http://testserver{url}", syntaxes=["json-ld"])
    og = {prop: tree.xpath(f'//meta[@property="{prop}"]/@content') for prop in OG_REQUIRED}
    for prop, values in og.items():
        assert len(values) == 1 and values[0].strip(), (url, prop)
    assert og["og:locale"][0].startswith(language)
    assert og["og:image"][0].startswith("http://testserver/")
    for name in ("twitter:card", "twitter:title", "twitter:description"):
        assert tree.xpath(f'//meta[@name="{name}"]/@content'), (url, name)
    types = {item.get("@type") for item in data["json-ld"]}
    assert schema_type in types, (url, types)
