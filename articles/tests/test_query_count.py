"""The article page's SQL query count does not grow with its sources, tags, authors, related."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.testing.factories import make_article, make_author, make_section
from core.testing.factories import make_image
from sources.testing.factories import make_outlet, make_source_article

pytestmark = pytest.mark.django_db


def build_article(size: int, section, image):
    tags = [f"tag-{size}-{i}" for i in range(size)]
    sources = [
        make_source_article(make_outlet(), url=f"https://o{size}-{i}.example.org/a")
        for i in range(size)
    ]
    authors = [make_author() for _ in range(size)]
    article = make_article(section, sources=sources, tags=tags, authors=authors, lead_image=image)
    for i in range(size + 3):
        make_article(section, tags=tags[:1], lead_image=image, title=f"Rel {size} {i}")
    return article


def count_queries(client, page) -> int:
    client.get(page.url)  # warm caches (site root paths, renditions) like a running server
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(page.url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_article_page_query_count_is_constant(client, django_assert_max_num_queries):
    image = make_image()
    small = build_article(1, make_section("en"), image)
    large = build_article(6, make_section("en"), image)
    small_count = count_queries(client, small)
    large_count = count_queries(client, large)
    assert large_count == small_count
    with django_assert_max_num_queries(small_count):
        client.get(large.url)
