"""How much of an article is its sources' text, verbatim or translated: the originality scorer.

Pure (no models, no settings): texts in, a report out, so the same code serves the page check
(``integrity``), ``manage.py originality --pairs`` and ``benchmarks/originality.py``.

Two detectors, because copying looks different within and across languages:

* **Verbatim** (any pair of languages): runs of shared words. Both texts are cut into words with
  the project's folding (``segments.normalize_word``); every run of ``shingle_words`` article
  words that also occurs in the source marks those words as copied. Runs closer than
  ``max_gap_words`` that continue in the source are joined (a near-copy with a few words changed
  is still one passage); passages shorter than ``min_passage_words`` are dropped, because short
  common phrases ("the prime minister said on") are language, not copying.
* **Translated** (article and source in different languages, or a language unknown): every
  sentence of both texts is embedded with the story encoder (multilingual USE v3: en, ru, de, fr,
  es, it, pl and more; ``sources.signatures.embed_texts``) and each article sentence is aligned
  with its most similar source sentence, wherever it is, so reordered and partial translations
  are found as readily as whole ones. An alignment counts when the cosine reaches
  ``sentence_similarity`` and the two sentences have comparable length (a short sentence summing
  up a long one is an interpretation). Not used within one language: there the encoder rates
  honest paraphrase as high as a copy, and the verbatim detector already sees copies.

Attributed quotations (``segments.attributed_quote_spans`` plus any quote spans the caller
marks, e.g. quote blocks) are counted apart: a copied word inside one adds to ``quote_share``, not
to ``share``. ``share`` is the fraction of the article's words that are the sources' text outside
quotes. ``flagged`` is ``share >= threshold``, or ``share + quote_share >= threshold_with_quotes``:
attributed quotes are fair use, but an article that is mostly its source's text, quoted or not,
is a copy (interviews: WMT's sports pieces are 60-80 % quotes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from ..signatures import embed_texts, language_key
from .segments import Span, Word, attributed_quote_spans, sentence_spans, words

PassageKind = Literal["verbatim", "translated", "quote"]


@dataclass(frozen=True)
class OriginalityConfig:
    """Decision parameters; defaults measured with ``benchmarks/originality.py``.

    On WMT21 (1032 pairs: whole, 30 %-dropped and reordered human translations both ways,
    same-language near-copies; different documents of the same outlet as negatives) every share
    threshold from 0.35 to 0.5 flags all copies and no negative; 0.45 sits inside that range.
    The highest negative (0.33) is two articles of one outlet that really share a paragraph.

    The integrity app builds one from the ``NEWSDESK_ORIGINALITY_*`` settings.
    """

    threshold: float = 0.45
    threshold_with_quotes: float = 0.6
    sentence_similarity: float = 0.62
    shingle_words: int = 4
    min_passage_words: int = 6
    max_gap_words: int = 3
    min_sentence_words: int = 4
    max_length_ratio: float = 2.2


DEFAULT_CONFIG = OriginalityConfig()


@dataclass(frozen=True)
class TextForOriginality:
    """One side of a comparison. For a source, ``title`` is compared too (headlines get copied).

    ``quote_spans`` marks quotations the caller knows of (a quote block and its attribution) in
    addition to the attributed quotations found in the text.
    """

    language: str
    text: str
    title: str = ""
    quote_spans: tuple[Span, ...] = ()

    @property
    def full_text(self) -> str:
        """What offsets refer to: the title and the text, separated by a blank line."""
        return f"{self.title}\n\n{self.text}" if self.title else self.text

    @property
    def offset(self) -> int:
        """Where ``text`` starts inside ``full_text``."""
        return len(self.title) + 2 if self.title else 0


@dataclass(frozen=True)
class Passage:
    """A stretch of the article that is a source's text, and where it is in that source.

    Offsets are into ``full_text`` of the article and of ``sources[source_index]``.
    ``similarity`` is 1.0 for verbatim runs and the sentence cosine for translations.
    """

    kind: PassageKind
    source_index: int
    article: Span
    source: Span
    similarity: float
    article_text: str
    source_text: str

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "source": self.source_index,
            "article_start": self.article.start,
            "article_end": self.article.end,
            "source_start": self.source.start,
            "source_end": self.source.end,
            "similarity": round(self.similarity, 3),
            "article_text": self.article_text,
            "source_text": self.source_text,
        }


@dataclass(frozen=True)
class OriginalityReport:
    share: float
    quote_share: float
    flagged: bool
    threshold: float
    threshold_with_quotes: float
    article_words: int
    source_shares: tuple[float, ...]
    passages: tuple[Passage, ...] = field(default=())

    def as_json(self) -> dict[str, Any]:
        return {
            "share": round(self.share, 4),
            "quote_share": round(self.quote_share, 4),
            "flagged": self.flagged,
            "threshold": self.threshold,
            "threshold_with_quotes": self.threshold_with_quotes,
            "article_words": self.article_words,
            "source_shares": [round(s, 4) for s in self.source_shares],
            "passages": [p.as_json() for p in self.passages],
        }


# --------------------------------------------------------------------------- verbatim


def verbatim_passages(
    article_words: Sequence[Word], source_words: Sequence[Word], config: OriginalityConfig
) -> list[tuple[int, int, int, int]]:
    """Copied runs as (article first word, article end word, source first word, source end word)."""
    size = config.shingle_words
    if len(article_words) < size or len(source_words) < size:
        return []
    where: dict[tuple[str, ...], list[int]] = {}
    source_norms = [w.norm for w in source_words]
    for j in range(len(source_norms) - size + 1):
        where.setdefault(tuple(source_norms[j : j + size]), []).append(j)
    article_norms = [w.norm for w in article_words]
    hits: list[tuple[int, int]] = []  # (article word, source word) where a shared run starts
    previous_source = -1
    for i in range(len(article_norms) - size + 1):
        positions = where.get(tuple(article_norms[i : i + size]))
        if positions:
            # The occurrence that continues the previous hit, else the first one.
            j = min(positions, key=lambda p: (abs(p - previous_source - 1), p))
            hits.append((i, j))
            previous_source = j
    runs: list[list[int]] = []  # [a_start, a_end, s_start, s_end]
    for i, j in hits:
        if runs:
            run = runs[-1]
            article_gap = i - run[1]
            source_gap = j - run[3]
            if article_gap <= config.max_gap_words and -size <= source_gap <= config.max_gap_words:
                run[1] = max(run[1], i + size)
                run[3] = max(run[3], j + size)
                continue
        runs.append([i, i + size, j, j + size])
    return [(a0, a1, s0, s1) for a0, a1, s0, s1 in runs if a1 - a0 >= config.min_passage_words]


# --------------------------------------------------------------------------- translated


@dataclass(frozen=True)
class _Sentences:
    spans: list[Span]
    word_counts: list[int]


def _sentences(text: str, offset: int, min_words: int) -> _Sentences:
    spans, counts = [], []
    for span in sentence_spans(text):
        count = len(words(text[span.start : span.end]))
        if count >= min_words:
            spans.append(Span(span.start + offset, span.end + offset))
            counts.append(count)
    return _Sentences(spans, counts)


def _with_pairs(sentences: _Sentences) -> _Sentences:
    """Sentences plus each two neighbours joined: translators merge and split sentences, and
    sentence splitting fails differently in two languages (a headline without a full stop)."""
    spans, counts = list(sentences.spans), list(sentences.word_counts)
    for i in range(len(sentences.spans) - 1):
        first, second = sentences.spans[i], sentences.spans[i + 1]
        spans.append(Span(first.start, second.end))
        counts.append(sentences.word_counts[i] + sentences.word_counts[i + 1])
    return _Sentences(spans, counts)


def _with_quotes(
    sentences: _Sentences, text: str, quotes: Sequence[Span], min_words: int
) -> _Sentences:
    """Sentences plus each quotation on its own: "«…», — said the spokeswoman" embeds the
    attribution with the quote, which can hide a quote translated word for word."""
    spans, counts = list(sentences.spans), list(sentences.word_counts)
    for quote in quotes:
        count = len(words(text[quote.start : quote.end]))
        if count >= min_words and quote not in spans:
            spans.append(quote)
            counts.append(count)
    return _Sentences(spans, counts)


def _source_sentences(source: TextForOriginality, min_words: int) -> _Sentences:
    body = _sentences(source.text, source.offset, min_words)
    if source.title and len(words(source.title)) >= min_words:
        return _Sentences(
            [Span(0, len(source.title)), *body.spans],
            [len(words(source.title)), *body.word_counts],
        )
    return body


def translated_passages(
    article: _Sentences,
    article_vectors: np.ndarray,
    source: _Sentences,
    source_vectors: np.ndarray,
    config: OriginalityConfig,
) -> list[tuple[Span, Span, float]]:
    """(article sentence, source sentence, cosine) for each article sentence that is translated."""
    if not article.spans or not source.spans:
        return []
    cosines = article_vectors @ source_vectors.T
    a = np.asarray(article.word_counts, dtype=np.float32)[:, None]
    s = np.asarray(source.word_counts, dtype=np.float32)[None, :]
    # Comparable lengths only: a short sentence summing up a long one is an interpretation.
    comparable = np.maximum(a, s) <= config.max_length_ratio * np.minimum(a, s)
    cosines = np.where(comparable, cosines, -1.0)
    found = []
    for i, row in enumerate(cosines):
        j = int(np.argmax(row))
        if row[j] >= config.sentence_similarity:
            found.append((article.spans[i], source.spans[j], float(row[j])))
    return found


# --------------------------------------------------------------------------- the report


def _needs_translation_check(article: TextForOriginality, source: TextForOriginality) -> bool:
    a, s = language_key(article.language), language_key(source.language)
    return not a or not s or a != s


def score_article(
    article: TextForOriginality,
    sources: Sequence[TextForOriginality],
    config: OriginalityConfig = DEFAULT_CONFIG,
) -> OriginalityReport:
    """Compare an article with each of its sources; shares are of the article's words."""
    full = article.full_text
    article_words = words(full)
    total = len(article_words)
    quotes = [*article.quote_spans, *attributed_quote_spans(full)]
    in_quote = np.array(
        [any(q.start <= w.start < q.end for q in quotes) for w in article_words], dtype=bool
    )
    starts = np.array([w.start for w in article_words], dtype=np.int64)
    copied_any = np.zeros(total, dtype=bool)
    passages: list[Passage] = []
    source_shares: list[float] = []

    needs_vectors = any(_needs_translation_check(article, s) for s in sources)
    article_sentences = _with_quotes(
        _with_pairs(_sentences(full, 0, config.min_sentence_words)),
        full,
        quotes,
        config.min_sentence_words,
    )
    sources_sentences = [
        _with_pairs(_source_sentences(s, config.min_sentence_words)) for s in sources
    ]
    vectors = _embed_all(article_sentences, sources_sentences, sources, article, needs_vectors)

    for index, source in enumerate(sources):
        source_full = source.full_text
        source_words = words(source_full)
        copied = np.zeros(total, dtype=bool)
        found: list[tuple[Span, Span, float, PassageKind]] = []
        for a0, a1, s0, s1 in verbatim_passages(article_words, source_words, config):
            copied[a0:a1] = True
            article_span = Span(article_words[a0].start, article_words[a1 - 1].end)
            source_span = Span(source_words[s0].start, source_words[s1 - 1].end)
            found.append((article_span, source_span, 1.0, "verbatim"))
        if vectors is not None and _needs_translation_check(article, source):
            article_vectors, source_vectors = vectors[0], vectors[1][index]
            for article_span, source_span, cosine in translated_passages(
                article_sentences, article_vectors, sources_sentences[index], source_vectors, config
            ):
                inside = (starts >= article_span.start) & (starts < article_span.end)
                if copied[inside].all():
                    continue  # already a verbatim passage
                copied |= inside
                found.append((article_span, source_span, cosine, "translated"))
        for article_span, source_span, similarity, kind in sorted(found, key=lambda f: f[0].start):
            inside = (starts >= article_span.start) & (starts < article_span.end)
            quoted = int((inside & in_quote).sum())
            if quoted * 2 > int(inside.sum()):
                kind = "quote"
            passages.append(
                Passage(
                    kind=kind,
                    source_index=index,
                    article=article_span,
                    source=source_span,
                    similarity=similarity,
                    article_text=full[article_span.start : article_span.end],
                    source_text=source_full[source_span.start : source_span.end],
                )
            )
        source_shares.append(float((copied & ~in_quote).sum()) / total if total else 0.0)
        copied_any |= copied

    share = float((copied_any & ~in_quote).sum()) / total if total else 0.0
    quote_share = float((copied_any & in_quote).sum()) / total if total else 0.0
    return OriginalityReport(
        share=share,
        quote_share=quote_share,
        flagged=share >= config.threshold or share + quote_share >= config.threshold_with_quotes,
        threshold=config.threshold,
        threshold_with_quotes=config.threshold_with_quotes,
        article_words=total,
        source_shares=tuple(source_shares),
        passages=tuple(sorted(passages, key=lambda p: (p.article.start, p.source_index))),
    )


def _embed_all(
    article_sentences: _Sentences,
    sources_sentences: Sequence[_Sentences],
    sources: Sequence[TextForOriginality],
    article: TextForOriginality,
    needed: bool,
) -> tuple[np.ndarray, list[np.ndarray]] | None:
    """All sentences of the article and of the sources that need it, in one encoder batch."""
    if not needed or not article_sentences.spans:
        return None
    full = article.full_text
    texts = [full[s.start : s.end] for s in article_sentences.spans]
    bounds = []
    for source, sentences in zip(sources, sources_sentences, strict=True):
        begin = len(texts)
        if _needs_translation_check(article, source):
            source_full = source.full_text
            texts.extend(source_full[s.start : s.end] for s in sentences.spans)
        bounds.append((begin, len(texts)))
    count = len(article_sentences.spans)
    if len(texts) == count:
        return None  # no source sentence to align with: do not load the encoder for nothing
    vectors = embed_texts(texts)
    return vectors[:count], [vectors[b:e] for b, e in bounds]


def score_pair(
    article: TextForOriginality,
    source: TextForOriginality,
    config: OriginalityConfig = DEFAULT_CONFIG,
) -> OriginalityReport:
    return score_article(article, [source], config)
