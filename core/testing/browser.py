"""Shared fixtures for browser tests: Debian's chromium driven by Playwright's sync API.

Import the fixtures a test module needs (``from core.testing.browser import browser, ...``).
Browser tests never download a browser: they use /usr/bin/chromium, and without it they skip
with a message (or fail when the ``CI`` environment variable is set, so CI cannot go green by
silently skipping them).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
#: Git-ignored folder where browser tests leave screenshots for a human to look at.
SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots"


@pytest.fixture(scope="module")
def chromium_executable() -> Path:
    if CHROMIUM.exists():
        return CHROMIUM
    message = (
        f"{CHROMIUM} is missing: install Debian's chromium (`apt-get install -y chromium`); "
        "browser tests never download a browser."
    )
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser(chromium_executable: Path) -> Iterator:
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop running in this thread, which makes Django
    # refuse ORM calls ("You cannot call this from an async context"). The ORM calls in the
    # tests are plain synchronous code, so the guard is lifted for as long as the browser lives.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(chromium_executable), headless=True, args=CHROMIUM_ARGS
            )
            try:
                yield browser
            finally:
                browser.close()


@pytest.fixture(scope="module")
def restore_migrated_data(django_db_blocker) -> Iterator[None]:
    """Put back what migrations created (Wagtail's root page, default site, content types).

    The live server needs a transactional test, whose teardown empties every table. Other test
    files running later in the same (xdist) worker expect the freshly migrated database, so the
    snapshot Django took after migrating is reloaded once the module is done. Use together with
    pytest-django's ``django_db_serialized_rollback`` fixture, which makes Django take it.
    """
    yield
    from django.core.management import call_command
    from django.db import connections

    with django_db_blocker.unblock():
        for connection in connections.all(initialized_only=True):
            snapshot = getattr(connection, "_test_serialized_contents", None)
            if snapshot is None:
                continue
            # Empty again first: rows (e.g. content types) may have been recreated since the
            # test's own flush, and would clash with the snapshot's primary keys.
            call_command(
                "flush",
                verbosity=0,
                interactive=False,
                database=connection.alias,
                inhibit_post_migrate=True,
            )
            connection.creation.deserialize_db_from_string(snapshot)
    # Reloading into empty tables goes app by app, and contenttypes comes last in
    # INSTALLED_APPS: signal handlers of earlier apps' rows create content types on demand
    # (new ids, cached in-process) before the snapshot's rows overwrite them. Without clearing,
    # the next module in this worker resolves e.g. the page content type to another model.
    # Wagtail's cached site root paths may also name pages that no longer exist.
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import caches

    ContentType.objects.clear_cache()
    for cache in caches.all(initialized_only=True):
        cache.clear()
