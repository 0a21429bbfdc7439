"""Project-wide pytest configuration."""

import os

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


def pytest_collection_modifyitems(config, items):
    """With NEWSDESK_DB_TESTS_ONLY=1 run only the tests that touch the database.

    CI runs the suite twice, on SQLite and on PostgreSQL; tests that never open a connection
    (parsers, extraction quality, sanitizer...) give the same answer both times, so the second
    run deselects them instead of repeating minutes of identical work.
    """
    if os.environ.get("NEWSDESK_DB_TESTS_ONLY") != "1":
        return
    selected = [item for item in items if uses_database(item)]
    deselected = [item for item in items if not uses_database(item)]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = selected
