"""A QuerySet compiled to SQL once per process and then run with new values: `PreparedQuery`.

WHY: for a one-row lookup on a hot path, Django spends several times longer compiling the
QuerySet to SQL (resolving columns, joins, ordering) than the database spends answering it. The
article page's own lookup by URL was the largest single cost of serving it. A PreparedQuery
builds the QuerySet once with placeholder values, keeps the SQL the ORM produced (so joins,
column lists and quoting stay the ORM's, on every database backend), and runs it through
`QuerySet.raw()`, which maps the columns back onto model instances.

Use it only for lookups whose shape never changes (same filters, same columns); the values are
always passed as query parameters, never pasted into the SQL.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connections
from django.db.models import Model, QuerySet


class PreparedQuery:
    """`PreparedQuery(lambda url, prefix: Model.objects.filter(...), "url", "prefix")`.

    The builder receives one placeholder string per named parameter and must use each one as a
    whole value or as the start of a LIKE pattern (``__startswith``); `first(**values)` then runs
    the compiled SQL with the real values.
    """

    def __init__(self, build: Callable[..., QuerySet], *names: str):
        self.build = build
        self.names = names
        self._compiled: dict[str, tuple[type[Model], str, list]] = {}

    def _placeholder(self, name: str) -> str:
        # Letters and digits only: LIKE escaping (``__startswith``) must leave it intact.
        return f"\x1ePREPARED{self.names.index(name)}\x1e"

    def _compile(self, alias: str) -> tuple[type[Model], str, list]:
        queryset = self.build(*(self._placeholder(name) for name in self.names)).using(alias)
        sql, params = queryset.query.sql_with_params()
        return queryset.model, sql, list(params)

    def _bind(self, params: list, values: dict, using: str) -> list:
        bound = []
        for param in params:
            if isinstance(param, str) and "\x1ePREPARED" in param:
                for name, value in values.items():
                    placeholder = self._placeholder(name)
                    if param == placeholder:
                        param = value  # a whole value: passed through as it is
                        break
                    if placeholder in param:
                        # Part of a LIKE pattern: escape % and _ in the value as the ORM would.
                        escaped = connections[using].ops.prep_for_like_query(str(value))
                        param = param.replace(placeholder, escaped)
            bound.append(param)
        return bound

    def first(self, using: str = "default", **values: Any) -> Model | None:
        """The first row as a model instance, or None."""
        if set(values) != set(self.names):
            raise TypeError(f"expected values for {self.names}, got {sorted(values)}")
        vendor_key = f"{using}:{connections[using].vendor}"
        compiled = self._compiled.get(vendor_key)
        if compiled is None:
            compiled = self._compile(using)
            self._compiled[vendor_key] = compiled
        model, sql, params = compiled
        bound = self._bind(params, values, using)
        for instance in model._default_manager.raw(sql, bound, using=using):
            return instance
        return None
