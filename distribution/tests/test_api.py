"""The read-only articles API (Wagtail API v2) at /api/v2/articles/."""

from __future__ import annotations

import json

import pytest

from articles.testing.factories import make_article

pytestmark = pytest.mark.django_db


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return response.json()


def test_lists_only_published_articles(client, newsroom):
    data = get(client, "/api/v2/articles/")
    titles = {item["title"] for item in data["items"]}
    assert titles == {"The port reopens", "Порт снова открыт", "An old story", "Budget talks"}
    assert data["meta"]["total_count"] == 4
    assert all(item["meta"]["type"] == "articles.ArticlePage" for item in data["items"])


def test_locale_filter(client, newsroom):
    russian = get(client, "/api/v2/articles/?locale=ru")
    assert [item["title"] for item in russian["items"]] == ["Порт снова открыт"]
    assert russian["items"][0]["meta"]["locale"] == "ru"
    english = get(client, "/api/v2/articles/?locale=en")
    assert {item["meta"]["locale"] for item in english["items"]} == {"en"}
    assert english["meta"]["total_count"] == 3
    assert client.get("/api/v2/articles/?locale=de").status_code == 404


def test_translation_of_filter_finds_the_counterpart(client, newsroom):
    data = get(client, f"/api/v2/articles/?translation_of={newsroom['port_en'].pk}")
    assert [item["title"] for item in data["items"]] == ["Порт снова открыт"]


def test_detail_exposes_article_fields(client, newsroom):
    page = newsroom["port_en"]
    data = get(client, f"/api/v2/articles/{page.pk}/")
    assert data["dek"] == "Ships are back in the harbour."
    assert data["authors"] == [{"id": page.authors.get().pk, "name": "Anna Volkova"}]
    assert data["tags"] == ["Transport"]
    assert [s["url"] for s in data["sources"]] == [
        "https://harbour.example.org/port",
        "https://harbour.example.org/ships",
    ]
    assert data["sources"][0]["outlet"] == "Harbour Gazette"
    assert [block["type"] for block in data["body"]] == ["paragraph", "subheading"]
    rendition = data["lead_image_rendition"]
    assert (rendition["width"], rendition["height"]) == (1200, 675)
    assert rendition["url"].endswith(".jpg")
    assert data["meta"]["html_url"].endswith("/en/world/port-reopens/")


def test_fields_param_selects_api_fields_in_listings(client, newsroom):
    data = get(client, "/api/v2/articles/?locale=ru&fields=dek,tags")
    item = data["items"][0]
    assert item["dek"] == "Суда вернулись в гавань."
    assert item["tags"] == ["Transport"]


def test_drafts_sections_and_other_page_types_are_not_served(client, newsroom):
    assert client.get(f"/api/v2/articles/{newsroom['draft_en'].pk}/").status_code == 404
    assert client.get(f"/api/v2/articles/{newsroom['world_en'].pk}/").status_code == 404
    assert client.get("/api/v2/articles/?type=articles.SectionPage").status_code == 400
    # No generic pages endpoint (it would list sections and home pages too).
    assert client.get("/api/v2/pages/", follow=True).status_code == 404


def test_api_is_read_only(client, newsroom):
    response = client.post("/api/v2/articles/", {"title": "x"})
    assert response.status_code == 405


def test_rich_text_can_be_asked_for_as_front_end_html(client, newsroom):
    target = newsroom["old_en"]
    page = make_article(
        newsroom["economy_en"],
        slug="linked",
        body=json.dumps(
            [
                {
                    "type": "paragraph",
                    "value": f'<p>See <a linktype="page" id="{target.pk}">this</a>.</p>',
                }
            ]
        ),
    )
    stored = get(client, f"/api/v2/articles/{page.pk}/")["body"][0]["value"]
    assert 'linktype="page"' in stored
    html = get(client, f"/api/v2/articles/{page.pk}/?rich_text_format=html")["body"][0]["value"]
    assert 'href="/en/world/old-story/"' in html


def test_find_by_html_path(client, newsroom):
    response = client.get("/api/v2/articles/find/?html_path=/ru/world/port-otkryt/")
    assert response.status_code == 302
    assert f"/api/v2/articles/{newsroom['port_ru'].pk}/" in response["Location"]
    missing = client.get("/api/v2/articles/find/?html_path=/ru/world/no-such-article/")
    assert missing.status_code == 404
    # Sections are pages too, but not articles.
    assert client.get("/api/v2/articles/find/?html_path=/ru/world/").status_code == 404
