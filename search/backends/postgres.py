"""PostgreSQL tsvector ('simple' configuration over our lemmas) with a GIN index.

Two ways to find matches, same results:

- the GIN index (`search_vector @@ tsquery`): cheap when few articles match, but PostgreSQL
  has no index-only GIN scan, so it visits the row of every match -- for a word found in
  15,000 of 100,000 articles, ~30 ms just to count them;
- term bitmaps (`TermBitmap`, kept exact through a trigger's change log, migration 0008) for
  terms in at least `indexing.COMMON_TERM_DOCUMENTS` articles: the count is a popcount and
  "the newest matches" are the highest set bits, both in microseconds, then only those
  candidates are read and ranked by primary key.

A query uses the bitmaps when every word has at least one common term (a word made only of
rare terms keeps the match set small, which is what GIN is good at) and no section or date
filter narrows it. Rare alternatives of a common word are fetched through GIN and added.
"""

from __future__ import annotations

from django.db import connection

from .base import SearchBackend, SearchFilters, TermGroup

# ts_rank weights for {D, C, B, A}: the title (A) counts four times the body (B).
RANK_WEIGHTS = "{0.05, 0.1, 0.25, 1.0}"
# 1 = divide the rank by 1 + log(document length), so long articles do not win by size alone.
RANK_NORMALIZATION = 1
# Set bits of every byte value, lowest first: turns a bitmap into page ids without a bit loop.
_BYTE_BITS = [tuple(b for b in range(8) if value >> b & 1) for value in range(256)]


# The bitmaps, then the changes index writes logged since the last fold (migration 0008) for
# the same terms, per page and term only the newest, in one statement: one snapshot, so a fold
# committing in between cannot make a change count twice or not at all.
BITMAPS_SQL = (
    "SELECT term, bits, NULL::integer, NULL::boolean, 0::bigint FROM search_termbitmap "
    "WHERE term = ANY(%s) "
    "UNION ALL SELECT * FROM ("
    "SELECT DISTINCT ON (page_id, term) term, NULL::bytea, page_id, is_set, id FROM ("
    "SELECT id, page_id, unnest(terms) AS term, is_set FROM search_termbitmap_pending) o "
    "WHERE term = ANY(%s) ORDER BY page_id, term, id DESC) p "
    "ORDER BY 5"
)


def _quote(term: str) -> str:
    return "'" + term.replace("\\", "").replace("'", "''") + "'"


def tsquery_expression(groups: list[TermGroup], require_all: bool) -> str:
    parts = ["(" + " | ".join(_quote(t) for t in group) + ")" for group in groups if group]
    return (" & " if require_all else " | ").join(parts)


