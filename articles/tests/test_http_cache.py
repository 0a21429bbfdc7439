"""Cache-Control per page type, conditional GETs, and nothing personal in a shared cache."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from articles.testing.factories import make_article, make_section

PUBLIC = "public, max-age=60, s-maxage=600, stale-while-revalidate=30, stale-if-error=86400"


@pytest.fixture
def article(db):
    section = make_section("en", title="World", slug="world")
    return make_article(section, title="Ferry resumes", tags=["Transport"])


def shared_cacheable(response) -> bool:
    value = response.get("Cache-Control", "")
    return "public" in value and "private" not in value and "no-store" not in value


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/en/world/",
        "/en/tags/transport/",
        "/en/feed/rss/",
        "/en/feed/atom/",
        "/en/feed/section/world/rss/",
        "/en/feed/tag/transport/atom/",
        "/sitemap.xml",
        "/sitemap-news-en.xml",
        "/robots.txt",
    ],
)
def test_reader_pages_are_public_with_their_keys(client, article, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == PUBLIC
    assert "site" in response["xkey"].split()
    assert "ETag" in response


def test_article_carries_its_own_and_its_dont_miss_keys(client, article):
    other = make_article(article.get_parent().specific, title="Bridge closes", tags=["Transport"])
    response = client.get(article.url)
    assert response["Cache-Control"] == PUBLIC
    keys = response["xkey"].split()
    assert f"p{article.pk}" in keys
    assert f"p{other.pk}" in keys  # shown in its "Don't Miss"
    assert "Bridge closes" in response.content.decode()


@override_settings(
    NEWSDESK_HTTP_MAX_AGE=5,
    NEWSDESK_HTTP_S_MAXAGE=7,
    NEWSDESK_HTTP_STALE_WHILE_REVALIDATE=11,
    NEWSDESK_HTTP_STALE_IF_ERROR=13,
)
def test_values_come_from_settings(client, article):
    response = client.get(article.url)
    assert response["Cache-Control"] == (
        "public, max-age=5, s-maxage=7, stale-while-revalidate=11, stale-if-error=13"
    )


@pytest.mark.parametrize("url_name", ["article", "home", "feed"])
def test_conditional_get_answers_304(client, article, url_name):
    url = {"article": article.url, "home": "/en/", "feed": "/en/feed/rss/"}[url_name]
    first = client.get(url)
    etag = first["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["Cache-Control"] == PUBLIC
    assert client.get(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_search_and_search_api_are_private(client, article):
    for url in ("/en/search/?q=ferry", "/api/search?q=ferry"):
        response = client.get(url)
        assert response.status_code == 200
        assert not shared_cacheable(response), url
        assert "private" in response["Cache-Control"]
        assert "xkey" not in response


def test_language_redirect_is_not_shared(client, article):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 302
    assert response["Location"] == "/ru/"
    assert "private" in response["Cache-Control"]
    assert "Accept-Language" in response["Vary"]


def test_logged_in_editor_view_is_private(article, django_user_model):
    editor = django_user_model.objects.create_superuser("ed", "ed@example.org", "pw")
    client = Client()
    client.force_login(editor)
    for url in (article.url, "/en/", "/en/feed/rss/"):
        response = client.get(url)
        assert response.status_code == 200
        assert not shared_cacheable(response), url
        assert "xkey" not in response
        assert "Cookie" in response["Vary"]


def test_a_session_cookie_alone_makes_it_private(client, article):
    client.cookies["sessionid"] = "whatever"
    response = client.get(article.url)
    assert not shared_cacheable(response)


def test_a_response_setting_a_cookie_is_not_stored(client, article):
    # The admin login form sets the CSRF cookie.
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert response.cookies
    assert not shared_cacheable(response)
    assert "private" in response["Cache-Control"]


def test_admin_and_preview_are_private(article, django_user_model):
    editor = django_user_model.objects.create_superuser("ed", "ed@example.org", "pw")
    client = Client()
    client.force_login(editor)
    for url in (
        "/admin/",
        f"/admin/pages/{article.pk}/edit/",
        f"/admin/pages/{article.pk}/edit/preview/?mode=",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not shared_cacheable(response), url


def test_post_and_errors_are_never_stored(client, article):
    post = client.post(article.url, {"x": "1"})
    assert "no-store" in post["Cache-Control"]
    for url in ("/en/no-such-page/", "/en/feed/tag/nothing-here/rss/", "/sitemap-nope.xml"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Cache-Control"] == "private, no-store"


def test_undeclared_views_default_to_private(client, db):
    response = client.get("/healthz")
    assert response["Cache-Control"] == "private, no-cache"
