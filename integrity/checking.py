"""Measure a page against its sources: the one entry point the task, the command and views use."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from articles.models import ArticlePage
from sources.originality import OriginalityReport, score_article

from .conf import originality_config
from .texts import SourceRef, article_text, linked_sources, source_ref, source_text


@dataclass(frozen=True)
class PageReport:
    """The scorer's report with the sources it refers to (``Passage.source_index`` -> sources)."""

    report: OriginalityReport
    sources: tuple[SourceRef, ...]
    fingerprint: str
    article_full_text: str
    source_full_texts: tuple[str, ...]

    def as_json(self) -> dict:
        data = self.report.as_json()
        data["sources"] = [s.as_json() for s in self.sources]
        data["fingerprint"] = self.fingerprint
        return data


def content_fingerprint(page: ArticlePage) -> str:
    """What a check depends on: the compared text, the sources' texts and the thresholds.

    Cheap (no embedding), so the publish hook can tell whether a stored check is about the very
    content being published without scoring anything in the request.
    """
    config = originality_config()
    sources = linked_sources(page)
    payload = {
        "article": article_text(page).full_text,
        "sources": [
            (s.pk, s.content_hash or hashlib.sha256(s.text.encode()).hexdigest()) for s in sources
        ],
        "config": [
            config.threshold,
            config.threshold_with_quotes,
            config.sentence_similarity,
            config.min_passage_words,
        ],
    }
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()


def measure_page(page: ArticlePage) -> PageReport:
    """Score ``page`` (any revision's content: ``revision.as_object()``) with its sources."""
    article = article_text(page)
    sources = linked_sources(page)
    texts = [source_text(s) for s in sources]
    report = score_article(article, texts, originality_config())
    return PageReport(
        report=report,
        sources=tuple(source_ref(s) for s in sources),
        fingerprint=content_fingerprint(page),
        article_full_text=article.full_text,
        source_full_texts=tuple(t.full_text for t in texts),
    )
