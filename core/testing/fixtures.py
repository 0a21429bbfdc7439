"""Pytest fixtures shared by every app; loaded through ``pytest_plugins`` in the root conftest."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from core.testing.fake_web import FakeWeb


@pytest.fixture
def fake_web() -> Iterator[FakeWeb]:
    """A fresh local HTTP server on 127.0.0.1 (random port), closed after the test."""
    web = FakeWeb()
    try:
        yield web
    finally:
        web.close()


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    """Each test starts with an empty cache and no remembered Site/home/section lookups.

    WHY: the database is rolled back between tests but caches are not; a Site or page row
    remembered by one test (core/routing.py, core/fragment_cache.py) must not answer the next,
    and one test's searches must not count against the next one's rate limit.
    """
    from django.core.cache import cache

    from core.routing import forget_all

    cache.clear()
    forget_all()
    yield
    cache.clear()
    forget_all()
