"""/healthz is liveness without dependencies; /readyz checks database and cache; Redis down is
logged, not a 500 (against a real redis-server started on a free port, then killed)."""

from __future__ import annotations

import logging
import time

import pytest
from django.test import Client, override_settings

from articles.testing.factories import make_article, make_section
from core import health
from newsdesk.settings.base import redis_cache


def test_healthz_uses_no_database():
    # No django_db mark: any database access in the request would raise here.
    response = Client().get("/healthz")
    assert response.status_code == 200


@pytest.mark.django_db
def test_readyz_reports_database_and_cache():
    response = Client().get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["ready"] is True
    assert body["checks"]["database"]["ok"] and body["checks"]["cache"]["ok"]
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_answers_503_when_the_database_fails(monkeypatch):
    def broken(alias="default"):
        return "OperationalError"

    monkeypatch.setattr(health, "check_database", broken)
    response = Client().get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == {
        "ok": False,
        "ms": response.json()["checks"]["database"]["ms"],
        "error": "OperationalError",
    }


@pytest.mark.django_db
def test_pages_render_when_redis_dies(redis_server, caplog, settings):
    settings.NEWSDESK_SEARCH_RATE_LIMIT = 5
    section = make_section("en", title="World", slug="world")
    make_article(section, title="Ferry port", slug="ferry")
    pages = ["/en/", "/en/world/", "/en/world/ferry/", "/en/search/?q=ferry", "/api/search?q=x"]
    with override_settings(CACHES={"default": redis_cache(redis_server.url)}):
        client = Client(raise_request_exception=False)
        assert [client.get(url).status_code for url in pages] == [200] * len(pages)
        assert client.get("/readyz").status_code == 200

        redis_server.kill()
        redis_server.wait(timeout=10)
        caplog.clear()
        for log_filter in logging.getLogger("newsdesk.cache").filters:
            log_filter._next = 0.0  # the once-per-interval filter lets the next record through
        started = time.monotonic()
        assert [client.get(url).status_code for url in pages] == [200] * len(pages)
        elapsed = time.monotonic() - started
        ready = client.get("/readyz")
    assert ready.status_code == 503
    assert ready.json()["checks"]["cache"]["ok"] is False
    assert ready.json()["checks"]["database"]["ok"] is True
    cache_records = [r for r in caplog.records if r.name == "newsdesk.cache"]
    # Logged, but once per interval rather than once per cache call (core/log_throttle.py).
    assert len(cache_records) == 1, "cache errors are logged, throttled"
    # A refused connection fails fast; pages do not wait for the socket timeout per lookup.
    assert elapsed < 30
