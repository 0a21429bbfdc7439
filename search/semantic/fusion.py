"""Hybrid ranking: fuse the lexical candidates with the semantic neighbours.

Lexical rank r contributes 1 / (LEXICAL_K + r); a semantic similarity s contributes
SEMANTIC_WEIGHT * max(0, s - SEMANTIC_FLOOR). Ranks, not raw scores, come from the lexical side,
so the blend does not depend on how a backend scales BM25 or ts_rank (which the lexical ranking
may change). A document only the semantic side found must reach ALONE_MIN similarity: below
it, "about the subject" is too often "about something else".

Pages whose title is the query (the same words, any forms) are kept first, in lexical order:
a reader who types an article's title expects it on top, whatever the embedding says. (Pinning
every title that merely contains the query words cost 0.013 MRR on the tuning half.) Quoted
phrases are never fused (the query path leaves them exact).

The numbers were tuned on one half of the ru-news-kw-eval keywords and are reported on the
other half by benchmarks/search_quality.py (docs/search.md, "Hybrid ranking").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .service import SemanticHit


@dataclass(frozen=True)
class Blend:
    lexical_k: float
    semantic_weight: float
    semantic_floor: float
    alone_min: float
    #: Lexical candidates fused (the rest follow in lexical order).
    depth: int = 100
    #: Semantic neighbours considered.
    semantic_depth: int = 100
    #: Pin pages whose title is the query above the fused order.
    pin_titles: bool = True
    #: Query expansion (search/expansion.py): its rank r adds expansion_weight / (lexical_k + r).
    expansion_weight: float = 0.0


# Reader search in one language. Tuned on half of the ru-news-kw-eval keywords (grid over
# k, weight, floor, alone_min); re-tuned with the second-stage ranking and query expansion
# (search/expansion.py) on the same half: on the other half R@10 / MRR 0.705 / 0.661 (lexical)
# -> 0.717 / 0.677 base forms, 0.699 / 0.652 -> 0.707 / 0.658 inflected (docs/search.md).
DEFAULT_BLEND = Blend(
    lexical_k=10, semantic_weight=0.05, semantic_floor=0.0, alone_min=0.25, expansion_weight=0.1
)
# Across languages the other language's articles can only come from the semantic side.
CROSS_BLEND = Blend(lexical_k=10, semantic_weight=0.4, semantic_floor=0.2, alone_min=0.3)


@dataclass(frozen=True)
class Fused:
    page_id: int
    score: float
    semantic_only: bool


def fuse(
    lexical_ids: Sequence[int],
    semantic: Iterable[SemanticHit],
    blend: Blend,
    title_ids: set[int] | frozenset[int] = frozenset(),
    expanded_ids: Sequence[int] = (),
) -> list[Fused]:
    """Fused order of the lexical top `blend.depth`, the semantic neighbours and the pages
    of the expanded query (`expanded_ids`, best first)."""
    similarity = {h.key: h.similarity for h in semantic}
    lexical = list(lexical_ids[: blend.depth])
    scores: dict[int, float] = {}
    for rank, page_id in enumerate(lexical, 1):
        scores[page_id] = 1.0 / (blend.lexical_k + rank) + blend.semantic_weight * max(
            0.0, similarity.get(page_id, 0.0) - blend.semantic_floor
        )
    in_lexical = set(lexical)
    for page_id, sim in similarity.items():
        if page_id not in in_lexical and sim >= blend.alone_min:
            scores[page_id] = blend.semantic_weight * (sim - blend.semantic_floor)
    if blend.expansion_weight:
        for rank, page_id in enumerate(expanded_ids, 1):
            share = blend.expansion_weight / (blend.lexical_k + rank)
            if page_id in scores:
                scores[page_id] += share
            else:
                scores[page_id] = share + blend.semantic_weight * max(
                    0.0, similarity.get(page_id, 0.0) - blend.semantic_floor
                )
    pinned = [p for p in lexical if p in title_ids] if blend.pin_titles else []
    pinned_set = set(pinned)
    rest = sorted((p for p in scores if p not in pinned_set), key=lambda p: -scores[p])
    return [Fused(p, scores[p], p not in in_lexical) for p in [*pinned, *rest]]