def highest_ids(bitmap: int, count: int) -> list[int]:
    """The `count` highest set bit positions (page ids) of a bitmap, highest first."""
    if bitmap <= 0:
        return []
    data = bitmap.to_bytes((bitmap.bit_length() + 7) // 8, "little")
    ids: list[int] = []
    for index in range(len(data) - 1, -1, -1):
        value = data[index]
        if value:
            base = index * 8
            ids.extend(base + bit for bit in reversed(_BYTE_BITS[value]))
            if len(ids) >= count:
                return ids[:count]
    return ids


class PostgresBackend(SearchBackend):
    name = "postgresql-tsvector"
    #: ts_rank reads each candidate's whole vector (~15 us a row at 100,000 articles on the
    #: reference 2-core machine, where FTS5's bm25 needs ~2 us), so PostgreSQL ranks the newest
    #: 1,000 matches of a very common query where SQLite ranks 2,000: 2,000 cost ~30 ms alone.
    #: Queries with fewer matches, or with a section/date filter, rank all of them.
    RANK_CANDIDATES = 1_000
    #: `|| ''` keeps the language filter off the btree index: a language holds 20-80 % of the
    #: archive, so ANDing its index with the GIN matches read 40,000-80,000 row pointers
    #: (~7 ms of an 11 ms query for a word in 800 articles, 5 ms without). Checking the
    #: language on the few rows GIN returns is cheaper, and the match set is the same.
    LANGUAGE_SQL = "({alias}.language || '')"

    def __init__(self) -> None:
        # find() counts, then fetches a page of the same query: compute the bitmap once.
        self._bitmaps: dict[tuple, int | None] = {}
        # ...and on the GIN path the count query may have ranked every match already.
        self._ranked: dict[tuple, list] = {}

    # --- bitmap path -----------------------------------------------------------------------

    def _match_bitmap(
        self, groups: list[TermGroup], filters: SearchFilters, require_all: bool
    ) -> int | None:
        """The matching page ids as a bitmap, or None when the bitmaps cannot answer."""
        groups = [g for g in groups if g]
        if not groups or self._has_narrowing_filters(filters):
            return None
        key = (tuple(groups), filters, require_all)
        if key not in self._bitmaps:
            self._bitmaps[key] = self._compute_bitmap(groups, filters, require_all)
        return self._bitmaps[key]

    def _compute_bitmap(self, groups, filters, require_all) -> int | None:
        from ..indexing import LANGUAGE_TERM_PREFIX

        language_terms = [LANGUAGE_TERM_PREFIX + code for code in filters.languages]
        wanted = sorted({t for g in groups for t in g} | set(language_terms))
        stored: dict[str, int] = {}
        with connection.cursor() as cursor:
            cursor.execute(BITMAPS_SQL, [wanted, wanted])
            for term, bits, page_id, is_set, _order in cursor:
                if page_id is None:
                    stored[term] = int.from_bytes(bits, "little")
                elif term in stored:  # logged changes come after the bitmaps
                    if is_set:
                        stored[term] |= 1 << page_id
                    else:
                        stored[term] &= ~(1 << page_id)
        if any(t not in stored for t in language_terms):
            return None  # bitmaps not built (fresh bulk load) or an unseen language
        if require_all and any(not any(t in stored for t in g) for g in groups):
            return None  # a word with only rare terms: GIN finds its few matches fastest
        rare = sorted({t for g in groups for t in g if t not in stored})
        if rare:
            stored.update(self._rare_bitmaps(rare))
        result = None
        for group in groups:
            bits = 0
            for term in group:
                bits |= stored.get(term, 0)
            if result is None:
                result = bits
            else:
                result = result & bits if require_all else result | bits
        if language_terms:
            languages = 0
            for term in language_terms:
                languages |= stored[term]
            result &= languages
        return result or 0

    def _rare_bitmaps(self, terms: list[str]) -> dict[str, int]:
        """Bitmaps of terms below the common threshold, through GIN (few rows each)."""
        from ..indexing import bitmap_from_ids

        ids: dict[str, list[int]] = {t: [] for t in terms}
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT e.page_id, array(SELECT unnest(tsvector_to_array(e.search_vector)) "
                "INTERSECT SELECT unnest(%s::text[])) FROM search_indexentry e "
                "WHERE e.search_vector @@ to_tsquery('simple', %s)",
                [terms, " | ".join(_quote(t) for t in terms)],
            )
            for page_id, found in cursor:
                for term in found:
                    ids[term].append(page_id)
        return {t: int.from_bytes(bitmap_from_ids(pks), "little") for t, pks in ids.items()}

    # --- SearchBackend ---------------------------------------------------------------------

    def count(self, groups, filters, *, require_all=True) -> int:
        bitmap = self._match_bitmap(groups, filters, require_all)
        if bitmap is not None:
            return bitmap.bit_count()
        return self._count_and_rank(groups, filters, require_all)

    def _count_and_rank(self, groups, filters, require_all) -> int:
        """GIN path: count the matches and rank them in the same query, so the search that
        follows reads no row again (counting and ranking each visited every match: two
        5-15 ms scans for a word in 800 articles).

        Without a section/date filter this path is taken when a word has only rare terms
        (each in fewer than COMMON_TERM_DOCUMENTS = RANK_CANDIDATES articles), so the matches
        rarely exceed the cap; when they do, this ranking is discarded and search() runs the
        capped query. With a section/date filter every match is ranked anyway.
        """
        from .base import Hit

        where, params = self._filter_sql(filters)
        prefer, prefer_params = self._preference_sql(filters)
        expr = tsquery_expression(groups, require_all)
        cap = None if self._has_narrowing_filters(filters) else self.RANK_CANDIDATES
        # The vector is ranked below the window count, so the count buffers only small rows.
        sql = (
            "SELECT page_id, score, published_at, total FROM ("  # noqa: S608
            "SELECT e.page_id, e.language, e.published_at, count(*) OVER () AS total, "
            "ts_rank(%s::float4[], e.search_vector, to_tsquery('simple', %s), %s) AS score "
            "FROM search_indexentry e "
            f"WHERE e.search_vector @@ to_tsquery('simple', %s){where}) e "
            f"ORDER BY {prefer}round(score::numeric, 4) DESC, published_at DESC, page_id DESC "
            "LIMIT %s"
        )
        sql_params = [RANK_WEIGHTS, expr, RANK_NORMALIZATION, expr, *params, *prefer_params, cap]
        with connection.cursor() as cursor:
            cursor.execute(sql, sql_params)
            rows = cursor.fetchall()
        if not rows:
            return 0
        total = int(rows[0][3])
        if cap is None or total <= cap:
            key = (tuple(g for g in groups if g), filters, require_all)
            self._ranked[key] = [Hit(int(pk), float(score), at) for pk, score, at, _ in rows]
        return total

    def search(
        self, groups, filters, *, require_all=True, offset=0, limit=10, capped=True, total=None
    ):
        ranked = self._ranked.get((tuple(g for g in groups if g), filters, require_all))
        if ranked is not None:
            # count() ranked every match: the same order the uncapped query gives.
            return ranked[offset : offset + limit]
        bitmap = self._match_bitmap(groups, filters, require_all) if capped else None
        if bitmap is None:
            return super().search(
                groups,
                filters,
                require_all=require_all,
                offset=offset,
                limit=limit,
                capped=capped,
                total=total,
            )
        from .base import Hit

        candidates = highest_ids(bitmap, self.RANK_CANDIDATES)
        prefer, prefer_params = self._preference_sql(filters)
        sql = (
            "SELECT page_id, score, published_at FROM ("  # noqa: S608
            "SELECT e.page_id, e.language, e.published_at, "
            "ts_rank(%s::float4[], e.search_vector, to_tsquery('simple', %s), %s) AS score "
            "FROM search_indexentry e WHERE e.page_id = ANY(%s::integer[])) e "
            f"ORDER BY {prefer}round(score::numeric, 4) DESC, published_at DESC, page_id DESC "
            "LIMIT %s OFFSET %s"
        )
        params = [
            RANK_WEIGHTS,
            tsquery_expression(groups, require_all),
            RANK_NORMALIZATION,
            # One array literal: psycopg would adapt a list of 1,000 ints one by one (~2 ms).
            "{" + ",".join(map(str, candidates)) + "}",
            *prefer_params,
            limit,
            offset,
        ]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [Hit(int(pk), float(score), published) for pk, score, published in cursor]

    # --- GIN path --------------------------------------------------------------------------

    # Fixed SQL text; every value (terms, filters) is a bound parameter.
    # The tsquery is written inline (not joined as `to_tsquery(...) q`) so the planner sees a
    # constant, estimates its selectivity and uses the GIN index; as a join it chose sequential
    # scans that decompress every article's vector (90 ms instead of 1 ms on 3,000 articles).
    # The cap keeps the highest page ids (the newest pages, as the bitmaps and SQLite do);
    # `page_id + 0` stops the planner from walking the primary key backwards and testing
    # every row's vector until it has enough, which reads far more rows than GIN returns.
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
            "ORDER BY e.page_id + 0 DESC LIMIT %s) e) e "
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

    def _term_pages_sql(self, term, filters):
        # No ranking, no positions: GIN plus the heap row for page_id, never ts_rank.
        return (
            "SELECT e.page_id FROM search_indexentry e "
            "WHERE e.search_vector @@ to_tsquery('simple', %s)",
            [_quote(term)],
        )

    def _count_sql(self, groups, filters, require_all):
        where, params = self._filter_sql(filters)
        sql = (
            "SELECT count(*) FROM search_indexentry e "  # noqa: S608
            f"WHERE e.search_vector @@ to_tsquery('simple', %s){where}"
        )
        return sql, [tsquery_expression(groups, require_all), *params]
