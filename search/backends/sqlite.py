"""SQLite FTS5 over the analysed text (the embedded default)."""

from __future__ import annotations

from dataclasses import replace

from django.db import connection

from .base import SearchBackend, SearchFilters, TermGroup

# bm25 column weights: (title_terms, body_terms, language). A title hit counts like five body
# hits; the language column is only used to count matches in one language.
RANK = "bm25(search_fts, 5.0, 1.0, 0.0)"


def _quote(term: str) -> str:
    # Terms come out of analysis as letters/digits only; quoting makes each a literal string
    # token for FTS5 anyway, so no operator (NEAR, AND, *, :) can ever be formed.
    return '"' + term.replace('"', '""') + '"'


def match_expression(
    groups: list[TermGroup], require_all: bool, filters: SearchFilters | None = None
) -> str:
    parts = ["(" + " OR ".join(_quote(t) for t in group) + ")" for group in groups if group]
    expression = (" AND " if require_all else " OR ").join(parts)
    if filters is not None and filters.languages:
        languages = " OR ".join(_quote(code) for code in filters.languages)
        expression = f"language : ({languages}) AND ({expression})"
    return expression


class SqliteBackend(SearchBackend):
    """FTS5 matches and ranks; rows are then joined by primary key for filters and recency.

    Fixed SQL text; every value (terms, filters) is a bound parameter. CROSS JOIN keeps
    SQLite from scanning the other table and probing FTS once per row. Page ids grow with
    creation, so "the newest matches" for the ranking cap are the highest rowids, which FTS5
    walks without scoring anything.
    """

    name = "sqlite-fts5"

    def _rowid_floor(self, match: str) -> int | None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH %s "
                "ORDER BY rowid DESC LIMIT 1 OFFSET %s",
                [match, self.RANK_CANDIDATES - 1],
            )
            row = cursor.fetchone()
        return row[0] if row else None

    def _ranked_sql(self, groups, filters, require_all, capped):
        where, params = self._filter_sql(filters)
        prefer, prefer_params = self._preference_sql(filters)
        match = match_expression(groups, require_all)
        inner = f"SELECT rowid, -{RANK} AS score FROM search_fts WHERE search_fts MATCH %s"  # noqa: S608
        inner_params: list = [match]
        floor = None
        if capped and not self._has_narrowing_filters(filters):
            # The newest RANK_CANDIDATES matches *in the wanted languages*, or a rare word in
            # the reader's language would be crowded out by the other language's matches.
            floor = self._rowid_floor(match_expression(groups, require_all, filters))
        if floor is not None:
            inner += " AND rowid >= %s"
            inner_params.append(floor)
        sql = (
            f"SELECT e.page_id, s.score, e.published_at FROM ({inner}) s "  # noqa: S608
            "CROSS JOIN search_indexentry e INDEXED BY search_indexentry_rank_meta "
            f"ON e.page_id = s.rowid WHERE 1=1{where} "
            f"ORDER BY {prefer}round(s.score, {self.SCORE_DECIMALS}) DESC, "
            "e.published_at DESC, e.page_id DESC"
        )
        return sql, [*inner_params, *params, *prefer_params]

    def _term_pages_sql(self, term, filters):
        # The term alone: ANDing the language inside FTS5 would walk that language's whole
        # doclist once per term; the caller filters the grouped candidates instead.
        return (
            "SELECT rowid AS page_id FROM search_fts WHERE search_fts MATCH %s",
            [match_expression([(term,)], True)],
        )

    def _count_sql(self, groups, filters, require_all):
        # The language is matched inside FTS5: counting every match in one language through
        # a join would read one row per match.
        where, params = self._filter_sql(replace(filters, languages=()))
        match = match_expression(groups, require_all, filters)
        if not where:
            return "SELECT count(*) FROM search_fts WHERE search_fts MATCH %s", [match]
        sql = (
            "SELECT count(*) FROM search_fts CROSS JOIN search_indexentry e "  # noqa: S608
            f"ON e.page_id = search_fts.rowid WHERE search_fts MATCH %s{where}"
        )
        return sql, [match, *params]
