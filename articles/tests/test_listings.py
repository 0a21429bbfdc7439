"""Home, section and tag listings, pagination that never fails, 404s and the root redirect."""

from urllib.parse import quote

import pytest
from taggit.models import Tag

from articles.tag_translations import link_tags
from articles.testing.factories import make_article, make_section, make_site

pytestmark = pytest.mark.django_db


def test_root_redirects_by_accept_language(client):
    make_site()
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9").url == "/ru/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").url == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE").url == "/en/"


def test_home_page_lists_latest_and_per_section_articles_in_its_language(client):
    section = make_section("en", title="Economy")
    articles = [make_article(section, title=f"Economy story {i}") for i in range(3)]
    ru_article = make_article(language="ru", title="Русская статья")
    html = client.get("/en/").content.decode()
    for article in articles:
        assert article.title in html
    assert "Economy" in html
    assert ru_article.title not in html
    assert ru_article.title in client.get("/ru/").content.decode()


@pytest.mark.parametrize("raw", ["abc", "0", "-1", "99999", "", "1.5", "%00"])
def test_section_pagination_never_fails(client, raw):
    section = make_section("en")
    for i in range(14):
        make_article(section, title=f"Paged {i}")
    response = client.get(section.url, {"page": raw})
    assert response.status_code == 200
    assert "Page " in response.content.decode()


def test_section_pagination_shows_the_clamped_page(client):
    section = make_section("en")
    for i in range(14):
        make_article(section, title=f"Paged {i:02d}")
    last = client.get(section.url, {"page": "99999"}).content.decode()
    assert "Page 2 of 2" in last
    first = client.get(section.url, {"page": "abc"}).content.decode()
    assert "Page 1 of 2" in first


def test_tag_listing_lists_tagged_articles_and_paginates_safely(client):
    section = make_section("en")
    tagged = make_article(section, tags=["Energy"], title="Tagged story")
    make_article(section, title="Untagged story")
    for raw in ("abc", "0", "99999"):
        response = client.get("/en/tags/energy/", {"page": raw})
        assert response.status_code == 200
        html = response.content.decode()
        assert tagged.title in html and "Untagged story" not in html


def test_unknown_tag_is_a_404(client):
    make_site()
    assert client.get("/en/tags/no-such-tag/").status_code == 404


def test_404_page_in_both_languages(client):
    make_site()
    en = client.get("/en/no-such-page/")
    ru = client.get("/ru/no-such-page/")
    assert en.status_code == 404 and "Page not found" in en.content.decode()
    assert ru.status_code == 404 and "Страница не найдена" in ru.content.decode()
    assert '<html lang="ru">' in ru.content.decode()


def test_draft_articles_are_not_listed(client):
    section = make_section("en")
    make_article(section, title="Draft story", live=False)
    assert "Draft story" not in client.get(section.url).content.decode()


def test_tag_page_language_link_goes_to_the_counterpart_tag(client):
    section_en = make_section("en", slug="world")
    section_ru = make_section("ru", slug="world", translation_of=section_en)
    for i in range(2):
        en = make_article(section_en, tags=["Energy"], title=f"Energy {i}")
        make_article(section_ru, language="ru", tags=["Энергетика"], translation_of=en)
    # The counterpart is the tag an editor linked (articles/models/tags.py), not a guess.
    link_tags(Tag.objects.get(name="Energy"), "en", Tag.objects.get(name="Энергетика"), "ru")
    html = client.get("/en/tags/energy/").content.decode()
    ru_slug = Tag.objects.get(name="Энергетика").slug
    assert f'href="/ru/tags/{quote(ru_slug)}/"' in html
    assert f'hreflang="ru" href="http://testserver/ru/tags/{quote(ru_slug)}/"' in html
    back = client.get(f"/ru/tags/{quote(ru_slug)}/").content.decode()
    assert 'href="/en/tags/energy/"' in back
