"""Semantic search as typed functions: articles (ArticlePage), source articles, or both.

The query is embedded once (~2 ms), the ANN index returns the nearest vectors, and the
candidates are joined back to what is live in the database with the caller's filters, so a
stale index entry (a page unpublished a second ago) never reaches a reader. Results carry
their language: the encoder is multilingual, so an English query finds Russian articles and
the reverse, and filtering by language is the caller's choice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from sources.models import SourceArticle

from ..backends import SearchFilters
from ..models import IndexEntry, SemanticVector
from .ann import index_for
from .encoding import dequantize, embed_query
from .store import PAGE, SOURCE

#: Nearest vectors read from the index before filters apply; filters (language, section,
#: dates) drop some, so this is larger than any page a caller asks for.
ANN_CANDIDATES = 200


@dataclass(frozen=True)
class SemanticHit:
    """One semantically close document: an ArticlePage (`kind="page"`, `key` = page id) or a
    sources.SourceArticle (`kind="source"`, `key` = its id)."""

    kind: str
    key: int
    similarity: float
    language: str


def query_vector(query: str) -> np.ndarray:
    """The query's embedding (empty for a blank query); the results page asks twice (ranking,
    then best-passage snippets), and readers repeat queries, so recent ones are remembered."""
    return _query_vector(query.strip()[:600])


@lru_cache(maxsize=512)
def _query_vector(query: str) -> np.ndarray:
    vector = embed_query(query) if query else np.zeros(0, dtype=np.float32)
    vector.setflags(write=False)
    return vector


def _nearest(kind: str, vector: np.ndarray, limit: int) -> list[tuple[int, float]]:
    if vector.size == 0:
        return []
    return [
        (n.key, n.similarity) for n in index_for(kind).search(vector, max(limit, ANN_CANDIDATES))
    ]


def search_pages(
    query: str | np.ndarray,
    filters: SearchFilters | None = None,
    limit: int = 50,
    *,
    min_similarity: float = -1.0,
) -> list[SemanticHit]:
    """Published articles nearest to `query` (text or a query vector), best first."""
    vector = query_vector(query) if isinstance(query, str) else query
    nearest = [(k, s) for k, s in _nearest(PAGE, vector, limit) if s >= min_similarity]
    if not nearest:
        return []
    entries = IndexEntry.objects.filter(page_id__in=[k for k, _ in nearest])
    filters = filters or SearchFilters()
    if filters.languages:
        entries = entries.filter(language__in=filters.languages)
    if filters.section_id is not None:
        entries = entries.filter(section_id=filters.section_id)
    if filters.date_from is not None:
        entries = entries.filter(published_at__gte=filters.date_from)
    if filters.date_until is not None:
        entries = entries.filter(published_at__lt=filters.date_until)
    languages = dict(entries.values_list("page_id", "language"))
    hits = [SemanticHit(PAGE, k, s, languages[k]) for k, s in nearest if k in languages]
    return hits[:limit]


def search_source_articles(
    query: str | np.ndarray,
    *,
    languages: Sequence[str] = (),
    limit: int = 50,
    min_similarity: float = -1.0,
) -> list[SemanticHit]:
    """Source articles (sources.SourceArticle, any outlet language) nearest to `query`.

    For the newsroom inbox's cross-language search: `languages` empty means every language.
    """
    vector = query_vector(query) if isinstance(query, str) else query
    nearest = [(k, s) for k, s in _nearest(SOURCE, vector, limit) if s >= min_similarity]
    if not nearest:
        return []
    rows = SourceArticle.objects.filter(pk__in=[k for k, _ in nearest]).select_related("outlet")
    found = {a.pk: (a.language or a.outlet.language) for a in rows}
    hits = [
        SemanticHit(SOURCE, k, s, found[k])
        for k, s in nearest
        if k in found and (not languages or found[k] in languages)
    ]
    return hits[:limit]


def search_everything(
    query: str, *, languages: Sequence[str] = (), limit: int = 50
) -> list[SemanticHit]:
    """Articles and source articles in one list, nearest first (one query embedding)."""
    vector = query_vector(query)
    pages = search_pages(vector, SearchFilters(languages=tuple(languages)), limit)
    sources = search_source_articles(vector, languages=languages, limit=limit)
    return sorted([*pages, *sources], key=lambda h: -h.similarity)[:limit]


def best_passages(page_ids: Sequence[int], vector: np.ndarray) -> dict[int, str]:
    """For each page, its leading sentence closest to the query (semantic-only snippets)."""
    if vector.size == 0 or not page_ids:
        return {}
    out = {}
    rows = SemanticVector.objects.filter(kind=PAGE, key__in=list(page_ids), live=True)
    for key, passages, data in rows.values_list("key", "passages", "passage_vectors"):
        if not passages:
            continue
        matrix = dequantize(data, rows=len(passages))
        if len(matrix) != len(passages):
            continue
        out[int(key)] = passages[int(np.argmax(matrix @ vector))]
    return out
