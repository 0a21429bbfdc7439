"""PostgreSQL tsvector ('simple' configuration over our lemmas) with a GIN index."""

from __future__ import annotations

from .base import SearchBackend, TermGroup

# ts_rank weights for {D, C, B, A}: the title (A) counts four times the body (B).
RANK_WEIGHTS = "{0.05, 0.1, 0.25, 1.0}"
# 1 = divide the rank by 1 + log(document length), so long articles do not win by size alone.
RANK_NORMALIZATION = 1


def _quote(term: str) -> str:
    return "'" + term.replace("\\", "").replace("'", "''") + "'"


def tsquery_expression(groups: list[TermGroup], require_all: bool) -> str:
    parts = ["(" + " | ".join(_quote(t) for t in group) + ")" for group in groups if group]
    return (" & " if require_all else " | ").join(parts)


class PostgresBackend(SearchBackend):
    name = "postgresql-tsvector"

    # Fixed SQL text; every value (terms, filters) is a bound parameter.
    # The tsquery is written inline (not joined as `to_tsquery(...) q`) so the planner sees a
    # constant, estimates its selectivity and uses the GIN index; as a join it chose sequential
    # scans that decompress every article's vector (90 ms instead of 1 ms on 3,000 articles).
    def _ranked_sql(self, groups, filters, require_all, capped):
        where, params = self._filter_sql(filters)
        prefer, prefer_params = self._preference_sql(filters)
        expr = tsquery_expression(groups, require_all)
        sql = (
            "SELECT page_id, score, published_at FROM ("  # noqa: S608
            "SELECT e.page_id, e.language, e.published_at, "
            "ts_rank(%s::float4[], e.search_vector, to_tsquery('simple', %s), %s) AS score FROM ("
            "SELECT e.page_id, e.language, e.published_at, e.search_vector "
            "FROM search_indexentry e "
            f"WHERE e.search_vector @@ to_tsquery('simple', %s){where} "
            "ORDER BY e.published_at DESC LIMIT %s) e) e "
            f"ORDER BY {prefer}round(score::numeric, 4) DESC, published_at DESC, page_id DESC"
        )
        cap = self.RANK_CANDIDATES if capped and not self._has_narrowing_filters(filters) else None
        return sql, [
            RANK_WEIGHTS,
            expr,
            RANK_NORMALIZATION,
            expr,
            *params,
            cap,
            *prefer_params,
        ]

    def _count_sql(self, groups, filters, require_all):
        where, params = self._filter_sql(filters)
        sql = (
            "SELECT count(*) FROM search_indexentry e "  # noqa: S608
            f"WHERE e.search_vector @@ to_tsquery('simple', %s){where}"
        )
        return sql, [tsquery_expression(groups, require_all), *params]
