"""Hostile input on every reader URL answers 2xx, 3xx or 4xx, never 500 (SQLite and PostgreSQL).

The URL patterns come from the resolver (admin excluded), so a new reader route is swept as soon
as it exists; each route's variable parts and every known query parameter get values an outside
tester would try: NUL and control bytes, invalid UTF-8 escapes, overlong text, numbers beyond
64 bits, negative numbers, the calendar's edges, path traversal, repeated parameters.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from articles.testing.factories import make_article, make_section

# Raw query-string / path text: already percent-encoded where it has to be. One value per class.
HOSTILE = [
    "%00",
    "a%01b",
    "%ff",
    "%c0%ae%c0%ae%2f",
    "x" * 3000,
    "9" * 20,
    "-" + "9" * 20,
    "-1",
    "1e308",
    "9999-12-31",
    "0001-01-01",
    "..%2f..%2fetc%2fpasswd",
    "%27%22%3C%3E",
    "*",
]
PAGE_PARAMS = ["page", "utm_source"]
SEARCH_PARAMS = ["q", "page", "from", "to", "section", "all", "lang"]
API_LISTING_PARAMS = [
    "id", "offset", "limit", "fields", "order", "type", "locale", "translation_of",
    "child_of", "descendant_of", "ancestor_of", "search", "search_operator", "title", "slug",
    "first_published_at", "show_in_menus",
]  # fmt: skip
API_DETAIL_PARAMS = ["fields", "rich_text_format", "first_published_at"]
API_FIND_PARAMS = ["id", "html_path"]
SKIPPED_PREFIXES = ("admin/",)


@pytest.fixture
def reader_site(db):
    world_en = make_section("en", title="World", slug="world")
    world_ru = make_section("ru", title="Мир", slug="world", translation_of=world_en)
    article = make_article(world_en, title="Ferry port", slug="ferry", tags=["Transport"])
    make_article(world_ru, title="Паром", slug="ferry", tags=["Transport"], translation_of=article)
    return article


def route_templates() -> list[str]:
    """Every non-admin URL pattern as a path with `{}` for each variable part."""
    templates: list[str] = []

    def walk(patterns, prefix: str) -> None:
        for pattern in patterns:
            text = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, text)
            elif isinstance(pattern, URLPattern):
                templates.append(text)

    walk(get_resolver().url_patterns, "")
    out = []
    for text in templates:
        if text.startswith(SKIPPED_PREFIXES):
            continue
        text = re.sub(r"<(?:\w+:)?\w+>", "{}", text)
        text = text.replace("^", "").replace("$", "")
        text = re.sub(r"\((?:[^()]|\([^()]*\))*\)\*?", "{}", text)
        text = text.replace("\\.", ".").replace("\\", "")
        out.append("/" + text)
    return sorted(set(out))


def test_route_templates_cover_the_reader_site():
    templates = route_templates()
    for expected in ("/en/feed/tag/{}/rss/", "/api/v2/articles/{}/", "/en/search/", "/en/{}"):
        assert expected in templates
    assert not [t for t in templates if t.startswith("/admin")]


def hostile_paths(reader_site) -> list[str]:
    paths = []
    for template in route_templates():
        holes = template.count("{}")
        if not holes:
            continue
        for value in HOSTILE:
            paths.append(template.format(*([value] * holes)))
            if template.endswith("{}") and value in ("%00", "9" * 20, "x" * 3000):
                paths.append(template.format(*([value + "/"] * holes)))
    # Page routes under real pages, including the home page's tag route.
    for base in ("/en/", "/ru/", "/en/world/", "/en/world/ferry/", "/en/tags/"):
        paths += [f"{base}{value}/" for value in HOSTILE]
    return paths


def reader_urls(reader_site) -> list[tuple[str, list[str]]]:
    """Reader URLs that exist, each with the query parameters its view reads."""
    pages = [
        "/", "/en/", "/ru/", "/en/world/", "/en/world/ferry/", "/ru/world/ferry/",
        "/en/tags/transport/", "/en/feed/rss/", "/en/feed/tag/transport/atom/",
        "/en/feed/section/world/rss/", "/sitemap.xml", "/sitemap-pages-en.xml", "/robots.txt",
    ]  # fmt: skip
    detail = f"/api/v2/articles/{reader_site.pk}/"
    return (
        [(url, PAGE_PARAMS) for url in pages]
        + [(url, SEARCH_PARAMS) for url in ("/en/search/", "/ru/search/", "/api/search")]
        + [("/api/v2/articles/", API_LISTING_PARAMS), (detail, API_DETAIL_PARAMS)]
        + [("/api/v2/articles/find/", API_FIND_PARAMS), ("/api/v2/pages/", ["offset", "id"])]
    )


def answer(client: Client, url: str) -> int:
    return client.get(url).status_code


def failures(client: Client, urls) -> list[tuple[str, int]]:
    bad = []
    for url in urls:
        status = answer(client, url)
        if status >= 500:
            bad.append((url[:200], status))
    return bad


@pytest.mark.django_db
def test_hostile_path_segments_never_answer_500(reader_site):
    client = Client(raise_request_exception=False)
    bad = failures(client, hostile_paths(reader_site))
    assert not bad, "\n".join(f"{status} {url}" for url, status in bad)


@pytest.mark.django_db
def test_hostile_query_parameters_never_answer_500(reader_site, settings):
    settings.NEWSDESK_SEARCH_RATE_LIMIT = 0
    client = Client(raise_request_exception=False)
    urls = []
    for base, params in reader_urls(reader_site):
        for name in params:
            for value in HOSTILE:
                urls.append(f"{base}?{name}={value}")
            urls.append(f"{base}?{name}=1&{name}=2")
            urls.append(f"{base}?{name}[]=1")
    urls += [f"/api/search?q=ferry&to={quote(v, safe='%')}" for v in HOSTILE]
    urls += [f"/api/v2/articles/?offset={'9' * 20}&limit=1", "/api/v2/articles/find/?id=abc"]
    bad = failures(client, urls)
    assert not bad, "\n".join(f"{status} {url}" for url, status in bad)
