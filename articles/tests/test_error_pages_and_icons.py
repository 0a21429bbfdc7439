"""Error pages in both languages with DEBUG off, and the icons browsers ask for at the root."""

from __future__ import annotations

import pytest
from django.test import RequestFactory, override_settings

from articles.models import HomePage
from articles.testing.factories import make_site
from core.views import server_error

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=False)
@pytest.mark.parametrize(
    ("path", "lang", "heading", "home"),
    [
        ("/en/no-such-page/", "en", "Page not found", "Go to the home page"),
        ("/ru/no-such-page/", "ru", "Страница не найдена", "Перейти на главную"),
        ("/ru/tags/no-such-tag/", "ru", "Страница не найдена", "Перейти на главную"),
        ("/en/no-section/no-article/", "en", "Page not found", "Go to the home page"),
    ],
)
def test_not_found_pages_speak_the_language_of_the_url(client, path, lang, heading, home):
    make_site()
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert f'<a href="/{lang}/">{home}</a>' in html
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [("/en/x/", "en", "Something went wrong"), ("/ru/x/", "ru", "Что-то пошло не так")],
)
def test_the_server_error_page_is_localized_and_needs_no_database(
    django_assert_num_queries, path, lang, heading
):
    with django_assert_num_queries(0):
        response = server_error(RequestFactory().get(path))
    html = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html


@override_settings(DEBUG=False)
def test_a_crashing_view_answers_with_the_localized_500_page(client, monkeypatch):
    make_site()

    def boom(self, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(HomePage, "get_context", boom)
    client.raise_request_exception = False
    response = client.get("/ru/")
    assert response.status_code == 500
    assert "Что-то пошло не так" in response.content.decode()


@pytest.mark.parametrize(
    ("path", "content_type", "magic"),
    [
        ("/favicon.ico", "image/x-icon", b"\x00\x00\x01\x00"),
        ("/apple-touch-icon.png", "image/png", b"\x89PNG"),
    ],
)
def test_root_icons_are_served(client, path, content_type, magic):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response.content.startswith(magic)
    assert response["Cache-Control"].startswith("public")


def test_pages_link_their_icons(client):
    make_site()
    html = client.get("/en/").content.decode()
    assert '<link rel="icon" href="/favicon.ico" sizes="any">' in html
    assert 'rel="apple-touch-icon"' in html
