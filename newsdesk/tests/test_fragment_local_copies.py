"""With a shared cache (a real redis-server), a warm article page reads Redis once, and an edit
made by another process still reaches this one's next request.

Fragments are also kept in the serving process (core/fragment_cache.py): their keys name the page
version and the content generation, so only the generation has to come from Redis.
"""

from __future__ import annotations

import redis
from django.core.cache import cache
from django.test import Client, override_settings

from articles.testing.factories import make_article, make_section
from core.fragment_cache import GENERATION_KEY, forget_local_entries
from newsdesk.settings.base import redis_cache
from sources.models import Outlet
from sources.testing.factories import make_outlet, make_source_article


def redis_calls(server, command: str) -> int:
    stats = redis.Redis.from_url(server.url).info("commandstats")
    return int(stats.get(f"cmdstat_{command}", {}).get("calls", 0))


def test_a_warm_article_page_reads_redis_once(db, redis_server):
    page = make_article(make_section("en", slug="world"), title="Ferry port reopens")
    with override_settings(CACHES={"default": redis_cache(redis_server.url)}):
        client = Client()
        for _ in range(2):
            assert client.get(page.url).status_code == 200
        before = redis_calls(redis_server, "get") + redis_calls(redis_server, "mget")
        response = client.get(page.url)
        after = redis_calls(redis_server, "get") + redis_calls(redis_server, "mget")
        assert response.status_code == 200
        assert "Ferry port reopens" in response.content.decode()
        assert after - before == 1  # the content generation; every fragment came from this process
        forget_local_entries()


def test_a_change_signalled_by_another_process_reaches_the_next_request(db, redis_server):
    outlet = make_outlet(name="Harbour Gazette")
    page = make_article(make_section("en"), sources=[make_source_article(outlet)])
    with override_settings(CACHES={"default": redis_cache(redis_server.url)}):
        client = Client()
        assert "Harbour Gazette" in client.get(page.url).content.decode()
        Outlet.objects.filter(pk=outlet.pk).update(name="Quay Courier")
        # This process still holds the old attribution (the cache is in use) ...
        assert "Quay Courier" not in client.get(page.url).content.decode()
        # ... until another process starts a new generation, as its signal handlers do.
        other_process = redis.Redis.from_url(redis_server.url)
        key = cache.make_key(GENERATION_KEY)
        other_process.incr(key)
        assert "Quay Courier" in client.get(page.url).content.decode()
        forget_local_entries()
