""" "Don't Miss": related articles by content, computed on publish and stored.

Similarity is TF-IDF cosine over the analysed text (lemmas, so "солдаты" and "солдат" count as
one term), restricted to the article's language, scaled by how close in time the two articles
are, and never recommending two articles of the same Story. The expensive part runs in the
publish task; the article page reads one row of stored ids.

Candidates come from the full-text index itself: the pages sharing the most TF-IDF weight of
the article's most distinctive terms (one index pass per term, no relevance function over every
page containing any of them), then only those candidates are compared by cosine.
"""

from __future__ import annotations

import math
from collections import Counter
from datetime import datetime

import numpy as np
from django.db.models import Exists, OuterRef
from django.utils import timezone

from core.fragment_cache import bump_content_generation
from core.purge import purge_site, schedule_purge

from .analysis import slots_from_index_text
from .backends import SearchFilters, get_backend
from .models import IndexEntry, RelatedArticles, SemanticVector, TermStat
from .semantic.encoding import dequantize
from .semantic.service import search_pages
from .semantic.store import PAGE

STORED_COUNT = 8
QUERY_TERMS = 24
VECTOR_TERMS = 80
CANDIDATES = 80
TITLE_TERM_WEIGHT = 3.0
# A neighbour a year apart keeps ~60% of its similarity: old background still helps, but among
# equals the reader gets the more contemporary article.
RECENCY_SCALE_DAYS = 365.0
RECENCY_FLOOR = 0.5
# Share of the stored sentence-embedding cosine (search/semantic, the vectors the search index
# already holds) in the similarity; its nearest neighbours join the candidates. Measured with
# benchmarks/search_quality.py ("Don't Miss" with the semantic blend, docs/search.md).
SEMANTIC_WEIGHT = 0.0
SEMANTIC_CANDIDATES = 40


def term_frequencies(title_terms: str, body_terms: str) -> Counter:
    """Weighted term counts; an ambiguous word splits its weight between its lemmas."""
    counts: Counter = Counter()
    for weight, stored in ((TITLE_TERM_WEIGHT, title_terms), (1.0, body_terms)):
        for slot in slots_from_index_text(stored):
            share = weight / len(slot)
            for term in slot:
                counts[term] += share
    return counts


def document_frequencies(terms) -> dict[str, int]:
    terms = list(terms)
    found: dict[str, int] = {}
    for start in range(0, len(terms), 900):
        chunk = terms[start : start + 900]
        found.update(TermStat.objects.filter(term__in=chunk).values_list("term", "documents"))
    return found


def tfidf(counts: Counter, df: dict[str, int], total: int) -> dict[str, float]:
    """L2-normalised log(1 + tf) * smoothed idf vector.

    The idf is smoothed (+1, as in scikit-learn) so a term shared by every document still
    counts a little: on a small site that is most terms.
    """
    vector = {
        term: math.log1p(tf) * (1.0 + math.log((total + 1) / (df.get(term, 0) + 1)))
        for term, tf in counts.items()
        if tf > 0
    }
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {term: v / norm for term, v in vector.items() if v > 0}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(value * b.get(term, 0.0) for term, value in a.items())


def recency_factor(a: datetime | None, b: datetime | None) -> float:
    if a is None or b is None:
        return 1.0
    days = abs((a - b).total_seconds()) / 86_400
    return RECENCY_FLOOR + (1 - RECENCY_FLOOR) * math.exp(-days / RECENCY_SCALE_DAYS)


def vector_for(entry: IndexEntry, df: dict[str, int], total: int) -> dict[str, float]:
    """The page's VECTOR_TERMS strongest terms with their normalised TF-IDF weights."""
    full = tfidf(term_frequencies(entry.title_terms, entry.body_terms), df, total)
    top = sorted(full, key=full.get, reverse=True)[:VECTOR_TERMS]
    return {term: round(full[term], 5) for term in top}


def store_vectors(page_ids: list[int], df: dict[str, int] | None = None) -> None:
    """Compute and store vectors for pages (bulk: pass the whole df table to skip lookups)."""
    total = IndexEntry.objects.count()
    entries = IndexEntry.objects.filter(pk__in=page_ids).only(
        "page_id", "title_terms", "body_terms"
    )
    rows = []
    for entry in entries:
        terms = (
            df
            if df is not None
            else document_frequencies(term_frequencies(entry.title_terms, entry.body_terms))
        )
        rows.append(RelatedArticles(page_id=entry.pk, vector=vector_for(entry, terms, total)))
    RelatedArticles.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["page"],
        update_fields=["vector"],
        batch_size=500,
    )


