"""Reader search as a service: parse, correct typos, match, check phrases, rank, paginate.

Views and the JSON API are thin wrappers around `run_search`, which never raises on what a
reader types: analysis reduces any input to plain terms before a backend sees it.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field, replace
from datetime import datetime

from django.db import connection
from django.db.models import Count
from django.http import HttpRequest
from django.utils.safestring import SafeString

from core import reader_input, routing

from .analysis import (
    ParsedQuery,
    analyze_query,
)
from .backends import Hit, SearchBackend, SearchFilters, get_backend
from .backends.base import TermGroup
from .models import IndexEntry, TermStat
from .phrases import phrase_filter
from .ranking import DEFAULT_PARAMS, RankingParams, find_matches, idf, score
from .semantic import hybrid as hybrid_search
from .semantic.service import best_passages, query_vector
from .snippets import highlight, snippet
from .typos import correct_typos

PAGE_SIZE = 10
# Past the ranked candidates pages are empty and clamp to the last one anyway (run_search).
MAX_PAGE_NUMBER = 1_000_000
# Phrase queries are matched on terms by the index, then checked for adjacency here; only the
# best candidates are checked, which bounds the work of a phrase made of common words.
PHRASE_CANDIDATES = 2_000
# The database's best this many matches are re-scored by search.ranking (its recall at 50
# is ~0.79 on the shared keywords against ~0.65 at 10: the gain is in re-ordering them; 100
# candidates measured the same R@10 and MRR on the tuning half at twice the cost).
RERANK_CANDIDATES = 50
# Archive-wide figures behind BM25 (document count, average field lengths) change slowly:
# recomputed at most this often per process, from the newest STATS_SAMPLE entries.
STATS_SECONDS = 600
STATS_SAMPLE = 2_000


@dataclass
class SearchResult:
    page_id: int
    url: str
    title: SafeString
    plain_title: str
    language: str
    published_at: datetime | None
    snippet: SafeString
    score: float
    #: Found by meaning only (none of the query's words): the snippet is its closest passage.
    semantic_only: bool = False


@dataclass
class SearchOutcome:
    query: str
    count: int = 0
    page: int = 1
    num_pages: int = 1
    page_size: int = PAGE_SIZE
    results: list[SearchResult] = field(default_factory=list)
    corrected: dict[str, list[str]] = field(default_factory=dict)
    any_word: bool = False

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages


def parse_page_number(raw: object) -> int:
    """Any page parameter becomes a page number >= 1 ("abc", "0", "-3" -> 1)."""
    return reader_input.clamped_integer(raw, default=1, minimum=1, maximum=MAX_PAGE_NUMBER)


@dataclass(frozen=True)
class ArchiveStats:
    documents: int
    avg_title: float
    avg_body: float
    at: float


_stats: ArchiveStats | None = None


def archive_stats() -> ArchiveStats:
    """Document count and average title/body length in slots, cached per process."""
    global _stats
    now = time.monotonic()
    if _stats is None or now - _stats.at > STATS_SECONDS:
        documents = IndexEntry.objects.aggregate(n=Count("pk"))["n"] or 0
        with connection.cursor() as cursor:
            # Slots = spaces + 1; the newest entries are a fair sample of what is searched.
            cursor.execute(
                "SELECT avg(length(title_terms) - length(replace(title_terms, ' ', '')) + 1), "
                "avg(length(body_terms) - length(replace(body_terms, ' ', '')) + 1) FROM ("
                "SELECT title_terms, body_terms FROM search_indexentry "
                "ORDER BY page_id DESC LIMIT %s) s",
                [STATS_SAMPLE],
            )
            avg_title, avg_body = cursor.fetchone()
        _stats = ArchiveStats(documents, float(avg_title or 10.0), float(avg_body or 400.0), now)
    return _stats


def forget_archive_stats() -> None:
    """Drop the cached statistics (tests, and after a rebuild in this process)."""
    global _stats
    _stats = None


def rerank(
    hits: list[Hit],
    groups: list[TermGroup],
    filters: SearchFilters,
    params: RankingParams = DEFAULT_PARAMS,
) -> list[Hit]:
    """The hits re-scored by search.ranking from their stored analysed text, best first.

    The reader's language still comes first when several are searched, and recency still
    breaks ties (the score is rounded as the backends round theirs).
    """
    if len(hits) < 2:
        return hits
    stats = archive_stats()
    params = replace(params, avg_title=stats.avg_title, avg_body=stats.avg_body)
    terms = {t for g in groups for t in g}
    df = dict(TermStat.objects.filter(term__in=terms).values_list("term", "documents"))
    idfs = [idf(max((df.get(t, 0) for t in g), default=0), stats.documents) for g in groups]
    rows = {
        pk: (language, title_terms, body_terms)
        for pk, language, title_terms, body_terms in IndexEntry.objects.filter(
            page_id__in=[h.page_id for h in hits]
        ).values_list("page_id", "language", "title_terms", "body_terms")
    }
    prefer = filters.preferred_language if len(filters.languages) != 1 else None
    scored = []
    for rank, hit in enumerate(hits):
        row = rows.get(hit.page_id)
        if row is None:
            continue
        language, title_terms, body_terms = row
        matches = find_matches(groups, title_terms, body_terms, params.alternative_weight)
        value = round(score(matches, idfs, rank, params), 4)
        scored.append(
            (prefer is not None and language != prefer, Hit(hit.page_id, value, hit.published_at))
        )
    scored.sort(
        key=lambda item: (
            item[0],
            -item[1].score,
            -(item[1].published_at.timestamp() if item[1].published_at else 0.0),
            -item[1].page_id,
        )
    )
    return [hit for _, hit in scored]


def _ranked_page(
    ranked: list[Hit], groups: list[TermGroup], filters: SearchFilters, offset: int, limit: int
) -> list[Hit]:
    """Page [offset, offset+limit) of matched hits, the first RERANK_CANDIDATES re-scored."""
    if offset >= RERANK_CANDIDATES:
        return ranked[offset : offset + limit]
    head = rerank(ranked[:RERANK_CANDIDATES], groups, filters)
    return (head + ranked[RERANK_CANDIDATES:])[offset : offset + limit]


def _search_page(
    backend: SearchBackend,
    groups: list[TermGroup],
    filters: SearchFilters,
    offset: int,
    limit: int,
    total: int,
    *,
    require_all: bool = True,
) -> list[Hit]:
    """One page of backend hits with the head of the ranking re-scored.

    One backend query for the whole window: the hybrid ranking asks for the top 100 at once,
    which as two queries (the head, then the rest) ranked the matches twice."""
    if offset >= RERANK_CANDIDATES:
        return backend.search(
            groups, filters, require_all=require_all, offset=offset, limit=limit, total=total
        )
    hits = backend.search(
        groups,
        filters,
        require_all=require_all,
        offset=0,
        limit=max(RERANK_CANDIDATES, offset + limit),
        total=total,
    )
    head = rerank(hits[:RERANK_CANDIDATES], groups, filters)
    return (head + hits[RERANK_CANDIDATES:])[offset : offset + limit]


def find(
    parsed: ParsedQuery,
    filters: SearchFilters,
    offset: int,
    limit: int,
    *,
    text: str | None = None,
    cross: bool = False,
    hybrid: bool | None = None,
) -> tuple[int, list[Hit], bool]:
    """Count and one page of hits for an analysed query; the bool says "any word" mode was used.

    All words must match; when that finds nothing and there are several loose words (no quoted
    phrase), any word may match, ranked so documents with more of them come first. Unless
    quoted phrases make the query exact, semantic candidates are fused in (search/semantic);
    `text` is what is embedded (the reader's words; default: the analysed words).
    """
    backend = get_backend()
    groups = [w.terms for w in parsed.all_words]
    if not groups:
        return 0, [], False
    if parsed.phrases:
        ranked = backend.search(groups, filters, offset=0, limit=PHRASE_CANDIDATES)
        matched = phrase_filter(ranked, parsed.phrases)
        if cross and text:
            # Across languages a phrase cannot match word for word: the exact matches stay
            # first, the other languages' closest articles follow (search/semantic/hybrid.py).
            exact = _ranked_page(matched, groups, filters, 0, len(matched))
            extended = hybrid_search.after_exact(exact, filters, text)
            return len(extended), extended[offset : offset + limit], False
        page = _ranked_page(matched, groups, filters, offset, limit)
        return len(matched), page, False
    count = backend.count(groups, filters)
    require_all = True
    if count == 0 and len(groups) > 1:
        count = backend.count(groups, filters, require_all=False)
        require_all = not count
    # --- semantic fusion hook (search/semantic/hybrid.py); lexical ranking stays above ---
    if hybrid if hybrid is not None else hybrid_search.enabled():
        embed = text if text and text.strip() else " ".join(w.surface for w in parsed.all_words)
        total, hits = hybrid_search.find_hybrid(
            lambda start, size: _search_page(
                backend, groups, filters, start, size, count, require_all=require_all
            ),
            parsed,
            filters,
            text=embed,
            count=count,
            offset=offset,
            limit=limit,
            cross=cross,
        )
        return total, hits, not require_all
    # --- end of the hook ---
    if count == 0:
        return 0, [], False
    hits = _search_page(backend, groups, filters, offset, limit, count, require_all=require_all)
    return count, hits, not require_all


def run_search(
    raw_query: str,
    filters: SearchFilters,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    request: HttpRequest | None = None,
    *,
    cross: bool = False,
) -> SearchOutcome:
    """Everything a results page or the API needs, for any input; out-of-range pages clamp.

    `cross` asks for articles in the other languages too (the filters then list them all):
    the multilingual semantic index finds them, with a blend that gives it more weight."""
    raw_query = raw_query or ""
    parsed = analyze_query(raw_query)
    outcome = SearchOutcome(query=raw_query, page_size=page_size)
    if not parsed:
        return outcome
    outcome.corrected = correct_typos(parsed.all_words)
    count, hits, any_word = find(
        parsed, filters, (page - 1) * page_size, page_size, text=raw_query, cross=cross
    )
    outcome.count = count
    outcome.any_word = any_word
    # Only the best RANK_CANDIDATES are ranked; pages past them would be empty.
    reachable = min(count, get_backend().RANK_CANDIDATES)
    outcome.num_pages = max(1, math.ceil(reachable / page_size))
    if page > outcome.num_pages:
        # Past the end (?page=99999): show the last page rather than an error.
        page = outcome.num_pages
        count, hits, any_word = find(
            parsed, filters, (page - 1) * page_size, page_size, text=raw_query, cross=cross
        )
    outcome.page = page
    outcome.results = build_results(hits, parsed.all_terms, request, query=raw_query)
    return outcome


def build_results(
    hits: list[Hit], terms: set[str], request: HttpRequest | None = None, query: str = ""
) -> list[SearchResult]:
    """Hits -> display rows with URLs and highlighted snippets, in one query.

    The page rows come with the index entries (a join, not a second query), and only the
    columns a row shows are read: the analysed text and the vector stay in the database.
    """
    ids = [h.page_id for h in hits]
    if request is not None:
        # The Site from core.routing's per-process snapshot: Wagtail's get_url would otherwise
        # look it up with its own annotated query on the first result of every request.
        routing.site_for_request(request)
    entries = {
        e.page_id: e
        for e in IndexEntry.objects.filter(page_id__in=ids)
        .select_related("page")
        .only(
            "page_id",
            "title",
            "body",
            "language",
            "published_at",
            "page__id",
            "page__url_path",
            "page__path",
        )
    }
    semantic_ids = [h.page_id for h in hits if getattr(h, "semantic_only", False)]
    passages = best_passages(semantic_ids, query_vector(query)) if semantic_ids else {}
    results = []
    for hit in hits:
        entry = entries.get(hit.page_id)
        if entry is None:
            continue
        results.append(
            SearchResult(
                page_id=hit.page_id,
                url=entry.page.get_url(request) or "",
                title=highlight(entry.title, terms),
                plain_title=entry.title,
                language=entry.language,
                published_at=entry.published_at,
                snippet=(
                    snippet(passages[hit.page_id], set())
                    if hit.page_id in passages
                    else snippet(entry.body, terms)
                ),
                score=round(hit.score, 4),
                semantic_only=hit.page_id in semantic_ids,
            )
        )
    return results
