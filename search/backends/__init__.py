"""Full-text backends over the search index, one per database vendor.

Callers use `get_backend()` and the `SearchBackend` interface; which SQL runs underneath is
decided by the connection's vendor, never by branching in views.
"""

from __future__ import annotations

from django.db import connection

from .base import Hit, SearchBackend, SearchFilters

__all__ = ["Hit", "SearchBackend", "SearchFilters", "get_backend"]


def get_backend() -> SearchBackend:
    """The backend for the default database (SQLite FTS5 or PostgreSQL tsvector)."""
    vendor = connection.vendor
    if vendor == "postgresql":
        from .postgres import PostgresBackend

        return PostgresBackend()
    if vendor == "sqlite":
        from .sqlite import SqliteBackend

        return SqliteBackend()
    raise NotImplementedError(f"Newsdesk search has no backend for the {vendor!r} database")
