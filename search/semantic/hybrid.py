"""The query path's fusion step: one page of hybrid hits from the lexical backend plus the
semantic index (search.query.find calls `find_hybrid`; see fusion.py for the blend itself).

Positions 0 .. len(fused) are the fused window (the lexical top `depth` and the semantic-only
neighbours that qualified); after it the lexical order continues from rank `depth`, so deep
pages cost what they cost before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from django.conf import settings

from .. import expansion
from ..analysis import ParsedQuery, slots_from_index_text
from ..backends import Hit, SearchFilters
from ..backends.base import TermGroup
from ..models import IndexEntry
from .ann import index_for
from .encoding import SCALE
from .fusion import CROSS_BLEND, DEFAULT_BLEND, Blend, fuse
from .service import SemanticHit, query_vector, search_pages
from .store import PAGE


@dataclass(frozen=True)
class FusedHit(Hit):
    """A hit of the hybrid ranking; `semantic_only` ones get a best-passage snippet."""

    semantic_only: bool = False


def enabled() -> bool:
    return bool(settings.NEWSDESK_SEARCH_HYBRID)


def blend_for(cross: bool) -> Blend:
    return CROSS_BLEND if cross else DEFAULT_BLEND


def title_matches(page_ids: list[int], groups: list[TermGroup]) -> set[int]:
    """Pages whose title is the query: as many words, each query word in it (any form)."""
    wanted = [set(g) for g in groups if g]
    if not wanted or not page_ids:
        return set()
    out = set()
    rows = IndexEntry.objects.filter(page_id__in=page_ids).values_list("page_id", "title_terms")
    for page_id, title_terms in rows:
        stored = (title_terms or "").split()
        if len(stored) != len(wanted):  # most titles: no need to read their terms
            continue
        terms = set().union(*slots_from_index_text(title_terms))
        if all(terms & g for g in wanted):
            out.add(page_id)
    return out


def find_hybrid(
    lexical_page: Callable[[int, int], list[Hit]],
    parsed: ParsedQuery,
    filters: SearchFilters,
    *,
    text: str,
    count: int,
    offset: int,
    limit: int,
    cross: bool = False,
) -> tuple[int, list[Hit]]:
    """(count, one page of hits) of the fused ranking; `lexical_page(offset, limit)` is the
    lexical ranking (backend plus its reranking), owned by search.query."""
    blend = blend_for(cross)
    groups = [w.terms for w in parsed.all_words]
    lexical: list[Hit] = lexical_page(0, blend.depth) if count else []
    vector = query_vector(text)
    semantic = search_pages(vector, filters, blend.semantic_depth, min_similarity=blend.alone_min)
    expanded = (
        expansion.expanded_candidates(groups, filters)
        if blend.expansion_weight and expansion.enabled()
        else []
    )
    # Lexical hits below alone_min still get their (small) semantic share: fetch their similarity.
    lexical_ids = [h.page_id for h in lexical]
    known = {h.key for h in semantic}
    fused = fuse(
        lexical_ids,
        [*semantic, *_similarities([*lexical_ids, *expanded], vector, known)],
        blend,
        title_matches(lexical_ids, groups),
        expanded,
    )
    extra = sum(1 for f in fused if f.semantic_only)
    published = {h.page_id: h.published_at for h in lexical}
    page: list[Hit] = [
        FusedHit(f.page_id, f.score, published.get(f.page_id), semantic_only=f.semantic_only)
        for f in fused[offset : offset + limit]
    ]
    if len(page) < limit and count > len(lexical):
        start = len(lexical) + max(0, offset - len(fused))
        page.extend(lexical_page(start, limit - len(page)))
    return count + extra, page


def _similarities(page_ids: list[int], vector, known: set[int]):
    """Similarity of the lexical and expanded candidates the ANN search did not return: their
    vectors are read from the in-memory index (the bytes the table holds, synced as for the
    search), not from the database, and scored in one matrix product."""
    missing = list(dict.fromkeys(p for p in page_ids if p not in known))
    if not missing or vector.size == 0:
        return []
    stored = index_for(PAGE).vectors(missing)
    if not stored:
        return []
    keys = list(stored)
    similarities = (np.vstack([stored[k] for k in keys]).astype(np.float32) / SCALE) @ vector
    return [
        SemanticHit(PAGE, int(key), float(s), "")
        for key, s in zip(keys, similarities.tolist(), strict=True)
    ]


def after_exact(exact: list[Hit], filters: SearchFilters, text: str) -> list[Hit]:
    """Exact (phrase) matches first, then the semantic neighbours not among them."""
    blend = CROSS_BLEND
    seen = {h.page_id for h in exact}
    neighbours = search_pages(
        query_vector(text), filters, blend.semantic_depth, min_similarity=blend.alone_min
    )
    return [
        *exact,
        *(
            FusedHit(h.key, blend.semantic_weight * h.similarity, None, semantic_only=True)
            for h in neighbours
            if h.key not in seen
        ),
    ]