def _semantic_vectors(page_ids: list[int]) -> dict[int, np.ndarray]:
    rows = SemanticVector.objects.filter(kind=PAGE, key__in=page_ids, live=True)
    return {int(k): dequantize(v) for k, v in rows.values_list("key", "vector") if v}


def compute_related(
    page_id: int, count: int = STORED_COUNT, semantic_weight: float | None = None
) -> list[int]:
    """Ids of the `count` most similar indexed articles, best first (empty if not indexed).

    `semantic_weight` (default SEMANTIC_WEIGHT) blends in the cosine of the stored semantic
    vectors: similarity = (1 - w) x TF-IDF cosine + w x embedding cosine."""
    weight = SEMANTIC_WEIGHT if semantic_weight is None else semantic_weight
    entry = (
        IndexEntry.objects.filter(pk=page_id)
        .only("page_id", "language", "published_at", "story_id")
        .first()
    )
    if entry is None:
        return []
    stored = RelatedArticles.objects.filter(pk=page_id).values_list("vector", flat=True).first()
    if not stored:
        store_vectors([page_id])
        stored = RelatedArticles.objects.filter(pk=page_id).values_list("vector", flat=True).first()
    vector = stored or {}
    if not vector:
        return []
    top = sorted(vector, key=vector.get, reverse=True)[:QUERY_TERMS]
    found = get_backend().weighted_candidates(
        {t: vector[t] for t in top}, SearchFilters(languages=(entry.language,)), CANDIDATES + 1
    )
    candidate_ids = [pk for pk in found if pk != page_id]
    embedded: dict[int, np.ndarray] = {}
    if weight:
        own = _semantic_vectors([page_id]).get(page_id)
        if own is not None:
            near = search_pages(
                own, SearchFilters(languages=(entry.language,)), SEMANTIC_CANDIDATES
            )
            seen = set(candidate_ids)
            candidate_ids += [h.key for h in near if h.key != page_id and h.key not in seen]
            embedded = _semantic_vectors([page_id, *candidate_ids])
    vectors = dict(
        RelatedArticles.objects.filter(pk__in=candidate_ids, vector__isnull=False).values_list(
            "page_id", "vector"
        )
    )
    missing = [pk for pk in candidate_ids if pk not in vectors]
    if missing:
        store_vectors(missing)
        vectors.update(
            RelatedArticles.objects.filter(pk__in=missing).values_list("page_id", "vector")
        )
    meta = {
        pk: (published, story)
        for pk, published, story in IndexEntry.objects.filter(pk__in=candidate_ids).values_list(
            "page_id", "published_at", "story_id"
        )
    }
    scored = []
    for pk in candidate_ids:
        if pk not in meta or not vectors.get(pk):
            continue
        published, story_id = meta[pk]
        similarity = cosine(vector, vectors[pk])
        if weight and page_id in embedded and pk in embedded:
            semantic = max(0.0, float(embedded[page_id] @ embedded[pk]))
            similarity = (1.0 - weight) * similarity + weight * semantic
        score = similarity * recency_factor(entry.published_at, published)
        scored.append((score, published, pk, story_id))
    scored.sort(key=lambda row: (row[0], row[1]), reverse=True)
    chosen: list[int] = []
    stories = {entry.story_id} if entry.story_id is not None else set()
    for score, _published, pk, story_id in scored:
        if score <= 0:
            break
        if story_id is not None and story_id in stories:
            continue  # never two articles of the same story
        if story_id is not None:
            stories.add(story_id)
        chosen.append(pk)
        if len(chosen) >= count:
            break
    return chosen


def compute_and_store(page_id: int, refresh_neighbours: bool = True) -> list[int]:
    """Store a page's neighbours; refresh theirs too, since the new article may belong there."""
    if refresh_neighbours:
        store_vectors([page_id])  # the text may have changed since the vector was stored
    before = RelatedArticles.objects.filter(pk=page_id).values_list("related_ids", flat=True)
    before = before.first()
    related = compute_related(page_id)
    RelatedArticles.objects.update_or_create(page_id=page_id, defaults={"related_ids": related})
    if before != related:
        _purge_page(page_id)
    if refresh_neighbours:
        for neighbour in related:
            compute_and_store(neighbour, refresh_neighbours=False)
    return related


