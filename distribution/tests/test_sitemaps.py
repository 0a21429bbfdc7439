"""Sitemap index, page sitemap with hreflang alternates, Google News sitemaps, robots.txt."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from lxml import etree

pytestmark = pytest.mark.django_db

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return etree.fromstring(response.content)


def page_entries(client) -> dict[str, dict[str, str]]:
    """loc -> {hreflang: href} from the pages sitemap."""
    root = xml(client, "/sitemap-pages.xml")
    return {
        url.findtext(f"{SM}loc"): {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in root.findall(f"{SM}url")
    }


def test_index_lists_every_sitemap_and_each_resolves(client, newsroom):
    root = xml(client, "/sitemap.xml")
    assert root.tag == f"{SM}sitemapindex"
    locations = [s.findtext(f"{SM}loc") for s in root.findall(f"{SM}sitemap")]
    assert locations == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-news-en.xml",
        "http://testserver/sitemap-news-ru.xml",
    ]
    for location in locations:
        xml(client, location.removeprefix("http://testserver"))
    lastmods = [s.findtext(f"{SM}lastmod") for s in root.findall(f"{SM}sitemap")]
    assert all(datetime.fromisoformat(value).tzinfo is not None for value in lastmods)


def test_pages_sitemap_lists_live_pages_of_both_languages(client, newsroom):
    entries = page_entries(client)
    base = "http://testserver"
    for path in (
        "/en/",
        "/ru/",
        "/en/world/",
        "/ru/world/",
        "/en/world/port-reopens/",
        "/ru/world/port-otkryt/",
        "/en/economy/budget-talks/",
    ):
        assert base + path in entries, path
    assert not any("draft" in loc for loc in entries)


def test_translated_pages_carry_hreflang_alternates_with_x_default(client, newsroom):
    entries = page_entries(client)
    expected = {
        "en": "http://testserver/en/world/port-reopens/",
        "ru": "http://testserver/ru/world/port-otkryt/",
        "x-default": "http://testserver/en/world/port-reopens/",
    }
    assert entries["http://testserver/en/world/port-reopens/"] == expected
    assert entries["http://testserver/ru/world/port-otkryt/"] == expected
    # Untranslated: only itself (and x-default, as it is English).
    assert entries["http://testserver/en/economy/budget-talks/"] == {
        "en": "http://testserver/en/economy/budget-talks/",
        "x-default": "http://testserver/en/economy/budget-talks/",
    }


def test_unpublishing_a_translation_removes_its_alternate(client, newsroom):
    newsroom["port_ru"].unpublish()
    entries = page_entries(client)
    assert "http://testserver/ru/world/port-otkryt/" not in entries
    assert "ru" not in entries["http://testserver/en/world/port-reopens/"]


def news_entries(client, language):
    root = xml(client, f"/sitemap-news-{language}.xml")
    result = {}
    for url in root.findall(f"{SM}url"):
        news = url.find(f"{NEWS}news")
        result[url.findtext(f"{SM}loc")] = {
            "name": news.findtext(f"{NEWS}publication/{NEWS}name"),
            "language": news.findtext(f"{NEWS}publication/{NEWS}language"),
            "date": datetime.fromisoformat(news.findtext(f"{NEWS}publication_date")),
            "title": news.findtext(f"{NEWS}title"),
        }
    return result


def test_news_sitemap_holds_only_the_last_48_hours_of_that_language(client, newsroom):
    english = news_entries(client, "en")
    assert list(english) == [
        "http://testserver/en/economy/budget-talks/",  # 2 hours old
        "http://testserver/en/world/port-reopens/",  # 30 hours old
    ]  # the 6-day-old story and the draft are left out
    budget = english["http://testserver/en/economy/budget-talks/"]
    assert budget == {
        "name": "Newsdesk",
        "language": "en",
        "date": newsroom["budget_en"].first_published_at,
        "title": "Budget talks",
    }
    russian = news_entries(client, "ru")
    assert list(russian) == ["http://testserver/ru/world/port-otkryt/"]
    assert russian["http://testserver/ru/world/port-otkryt/"]["language"] == "ru"
    assert russian["http://testserver/ru/world/port-otkryt/"]["title"] == "Порт снова открыт"


def test_news_window_follows_the_display_date(client, newsroom):
    """Readers see the display date; an article shown as 3 days old is not news any more."""
    page = newsroom["budget_en"]
    page.display_date = newsroom["now"] - timedelta(days=3)
    page.save_revision().publish()
    assert "http://testserver/en/economy/budget-talks/" not in news_entries(client, "en")


def test_unknown_sitemap_section_is_a_404(client, newsroom):
    assert client.get("/sitemap-news-de.xml").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_robots_txt_names_the_sitemaps_and_keeps_crawlers_out_of_admin_and_search(client, newsroom):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    disallowed = {line.split(": ", 1)[1] for line in lines if line.startswith("Disallow:")}
    assert disallowed == {"/admin/", "/en/search/", "/ru/search/", "/api/search"}
    sitemaps = [line.split(": ", 1)[1] for line in lines if line.startswith("Sitemap:")]
    assert sitemaps[0] == "http://testserver/sitemap.xml"
    assert set(sitemaps) >= {
        "http://testserver/sitemap-news-en.xml",
        "http://testserver/sitemap-news-ru.xml",
    }
    for url in sitemaps:
        assert client.get(url.removeprefix("http://testserver")).status_code == 200
