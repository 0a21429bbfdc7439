"""What every full-text backend offers, and the filters it must apply."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db import connection

# A query term group: alternative index terms for one word; a document matches the group when
# it contains any of them.
TermGroup = tuple[str, ...]


@dataclass(frozen=True)
class SearchFilters:
    languages: tuple[str, ...] = ()
    section_id: int | None = None
    date_from: datetime | None = None
    date_until: datetime | None = None  # exclusive
    #: When several languages are searched, this one's results come first.
    preferred_language: str | None = None


@dataclass(frozen=True)
class Hit:
    page_id: int
    score: float
    published_at: datetime | None = field(default=None, compare=False)


class SearchBackend:
    """Runs analysed term groups against the database's full-text index.

    `require_all` means every group must match (AND); otherwise any group may (OR). Results
    are ordered by relevance (title weighted above body) and then by recency: the score is
    rounded so that near-equal relevance is decided by the newer article.
    """

    name = "base"
    #: Digits kept of the score before recency breaks the tie.
    SCORE_DECIMALS = 2
    #: Ranking reads every candidate, so a word found in half of an archive of 100,000 articles
    #: would cost hundreds of milliseconds. Reader queries rank only the newest this many
    #: matches (a reader typing one common word wants recent articles anyway; specific queries
    #: have fewer matches and are unaffected). `capped=False` ranks everything.
    RANK_CANDIDATES = 2_000
    #: The language column as the filters write it (a backend may wrap it to steer its planner).
    LANGUAGE_SQL = "{alias}.language"

    def search(
        self,
        groups: list[TermGroup],
        filters: SearchFilters,
        *,
        require_all: bool = True,
        offset: int = 0,
        limit: int = 10,
        capped: bool = True,
        total: int | None = None,
    ) -> list[Hit]:
        """One page of ranked hits. Pass `total` (the count) when known: with no more matches
        than RANK_CANDIDATES the cap cannot matter and its bookkeeping query is skipped."""
        if total is not None and total <= self.RANK_CANDIDATES:
            capped = False
        sql, params = self._ranked_sql(groups, filters, require_all, capped)
        sql += " LIMIT %s OFFSET %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit, offset])
            return [Hit(int(pk), float(score), published) for pk, score, published in cursor]

    def count(self, groups: list[TermGroup], filters: SearchFilters, *, require_all=True) -> int:
        sql, params = self._count_sql(groups, filters, require_all)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return int(cursor.fetchone()[0])

    def weighted_candidates(
        self, weights: dict[str, float], filters: SearchFilters, limit: int
    ) -> list[int]:
        """Page ids sharing the most weight of `weights` ({term: weight}), best first.

        Score = sum of the weights of the terms a page contains (a dot product with the page's
        term set). "Don't Miss" uses it to pick candidates for its cosine ranking: it needs no
        stored vector and no positions, so each term costs one pass over the pages containing
        it instead of a relevance function over every page containing any of them.
        """
        terms = [t for t in weights if t]
        if not terms:
            return []
        branches, params = [], []
        for term in terms:
            sql, term_params = self._term_pages_sql(term, filters)
            branches.append(f"SELECT page_id, %s AS weight FROM ({sql}) t{len(branches)}")  # noqa: S608
            params.extend([float(weights[term]), *term_params])
        union = " UNION ALL ".join(branches)
        where, where_params = self._filter_sql(filters)
        sql = (
            "SELECT s.page_id FROM (SELECT page_id, sum(weight) AS score "  # noqa: S608
            f"FROM ({union}) u GROUP BY page_id) s "
            f"JOIN search_indexentry e ON e.page_id = s.page_id WHERE 1=1{where} "
            "ORDER BY s.score DESC, s.page_id DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *where_params, limit])
            return [int(row[0]) for row in cursor]

    # Subclasses build the SQL.
    def _term_pages_sql(self, term: str, filters: SearchFilters) -> tuple[str, list]:
        """SELECT page_id of every indexed page containing `term`."""
        raise NotImplementedError

    def _ranked_sql(self, groups, filters, require_all, capped) -> tuple[str, list]:
        raise NotImplementedError

    def _count_sql(self, groups, filters, require_all) -> tuple[str, list]:
        raise NotImplementedError

    @staticmethod
    def _preference_sql(filters: SearchFilters, alias: str = "e") -> tuple[str, list]:
        """ORDER BY prefix putting the reader's language first when several are searched."""
        if filters.preferred_language and len(filters.languages) != 1:
            return f"CASE WHEN {alias}.language = %s THEN 0 ELSE 1 END, ", [
                filters.preferred_language
            ]
        return "", []

    @staticmethod
    def _has_narrowing_filters(filters: SearchFilters) -> bool:
        """Section/date filters can exclude all the newest matches: rank without the cap."""
        return (
            filters.section_id is not None
            or filters.date_from is not None
            or filters.date_until is not None
        )

    @classmethod
    def _filter_sql(cls, filters: SearchFilters, alias: str = "e") -> tuple[str, list]:
        clauses, params = [], []
        if filters.languages:
            placeholders = ", ".join(["%s"] * len(filters.languages))
            column = cls.LANGUAGE_SQL.format(alias=alias)
            clauses.append(f"{column} IN ({placeholders})")
            params.extend(filters.languages)
        if filters.section_id is not None:
            clauses.append(f"{alias}.section_id = %s")
            params.append(filters.section_id)
        if filters.date_from is not None:
            clauses.append(f"{alias}.published_at >= %s")
            params.append(filters.date_from)
        if filters.date_until is not None:
            clauses.append(f"{alias}.published_at < %s")
            params.append(filters.date_until)
        sql = "".join(f" AND {clause}" for clause in clauses)
        return sql, params
