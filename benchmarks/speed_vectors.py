"""Semantic vectors for search_speed.py's synthetic archive, without embedding 100,000 texts.

Embedding every synthetic article (title + 3 sentences, ~1.5 ms a piece idle) takes ~10 min on
an idle 2-core machine and hours on a loaded one, so by default (`--vectors derived`) a synthetic
article's vector is made from real embeddings: its paragraphs are drawn from real articles, so
its vector is the mean of the real vector of the article its first paragraph comes from (weight
3: the three leading sentences) and that of its title's article (weight 1), plus a little noise
(cosine ~0.95 to that mean) so no two are identical. Russian articles' real vectors are read
from a SQLite file that holds the ru-news-kw-eval corpus imported and indexed (the one
search_http.py builds); English paragraphs (WMT21, 667) are embedded once each. Passages (for
best-passage snippets of semantic-only hits) are the article's own leading sentences with
noisy copies of its vector. The ANN index, the rows, the fusion and the snippets then do the
work real vectors would. `--vectors embedded` embeds every article instead (indexing as
import_articles does); the measured encoder cost per article is printed either way.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import numpy as np
from django.utils import timezone

from search.models import SemanticVector
from search.semantic.encoding import DIM, MODEL_ID, content_hash, embed_documents, quantize
from sources.signatures import LEAD_SENTENCES, MAX_PIECE_CHARS, embed_texts, split_sentences

NOISE = 0.3 / np.sqrt(DIM)  # per component: |noise| ~0.3 against a unit vector
BATCH = 2_000


def _unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def real_article_vectors(path: Path) -> dict[str, np.ndarray]:
    """{article url: unit float vector} from a database holding the imported corpus."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT i.url, v.vector FROM search_importedarticle i JOIN search_semanticvector v "
            "ON v.kind = 'page' AND v.key = i.page_id AND v.live AND v.vector IS NOT NULL"
        ).fetchall()
    return {url: np.frombuffer(data, dtype=np.int8).astype(np.float32) / 127 for url, data in rows}


def paragraph_vectors(
    ru_urls: list[str], en: list[str], vectors_from: Path
) -> tuple[np.ndarray, np.ndarray]:
    """One unit vector per Russian paragraph (its article's) and per English paragraph."""
    real = real_article_vectors(vectors_from)
    missing = sum(1 for u in ru_urls if u not in real)
    if missing == len(ru_urls):
        raise SystemExit(f"{vectors_from} holds no vectors of the ru-news-kw-eval articles")
    zero = np.zeros(DIM, dtype=np.float32)
    ru = np.vstack([real.get(u, zero) for u in ru_urls])
    started = time.perf_counter()
    en_vectors = embed_texts([p[:MAX_PIECE_CHARS] for p in en])
    print(
        f"  {len(real)} real article vectors read; {len(en)} English paragraphs embedded in "
        f"{time.perf_counter() - started:.0f} s; {missing} Russian paragraphs without a vector",
        flush=True,
    )
    return ru, en_vectors


def store_derived(rows, ru_vectors: np.ndarray, en_vectors: np.ndarray) -> float:
    """rows: (page_id, language, title_index, body_indexes, title, body). Seconds taken."""
    started = time.perf_counter()
    rng = np.random.default_rng(7)
    batch: list[SemanticVector] = []
    now = timezone.now()
    for page_id, language, title_index, body_indexes, title, body in rows:
        pool = en_vectors if language == "en" else ru_vectors
        vector = _unit(3 * pool[body_indexes[0]] + pool[title_index])
        vector = _unit(vector + rng.normal(0, NOISE, DIM).astype(np.float32))
        passages = [s[:MAX_PIECE_CHARS] for s in split_sentences(body)[:LEAD_SENTENCES]]
        noisy = _unit(vector + rng.normal(0, NOISE, (len(passages), DIM)).astype(np.float32))
        batch.append(
            SemanticVector(
                kind="page",
                key=page_id,
                language=language,
                live=True,
                model=MODEL_ID,
                content_hash=content_hash(title, body),
                vector=quantize(vector).tobytes(),
                passage_vectors=quantize(noisy).tobytes() if passages else None,
                passages=passages,
                updated_at=now,
            )
        )
        if len(batch) >= BATCH:
            SemanticVector.objects.bulk_create(batch)
            batch = []
    if batch:
        SemanticVector.objects.bulk_create(batch)
    return time.perf_counter() - started


def encoder_cost(samples: list[tuple[str, str, str]]) -> float:
    """Measured ms per article to embed (title, body, language) samples as indexing does."""
    embed_documents(samples[:8])  # model loaded
    started = time.perf_counter()
    embed_documents(samples)
    return (time.perf_counter() - started) * 1000 / max(len(samples), 1)
