"""Author pages in both languages, bylines linking there, and the about/corrections pages
linked from the footer."""

from __future__ import annotations

import json
import re

import pytest
from wagtail.models import Page

from articles.models import InfoPage
from articles.testing.factories import make_article, make_author, make_section, make_site
from articles.trust_pages import about_url, corrections_policy_url
from core.testing.factories import make_image

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> list[dict]:
    bodies = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(body) for body in bodies]


@pytest.fixture
def anna(db):
    photo = make_image()
    photo.description = "Anna Volkova at her desk"
    photo.save()
    en = make_author("Anna Volkova", role="Northern Europe correspondent", bio="Reads ports.")
    en.photo = photo
    en.save()
    ru = make_author(
        "Анна Волкова",
        language="ru",
        role="обозреватель",
        bio="Читает о портах.",
        translation_key=en.translation_key,
        photo=photo,
    )
    return {"en": en, "ru": ru}


def test_author_pages_in_both_languages_show_who_they_are_and_what_they_wrote(client, anna):
    assert (anna["en"].slug, anna["ru"].slug) == ("anna-volkova", "anna-volkova")
    section_en, section_ru = make_section("en"), make_section("ru")
    mine = [make_article(section_en, authors=[anna["en"]], title=f"Mine {i}") for i in range(13)]
    make_article(section_en, title="Not mine")
    ru = make_article(section_ru, language="ru", authors=[anna["ru"]], title="Моя статья")

    html = client.get("/en/authors/anna-volkova/").content.decode()
    assert "<h1>Anna Volkova</h1>" in html
    assert "Northern Europe correspondent" in html and "Reads ports." in html
    assert 'alt="Anna Volkova at her desk"' in html
    assert "Not mine" not in html and "Моя статья" not in html
    assert html.count('class="card__title"') == 12  # paginated, 12 a page
    assert 'rel="next" href="?page=2"' in html
    page2 = client.get("/en/authors/anna-volkova/?page=2").content.decode()
    assert mine[0].title in page2
    # The switch leads to the same person's Russian page, and hreflang says so.
    assert 'href="/ru/authors/anna-volkova/"' in html
    profile = next(item for item in json_ld(html) if item["@type"] == "ProfilePage")
    person = profile["mainEntity"]
    assert person["@type"] == "Person"
    assert person["name"] == "Anna Volkova"
    assert person["jobTitle"] == "Northern Europe correspondent"
    assert person["url"] == "http://testserver/en/authors/anna-volkova/"
    assert person["image"]["url"].startswith("http://testserver/")

    ru_html = client.get("/ru/authors/anna-volkova/").content.decode()
    assert "<h1>Анна Волкова</h1>" in ru_html
    assert "Моя статья" in ru_html and "Mine 0" not in ru_html
    assert "Статьи автора: Анна Волкова" in ru_html
    assert ru.title in ru_html


def test_unknown_author_is_a_404(client, anna):
    make_site()
    assert client.get("/en/authors/nobody/").status_code == 404
    assert client.get("/ru/authors/nobody/").status_code == 404


def test_bylines_link_the_author_page_and_json_ld_names_it(client, anna):
    page = make_article(authors=[anna["en"]])
    html = client.get(page.url).content.decode()
    assert '<a href="/en/authors/anna-volkova/" rel="author">Anna Volkova</a>' in html
    article = next(item for item in json_ld(html) if item["@type"] == "NewsArticle")
    assert article["author"] == [
        {
            "@type": "Person",
            "name": "Anna Volkova",
            "url": "http://testserver/en/authors/anna-volkova/",
        }
    ]


def add_info_page(home, purpose: str, title: str, slug: str, translation_of=None) -> InfoPage:
    page = InfoPage(title=title, slug=slug, purpose=purpose, intro=f"{title}.", body="<p>Text.</p>")
    if translation_of is not None:
        page.translation_key = translation_of.translation_key
    page.locale = home.locale
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_about_and_corrections_pages_are_linked_from_the_footer_and_the_publisher(client, anna):
    homes = make_site()
    about = add_info_page(homes["en"], "about", "About Newsdesk", "about")
    add_info_page(homes["ru"], "about", "О Newsdesk", "about", translation_of=about)
    policy = add_info_page(homes["en"], "corrections", "Corrections policy", "corrections")
    add_info_page(homes["ru"], "corrections", "Как мы исправляем ошибки", "corrections", policy)
    assert about_url("en") == "/en/about/" and corrections_policy_url("ru") == "/ru/corrections/"

    article = make_article(authors=[anna["en"]])
    for url, lang in (("/en/", "en"), (article.url, "en"), ("/ru/", "ru")):
        html = client.get(url).content.decode()
        footer = html.split('<footer class="site-footer">')[1]
        assert f'href="/{lang}/about/"' in footer
        assert f'href="/{lang}/corrections/"' in footer
    html = client.get(article.url).content.decode()
    publisher = next(item for item in json_ld(html) if item["@type"] == "NewsArticle")["publisher"]
    assert publisher["@type"] == "NewsMediaOrganization"
    assert publisher["correctionsPolicy"] == "http://testserver/en/corrections/"
    assert publisher["publishingPrinciples"] == "http://testserver/en/about/"
    assert publisher["masthead"] == "http://testserver/en/about/"

    # The about page is the masthead: it lists the newsroom's people with their roles.
    about_html = client.get("/en/about/").content.decode()
    assert '<a href="/en/authors/anna-volkova/">Anna Volkova</a> — Northern Europe' in about_html
    assert any(item["@type"] == "AboutPage" for item in json_ld(about_html))


def test_an_unpublished_policy_page_leaves_the_footer(client):
    homes = make_site()
    policy = add_info_page(homes["en"], "corrections", "Corrections policy", "corrections")
    assert 'href="/en/corrections/"' in client.get("/en/").content.decode()
    Page.objects.get(pk=policy.pk).specific.unpublish()
    assert corrections_policy_url("en") is None
    assert 'href="/en/corrections/"' not in client.get("/en/").content.decode()
