"""Fixtures for newsroom tests."""

import pytest

from articles.creation import home_for


@pytest.fixture
def site(db):
    """English and Russian home pages, found or made the way the archive importer does."""
    return {lang: home_for(lang) for lang in ("en", "ru")}