def _purge_page(page_id: int) -> None:
    """A changed stored "Don't Miss" changes what the page shows: purge it from front caches
    (a neighbour of a newly published article may now show it)."""
    from django.conf import settings
    from wagtail.models import Page

    if not settings.WAGTAILFRONTENDCACHE:
        return
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        schedule_purge(page.specific_deferred, only_page=True, soft=True)


def compute_all(page_ids: list[int], progress=None) -> int:
    """Bulk path (import, rebuild): vectors for every page with one df table, then neighbours."""
    df = dict(TermStat.objects.values_list("term", "documents"))
    for start in range(0, len(page_ids), 500):
        store_vectors(page_ids[start : start + 500], df=df)
    for page_id in page_ids:
        related = compute_related(page_id)
        # computed_at by hand: update() skips auto_now, and refresh_stale() compares it with
        # the index entry's time to find lists that are older than their page's text.
        RelatedArticles.objects.filter(pk=page_id).update(
            related_ids=related, computed_at=timezone.now()
        )
        if progress:
            progress(1)
    bump_content_generation()  # cached "Don't Miss" blocks must see the new neighbours
    if page_ids:
        purge_site()  # and so must the front caches: one site-wide purge, not one per page
    return len(page_ids)


def stored_related_ids(page) -> list[int]:
    """Precomputed neighbours of a page, best first; one indexed primary-key lookup."""
    row = RelatedArticles.objects.filter(pk=page.pk).values_list("related_ids", flat=True).first()
    return list(row or [])


def stale_page_ids(limit: int) -> tuple[list[int], list[int]]:
    """Pages whose stored "Don't Miss" is out of date, at most ``limit`` in all.

    First: indexed pages with no list, or a list computed before the page was last indexed
    (the publish task that computes it was interrupted or failed). Then: lists naming a page
    that is no longer indexed (unpublished or deleted while the removal task was lost).
    """
    current = RelatedArticles.objects.filter(
        page_id=OuterRef("page_id"), computed_at__gte=OuterRef("indexed_at")
    )
    outdated = list(
        IndexEntry.objects.filter(~Exists(current))
        .order_by("-indexed_at")
        .values_list("page_id", flat=True)[:limit]
    )
    dangling: list[int] = []
    if len(outdated) < limit:
        indexed = set(IndexEntry.objects.values_list("page_id", flat=True))
        rows = RelatedArticles.objects.exclude(related_ids=[]).values_list("page_id", "related_ids")
        for page_id, related_ids in rows.iterator(chunk_size=2000):
            if page_id in indexed and any(pk not in indexed for pk in related_ids or ()):
                dangling.append(page_id)
                if len(outdated) + len(dangling) >= limit:
                    break
    return outdated, dangling


def refresh_stale(limit: int = 200) -> int:
    """Recompute the out-of-date lists found by ``stale_page_ids``; returns how many.

    The periodic safety net behind the publish and unpublish tasks: whatever a crash or a
    failed task left stale is put right within one refresh interval.
    """
    outdated, dangling = stale_page_ids(limit)
    for page_id in outdated:
        compute_and_store(page_id)  # its neighbours may now belong with it too
    for page_id in dangling:
        compute_and_store(page_id, refresh_neighbours=False)
    if outdated or dangling:
        bump_content_generation()  # cached "Don't Miss" blocks must show the new lists
    return len(outdated) + len(dangling)


def pages_showing(page_id: int) -> list[int]:
    """Pages whose stored neighbours include `page_id`: whose "Don't Miss" may show it.

    The reverse lookup the front-cache purge needs (search/signals.py). JSON containment is
    native on PostgreSQL; SQLite answers it through json_each.
    """
    from django.db import connection

    rows = RelatedArticles.objects.all()
    if connection.vendor == "postgresql":
        rows = rows.filter(related_ids__contains=[page_id])
    else:
        rows = rows.extra(  # noqa: S610 - constant SQL, the id is a bound parameter
            where=["EXISTS (SELECT 1 FROM json_each(related_ids) WHERE value = %s)"],
            params=[page_id],
        )
    return list(rows.values_list("page_id", flat=True))
