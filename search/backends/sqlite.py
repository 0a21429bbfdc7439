"""SQLite FTS5 over the analysed text (the embedded default)."""

from __future__ import annotations

from .base import SearchBackend, TermGroup

# bm25 column weights: (title_terms, body_terms). A title hit counts like five body hits.
TITLE_WEIGHT = 5.0
BODY_WEIGHT = 1.0


def _quote(term: str) -> str:
    # Terms come out of analysis as letters/digits only; quoting makes each a literal string
    # token for FTS5 anyway, so no operator (NEAR, AND, *, :) can ever be formed.
    return '"' + term.replace('"', '""') + '"'


def match_expression(groups: list[TermGroup], require_all: bool) -> str:
    parts = ["(" + " OR ".join(_quote(t) for t in group) + ")" for group in groups if group]
    return (" AND " if require_all else " OR ").join(parts)


class SqliteBackend(SearchBackend):
    name = "sqlite-fts5"

    # Fixed SQL text; every value (terms, filters) is a bound parameter.
    def _ranked_sql(self, groups, filters, require_all):
        where, params = self._filter_sql(filters)
        prefer, prefer_params = self._preference_sql(filters)
        sql = (
            "SELECT e.page_id, -bm25(search_fts, %s, %s) AS score, e.published_at "  # noqa: S608
            "FROM search_fts JOIN search_indexentry e ON e.page_id = search_fts.rowid "
            f"WHERE search_fts MATCH %s{where} "
            f"ORDER BY {prefer}round(score, {self.SCORE_DECIMALS}) DESC, "
            "e.published_at DESC, e.page_id DESC"
        )
        match = match_expression(groups, require_all)
        return sql, [TITLE_WEIGHT, BODY_WEIGHT, match, *params, *prefer_params]

    def _count_sql(self, groups, filters, require_all):
        where, params = self._filter_sql(filters)
        if not where:
            sql = "SELECT count(*) FROM search_fts WHERE search_fts MATCH %s"
            return sql, [match_expression(groups, require_all)]
        sql = (
            "SELECT count(*) FROM search_fts JOIN search_indexentry e "  # noqa: S608
            f"ON e.page_id = search_fts.rowid WHERE search_fts MATCH %s{where}"
        )
        return sql, [match_expression(groups, require_all), *params]
