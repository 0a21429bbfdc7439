"""Project-wide pytest configuration."""

import os

import pytest

pytest_plugins = ["core.testing.fixtures", "core.testing.browser"]

DB_FIXTURES = {
    "db",
    "transactional_db",
    "live_server",
    "django_db_serialized_rollback",
    "admin_client",
    "admin_user",
    "django_user_model",
}


def uses_database(item) -> bool:
    return item.get_closest_marker("django_db") is not None or bool(
        DB_FIXTURES.intersection(getattr(item, "fixturenames", ()))
    )


def on_postgresql() -> bool:
    from django.db import connection

    return connection.vendor == "postgresql"


def pytest_collection_modifyitems(config, items):
    """Deselect what this run does not cover, so no test is ever reported as a silent skip.

    - Tests marked ``postgres_only`` (PostgreSQL features such as search term bitmaps) when the
      database is not PostgreSQL: CI's PostgreSQL pass runs them.
    - With NEWSDESK_DB_TESTS_ONLY=1, the tests that never touch the database. CI runs the suite
      twice, on SQLite and on PostgreSQL; tests that never open a connection (parsers,
      extraction quality, sanitizer...) give the same answer both times, so the second run
      deselects them instead of repeating minutes of identical work.
    """
    keep = []
    drop = []
    postgres = on_postgresql()
    db_tests_only = os.environ.get("NEWSDESK_DB_TESTS_ONLY") == "1"
    for item in items:
        if item.get_closest_marker("postgres_only") is not None and not postgres:
            drop.append(item)
        elif db_tests_only and not uses_database(item):
            drop.append(item)
        else:
            keep.append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.fixture(autouse=True)
def fresh_semantic_index():
    """Every test starts from empty in-memory ANN indexes (search/semantic/ann.py).

    They live in process memory while each test's rows are rolled back, so without this a
    vector of an earlier test's page, whose id SQLite hands out again, would come back as a
    semantic hit for another page. Here (the project's root conftest) because tests of every
    app search through it, and core's fixtures may not import search. Query expansion's
    vocabulary (built from the archive's terms, search/expansion.py) is dropped likewise.
    """
    from search import expansion
    from search.semantic import ann

    ann.reset_all()
    expansion.forget()
    yield
    ann.reset_all()
    expansion.forget()
