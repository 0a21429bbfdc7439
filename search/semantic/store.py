"""Writing the semantic index's stored vectors: pages from indexing, source articles from ingest.

Embedding costs ~2 ms per sentence, so an unchanged text (same content hash and model) is never
embedded again: re-publishing, `rebuild_search_index` and re-imports reuse stored vectors. A
source article whose clustering signature is current reuses that embedding (it is computed from
the same pieces with the same encoder), so ingest pays for each article once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from django.db import transaction
from django.utils import timezone

from sources.models import SourceArticle
from sources.sanitize import html_to_text
from sources.signatures import SIGNATURE_VERSION, DocumentSignature, SignatureError

from ..models import SemanticVector
from .encoding import MODEL_ID, content_hash, embed_documents, quantize

PAGE = "page"
SOURCE = "source"
KINDS = (PAGE, SOURCE)
BATCH = 64


def _current(kind: str, keys: list[int]) -> dict[int, str]:
    """{key: content hash} of the live vectors of the current model among `keys`."""
    return dict(
        SemanticVector.objects.filter(kind=kind, key__in=keys, live=True, model=MODEL_ID)
        .exclude(vector=None)
        .values_list("key", "content_hash")
    )


def _upsert(kind: str, rows: list[SemanticVector]) -> None:
    if rows:
        SemanticVector.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["kind", "key"],
            update_fields=[
                "language",
                "live",
                "model",
                "content_hash",
                "vector",
                "passage_vectors",
                "passages",
                "updated_at",
            ],
        )


def store_texts(kind: str, documents: Sequence[tuple[int, str, str, str]]) -> int:
    """Embed and store (key, title, text, language) documents whose text changed; -> embedded."""
    documents = list(documents)
    if not documents:
        return 0
    current = _current(kind, [d[0] for d in documents])
    todo = [d for d in documents if current.get(d[0]) != content_hash(d[1], d[2])]
    for start in range(0, len(todo), BATCH):
        chunk = todo[start : start + BATCH]
        embedded = embed_documents([(title, text, lang) for _, title, text, lang in chunk])
        now = timezone.now()
        _upsert(
            kind,
            [
                SemanticVector(
                    kind=kind,
                    key=key,
                    language=lang,
                    live=True,
                    model=MODEL_ID,
                    content_hash=e.content_hash,
                    vector=e.vector.tobytes(),
                    passage_vectors=e.passage_vectors.tobytes(),
                    passages=list(e.passages),
                    updated_at=now,
                )
                for (key, _, _, lang), e in zip(chunk, embedded, strict=True)
            ],
        )
    # Documents already current but marked removed before (re-published unchanged) are
    # revived by _current's filter excluding them: they were embedded above.
    return len(todo)


def remove(kind: str, keys: Iterable[int]) -> int:
    """Turn the vectors of `keys` into tombstones (see SemanticVector)."""
    keys = list(keys)
    if not keys:
        return 0
    return SemanticVector.objects.filter(kind=kind, key__in=keys, live=True).update(
        live=False, vector=None, passage_vectors=None, passages=[], updated_at=timezone.now()
    )


def remove_missing_pages(live_page_ids: set[int]) -> int:
    """After a full rebuild: tombstone page vectors whose page is no longer indexed."""
    stored = set(SemanticVector.objects.filter(kind=PAGE, live=True).values_list("key", flat=True))
    return remove(PAGE, stored - live_page_ids)


# --------------------------------------------------------------------------- source articles


def _source_text(article: SourceArticle) -> str:
    return article.text or html_to_text(article.summary)


def store_source_articles(article_ids: Iterable[int]) -> int:
    """Vectors for source articles: from their clustering signature when current, else embedded."""
    ids = list(article_ids)
    total = 0
    for start in range(0, len(ids), BATCH * 4):
        chunk = list(
            SourceArticle.objects.filter(pk__in=ids[start : start + BATCH * 4]).select_related(
                "outlet"
            )
        )
        to_embed, reused = [], []
        current = _current(SOURCE, [a.pk for a in chunk])
        now = timezone.now()
        for article in chunk:
            text = _source_text(article)
            language = article.language or article.outlet.language
            digest = content_hash(article.title, text)
            if current.get(article.pk) == digest:
                continue
            vector = _signature_vector(article)
            if vector is None:
                to_embed.append((article.pk, article.title, text, language))
                continue
            reused.append(
                SemanticVector(
                    kind=SOURCE,
                    key=article.pk,
                    language=language,
                    live=True,
                    model=MODEL_ID,
                    content_hash=digest,
                    vector=quantize(vector).tobytes(),
                    passage_vectors=None,
                    passages=[],
                    updated_at=now,
                )
            )
        _upsert(SOURCE, reused)
        total += len(reused) + store_texts(SOURCE, to_embed)
    return total


def _signature_vector(article: SourceArticle) -> np.ndarray | None:
    if not article.signature or article.signature_version != SIGNATURE_VERSION:
        return None
    try:
        embedding = DocumentSignature.from_bytes(article.signature).embedding
    except SignatureError:
        return None
    return embedding if np.any(embedding) else None


def sources_missing_vectors(limit: int) -> list[int]:
    """Source articles with no current vector (new since the last pass), oldest first."""
    have = SemanticVector.objects.filter(kind=SOURCE, live=True, model=MODEL_ID).values("key")
    return list(
        SourceArticle.objects.exclude(pk__in=have)
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )


@transaction.atomic
def remove_deleted_sources() -> int:
    existing = SourceArticle.objects.values("pk")
    stale = SemanticVector.objects.filter(kind=SOURCE, live=True).exclude(key__in=existing)
    return remove(SOURCE, stale.values_list("key", flat=True))
