"""SQLite FTS5 over the analysed text (the embedded default)."""

from __future__ import annotations

from .base import SearchBackend, SearchFilters, TermGroup

# bm25 column weights: (title_terms, body_terms, language). A title hit counts like five body
# hits; the language column only filters.
RANK = "bm25(search_fts, 5.0, 1.0, 0.0)"
# Ranking happens inside FTS5 first; only this many more rows than the page needs are then
# joined for the recency tie-break. Ties across that cut-off are not worth a full join.
RANK_WINDOW = 200


def _quote(term: str) -> str:
    # Terms come out of analysis as letters/digits only; quoting makes each a literal string
    # token for FTS5 anyway, so no operator (NEAR, AND, *, :) can ever be formed.
    return '"' + term.replace('"', '""') + '"'


def match_expression(groups: list[TermGroup], require_all: bool, filters: SearchFilters) -> str:
    parts = ["(" + " OR ".join(_quote(t) for t in group) + ")" for group in groups if group]
    expression = (" AND " if require_all else " OR ").join(parts)
    if filters.languages:
        languages = " OR ".join(_quote(code) for code in filters.languages)
        expression = f"language : ({languages}) AND ({expression})"
    return expression


class SqliteBackend(SearchBackend):
    name = "sqlite-fts5"

    # Fixed SQL text; every value (terms, filters) is a bound parameter. FTS5 matches, filters
    # by language and ranks on its own; rows are then joined by primary key (CROSS JOIN keeps
    # SQLite from probing FTS once per row of the other table instead).
    def search(self, groups, filters, *, require_all=True, offset=0, limit=10):
        self._window = offset + limit + RANK_WINDOW
        return super().search(groups, filters, require_all=require_all, offset=offset, limit=limit)

    def _ranked_sql(self, groups, filters, require_all):
        where, params = self._filter_sql(self._without_language(filters))
        prefer, prefer_params = self._preference_sql(filters)
        match = match_expression(groups, require_all, filters)
        if where:
            # Section or date filters: they must apply before the cut-off, so no window.
            inner = f"SELECT rowid, -{RANK} AS score FROM search_fts WHERE search_fts MATCH %s"  # noqa: S608
            inner_params = [match]
        else:
            inner = (
                f"SELECT rowid, -{RANK} AS score FROM search_fts WHERE search_fts MATCH %s "  # noqa: S608
                f"ORDER BY {RANK} LIMIT %s"
            )
            inner_params = [match, getattr(self, "_window", RANK_WINDOW)]
        sql = (
            f"SELECT e.page_id, s.score, e.published_at FROM ({inner}) s "  # noqa: S608
            f"CROSS JOIN search_indexentry e ON e.page_id = s.rowid WHERE 1=1{where} "
            f"ORDER BY {prefer}round(s.score, {self.SCORE_DECIMALS}) DESC, "
            "e.published_at DESC, e.page_id DESC"
        )
        return sql, [*inner_params, *params, *prefer_params]

    def _count_sql(self, groups, filters, require_all):
        where, params = self._filter_sql(self._without_language(filters))
        match = match_expression(groups, require_all, filters)
        if not where:
            return "SELECT count(*) FROM search_fts WHERE search_fts MATCH %s", [match]
        sql = (
            "SELECT count(*) FROM search_fts CROSS JOIN search_indexentry e "  # noqa: S608
            f"ON e.page_id = search_fts.rowid WHERE search_fts MATCH %s{where}"
        )
        return sql, [match, *params]

    @staticmethod
    def _without_language(filters: SearchFilters) -> SearchFilters:
        from dataclasses import replace

        return replace(filters, languages=())
