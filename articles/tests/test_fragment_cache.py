"""Cached derived data on the article page is served warm and invalidated by the edits it reads.

Each test first shows the cache is really in use (a change made behind the signals' back, with a
queryset update, is not visible yet), then makes the same kind of change the way editors do and
expects the page to show it on the next request.
"""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticlePage
from articles.testing.factories import make_article, make_section
from core.fragment_cache import content_generation
from sources.models import Outlet
from sources.testing.factories import make_outlet, make_source_article

pytestmark = pytest.mark.django_db


def dont_miss_titles(client, page) -> list[str]:
    html = client.get(page.url).content.decode()
    block = re.search(r'<section class="dont-miss".*?</section>', html, re.S)
    return re.findall(r'class="card__title"><a [^>]*>([^<]+)</a>', block.group(0)) if block else []


def test_publishing_a_new_related_article_changes_dont_miss(client):
    section = make_section("en")
    page = make_article(section, tags=["ferries"], title="Main story")
    make_article(section, tags=["ferries"], title="Older related")
    assert dont_miss_titles(client, page) == ["Older related"]

    # Behind the signals' back: the cached cards (core/templatetags/fragments.py) are served.
    ArticlePage.objects.filter(title="Older related").update(title="Renamed quietly")
    assert dont_miss_titles(client, page) == ["Older related"]

    make_article(section, tags=["ferries"], title="Fresh related")
    assert "Fresh related" in dont_miss_titles(client, page)


def test_unpublishing_a_related_article_removes_it_from_dont_miss(client):
    section = make_section("en")
    page = make_article(section, tags=["ports"], title="Main story")
    gone = make_article(section, tags=["ports"], title="Soon withdrawn")
    assert dont_miss_titles(client, page) == ["Soon withdrawn"]

    gone.unpublish()
    assert "Soon withdrawn" not in dont_miss_titles(client, page)


def test_renaming_an_outlet_changes_the_attribution(client):
    outlet = make_outlet(name="Harbour Gazette")
    page = make_article(make_section("en"), sources=[make_source_article(outlet)])
    assert "Harbour Gazette" in client.get(page.url).content.decode()

    Outlet.objects.filter(pk=outlet.pk).update(name="Quiet Rename Gazette")
    assert "Quiet Rename Gazette" not in client.get(page.url).content.decode()

    outlet.name = "Port Courier"
    outlet.save()
    html = client.get(page.url).content.decode()
    assert "Port Courier" in html
    assert "Harbour Gazette" not in html


def test_publishing_a_translation_changes_the_language_link(client):
    section_en = make_section("en", slug="world")
    section_ru = make_section("ru", slug="mir", translation_of=section_en)
    page = make_article(section_en, slug="port-reopens")
    switch = r'<a href="([^"]+)"[^>]*class="language-switch"'
    assert re.search(switch, client.get(page.url).content.decode()).group(1) == "/ru/"

    make_article(section_ru, language="ru", slug="port-otkryt", translation_of=page)
    html = client.get(page.url).content.decode()
    assert re.search(switch, html).group(1) == "/ru/mir/port-otkryt/"
    assert 'hreflang="ru" href="http://testserver/ru/mir/port-otkryt/"' in html


def test_warm_caches_need_fewer_queries_than_a_cold_start(client):
    section = make_section("en")
    page = make_article(section, tags=["ferries"])
    for _ in range(3):
        make_article(section, tags=["ferries"])
    client.get(page.url)  # process-level warm-up (site root paths, renditions)
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        assert client.get(page.url).status_code == 200
    with CaptureQueriesContext(connection) as warm:
        assert client.get(page.url).status_code == 200
    assert len(warm) < len(cold)


def test_ingest_saving_unused_sources_keeps_cached_pages_but_a_used_one_refreshes_them(client):
    used = make_source_article(make_outlet(name="Used Outlet"), title="Used original")
    article = make_article(sources=[used])
    unused = make_source_article(make_outlet(name="Other Outlet"))
    client.get(article.url)
    before = content_generation()

    unused.title = "Corrected by the outlet"
    unused.save()
    assert content_generation() == before

    used.title = "Corrected original title"
    used.save()
    assert content_generation() != before
    assert "Corrected original title" in client.get(article.url).content.decode()
