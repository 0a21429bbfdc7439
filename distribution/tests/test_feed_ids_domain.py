"""Feed item ids name the site's domain, never "localhost"."""

from __future__ import annotations

import pytest
from django.test import override_settings
from wagtail.models import Site

from articles.testing.factories import make_article

pytestmark = pytest.mark.django_db


def guids(client) -> list[str]:
    body = client.get("/en/feed/rss/").content.decode()
    return [line.split(">")[1].split("<")[0] for line in body.split("<guid")[1:]]


def test_ids_use_the_wagtail_sites_domain(client):
    page = make_article()
    Site.objects.filter(is_default_site=True).update(hostname="newsdesk.example.org")
    assert guids(client) == [f"tag:newsdesk.example.org,2025:page:{page.pk}"]


@override_settings(WAGTAILADMIN_BASE_URL="https://news.example.com")
def test_ids_use_the_public_base_url_when_the_site_is_localhost(client):
    page = make_article()
    assert Site.objects.get(is_default_site=True).hostname == "localhost"
    assert guids(client) == [f"tag:news.example.com,2025:page:{page.pk}"]


@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000", ALLOWED_HOSTS=["*"])
def test_without_any_domain_the_ids_use_the_serving_host_not_localhost(client):
    page = make_article()
    ids = guids(client)
    assert ids == [f"tag:testserver,2025:page:{page.pk}"]
    assert not any("localhost" in i for i in ids)
