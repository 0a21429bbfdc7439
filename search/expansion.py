"""Query expansion with Russian news word vectors: find "авиакатастрофа" in "крушение самолёта".

14 % of the relevant (keyword, article) pairs of ru-news-kw-eval share no lemma with the
query, so no lexical ranking can find them and the sentence encoder of search/semantic is weak
on one- or two-word queries. Word vectors trained on Russian news are good at exactly this:
the nearest neighbours of "авиакатастрофа" are "катастрофа", "крушение", "авиалайнер"...

The vectors are navec's `navec_news_v1_1B_250K_300d_100q` (250,000 words, 300 dimensions,
product-quantised, 26 MB), which ships inside the `natasha` package: nothing is downloaded.
Neighbours are looked for only among the archive's own index terms (`TermStat`, the most
widespread `VOCABULARY_MAX` lemmas found in at least two articles), so every neighbour is a
term some article contains; the vocabulary matrix (float32, unit rows, 36 MB at 30,000
terms) is built once per process (`warm_up`, called by search.warmup in each worker) and
rebuilt after `REFRESH_SECONDS`. A word's neighbours are one matrix-vector product (~3 ms
on an idle core at 30,000 terms), remembered per word until the next rebuild.

`expanded_candidates` is the second lexical pass: the pages holding the most weight of
{query term: idf} + {neighbour: similarity x idf} (the backend's `weighted_candidates`), which
search/semantic/fusion.py fuses at a low weight (`Blend.expansion_weight`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from django.conf import settings

from .analysis import CYRILLIC_RE
from .backends import SearchFilters, get_backend
from .backends.base import TermGroup
from .models import TermStat
from .ranking import idf

if TYPE_CHECKING:
    from .query import ArchiveStats


NAVEC_FILE = Path("data") / "emb" / "navec_news_v1_1B_250K_300d_100q.tar"
# The archive terms neighbours are chosen from: the most widespread ones, found in at least
# MIN_DOCUMENTS articles (a term of one article cannot explain a relevance pattern).
VOCABULARY_MAX = 30_000
MIN_DOCUMENTS = 2
REFRESH_SECONDS = 600
# Per word, this many nearest terms above this similarity are remembered (params pick from them).
# A neighbour in more than this share of the articles is dropped: it cannot single out the
# subject and its long page list is most of the pass's cost ("сша" near "госдепартамент").
MAX_DOCUMENT_SHARE = 0.02
COMMON_FLOOR = 50  # (a small archive keeps every neighbour)
CACHED_NEIGHBOURS = 24
CACHED_MIN_SIMILARITY = 0.3
CACHE_WORDS = 20_000


@dataclass(frozen=True)
class ExpansionParams:
    #: Neighbours kept per query word.
    neighbours: int = 15
    #: Cosine similarity a neighbour needs.
    min_similarity: float = 0.4
    #: Candidates the weighted pass returns.
    depth: int = 20


DEFAULT_EXPANSION = ExpansionParams()


def enabled() -> bool:
    return bool(settings.NEWSDESK_SEARCH_EXPANSION)


@cache
def _navec() -> Any:
    """The navec model shipped with natasha (loaded once per process, ~0.9 s, ~30 MB)."""
    import natasha
    from navec import Navec

    return Navec.load(str(Path(natasha.__file__).parent / NAVEC_FILE))


@dataclass
class _Vocabulary:
    terms: list[str]
    matrix: np.ndarray  # len(terms) x 300, unit rows
    built_at: float
    #: word -> its nearest terms (readers repeat words; a product over the matrix is ~1-3 ms).
    cache: dict[str, tuple[tuple[str, float], ...]] = field(default_factory=dict)


_vocabulary: _Vocabulary | None = None
_lock = threading.Lock()


def _unit_vector(word: str) -> np.ndarray | None:
    navec = _navec()
    index = navec.vocab.get(word)
    if index is None:
        return None
    vector = np.asarray(navec.pq[index], dtype=np.float32)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else None


def _build() -> _Vocabulary:
    navec = _navec()
    rows = (
        TermStat.objects.filter(documents__gte=MIN_DOCUMENTS)
        .order_by("-documents", "term")
        .values_list("term", flat=True)[: VOCABULARY_MAX * 2]
    )
    terms, ids = [], []
    for term in rows:
        index = navec.vocab.get(term)
        if index is not None and term.isalpha():
            terms.append(term)
            ids.append(index)
            if len(terms) >= VOCABULARY_MAX:
                break
    pq = navec.pq
    if ids:
        matrix = pq.codes[pq.qdims, pq.indexes[ids]].reshape(len(ids), pq.dim)
        matrix = matrix / (np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-9)
    else:
        matrix = np.zeros((0, pq.dim), dtype=np.float32)
    return _Vocabulary(terms, np.ascontiguousarray(matrix, dtype=np.float32), time.monotonic())


def vocabulary() -> _Vocabulary:
    global _vocabulary
    current = _vocabulary
    if current is None or time.monotonic() - current.built_at > REFRESH_SECONDS:
        with _lock:
            if _vocabulary is None or time.monotonic() - _vocabulary.built_at > REFRESH_SECONDS:
                _vocabulary = _build()
            current = _vocabulary
    return current


def forget() -> None:
    """Drop the vocabulary (tests, and after a rebuild in this process)."""
    global _vocabulary
    _vocabulary = None


def load_vectors() -> None:
    """Load the word vectors (no database): before gunicorn forks, so workers share them."""
    _navec()


def warm_up() -> float:
    """Load the vectors and build the vocabulary now (seconds); called per worker."""
    started = time.perf_counter()
    vocabulary()
    return time.perf_counter() - started


def _word_neighbours(vocab: _Vocabulary, word: str) -> tuple[tuple[str, float], ...]:
    """The archive terms nearest to one word, best first (remembered per vocabulary)."""
    cached = vocab.cache.get(word)
    if cached is not None:
        return cached
    vector = _unit_vector(word)
    found: tuple[tuple[str, float], ...] = ()
    if vector is not None and vocab.terms:
        scores = vocab.matrix @ vector
        size = min(CACHED_NEIGHBOURS, len(scores))
        top = np.argpartition(-scores, size - 1)[:size]
        found = tuple(
            (vocab.terms[row], float(scores[row]))
            for row in top[np.argsort(-scores[top])]
            if scores[row] >= CACHED_MIN_SIMILARITY
        )
    if len(vocab.cache) >= CACHE_WORDS:
        vocab.cache.clear()
    vocab.cache[word] = found
    return found


def neighbours(
    groups: Sequence[TermGroup], params: ExpansionParams = DEFAULT_EXPANSION
) -> dict[str, float]:
    """{archive term: similarity} near the query's words (their likeliest lemmas), the query's
    own terms excluded."""
    own = {t for g in groups for t in g}
    words = [g[0] for g in groups if g and CYRILLIC_RE.search(g[0])]
    if not words:
        return {}
    vocab = vocabulary()
    out: dict[str, float] = {}
    for word in words:
        kept = 0
        for term, value in _word_neighbours(vocab, word):
            if value < params.min_similarity or kept >= params.neighbours:
                break
            if term in own:
                continue
            kept += 1
            out[term] = max(out.get(term, 0.0), value)
    return out


def expanded_candidates(
    groups: Sequence[TermGroup],
    filters: SearchFilters,
    params: ExpansionParams = DEFAULT_EXPANSION,
) -> list[int]:
    """Page ids of the weighted pass over the query's terms and their neighbours, best first."""
    near = neighbours(groups, params)
    if not near:
        return []
    own = {g[0] for g in groups if g}
    terms = own | set(near)
    documents = _documents()
    common = max(COMMON_FLOOR, documents * MAX_DOCUMENT_SHARE)
    df = dict(TermStat.objects.filter(term__in=terms).values_list("term", "documents"))
    weights = {}
    for term in terms:
        count = df.get(term, 0)
        if not count or (term not in own and count > common):
            continue
        weights[term] = idf(count, documents) * (1.0 if term in own else near[term])
    if not weights:
        return []
    return get_backend().weighted_candidates(weights, filters, params.depth)


def _stats() -> ArchiveStats:
    from .query import archive_stats  # search.query imports this module's callers

    return archive_stats()


def _documents() -> int:
    return max(1, _stats().documents)
