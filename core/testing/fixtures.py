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
