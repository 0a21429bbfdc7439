"""Shared fixtures for browser tests: Debian's chromium driven by Playwright's sync API.

Import the fixtures a test module needs (``from core.testing.browser import browser, ...``).
Browser tests never download a browser: they use /usr/bin/chromium, and without it they skip
with a message (or fail when the ``CI`` environment variable is set, so CI cannot go green by
silently skipping them).
"""

from __future__ import annotations

import json
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


def sync_sequences(connection) -> None:
    """Move every table's id sequence past its highest id, as ``loaddata`` does.

    Rows loaded with explicit ids (Django's snapshot) do not advance PostgreSQL's sequences; if
    something reset them, the next insert would reuse an id. A no-op on SQLite.
    """
    from django.apps import apps
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def reload_snapshot(connection, snapshot: str) -> None:
    """Load Django's post-migration snapshot (``_test_serialized_contents``) into empty tables.

    Like Django's ``deserialize_db_from_string``, but content types go first. Wagtail's Page
    and Task set their content type in ``__init__`` when the instance has no id yet, which is the
    case while a multi-table child row is being deserialized; with the content type table still
    empty that creates a row on demand, which then clashes with the snapshot's own row for the
    same model (PostgreSQL: unique violation) or silently takes its id (SQLite: wrong model for
    an id). Loading content types first means they are found, never created.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.core import serializers
    from django.db import transaction

    records = json.loads(snapshot)
    content_types = [r for r in records if r["model"] == "contenttypes.contenttype"]
    others = [r for r in records if r["model"] != "contenttypes.contenttype"]
    tables: set[str] = set()
    ContentType.objects.clear_cache()
    with transaction.atomic(using=connection.alias), connection.constraint_checks_disabled():
        for part in (content_types, others):
            for obj in serializers.deserialize("python", part, using=connection.alias):
                obj.save()
                tables.add(obj.object._meta.db_table)
        connection.check_constraints(table_names=tables)
    ContentType.objects.clear_cache()
    sync_sequences(connection)


@pytest.fixture(scope="module")
def restore_migrated_data(django_db_blocker) -> Iterator[None]:
    """Put back what migrations created (Wagtail's root page, default site, content types).

    The live server needs a transactional test, whose teardown empties every table. Other test
    files running later in the same (xdist) worker expect the freshly migrated database, so the
    snapshot Django took after migrating is reloaded once the module is done. Use together with
    pytest-django's ``django_db_serialized_rollback`` fixture, which makes Django take it.
    """
    yield
    from django.core.cache import caches
    from django.core.management import call_command
    from django.db import connections

    with django_db_blocker.unblock():
        for connection in connections.all(initialized_only=True):
            snapshot = getattr(connection, "_test_serialized_contents", None)
            if snapshot is None:
                continue
            # Empty again first: rows may have been created since the test's own flush. Keep
            # sequences, as Django's own flush between tests does: the snapshot is loaded with
            # explicit ids, which does not move PostgreSQL's sequences, so reset sequences would
            # hand out ids the snapshot already uses.
            call_command(
                "flush",
                verbosity=0,
                interactive=False,
                database=connection.alias,
                reset_sequences=False,
                inhibit_post_migrate=True,
            )
            reload_snapshot(connection, snapshot)
    # Wagtail caches site root paths in Django's cache; they may name pages that are gone.
    for cache in caches.all(initialized_only=True):
        cache.clear()


@pytest.fixture
def site_url(restore_migrated_data, browser, live_server, django_db_serialized_rollback) -> str:
    """The live server's base URL; its database is the (transactional) test database.

    A browser module that ran earlier in this worker may have reloaded the database without
    clearing the in-process content type cache or with reset id sequences; start from what the
    database holds.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import connections

    ContentType.objects.clear_cache()
    for connection in connections.all(initialized_only=True):
        sync_sequences(connection)
    return live_server.url
