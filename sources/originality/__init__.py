"""Originality scorer: how much of an article is its sources' text, verbatim or translated.

Pure text in, report out (``scoring.py`` explains the method; ``segments.py`` the words,
sentences and quotes it compares). Comparing a page with its linked source articles, storing the
result and refusing to publish is the ``integrity`` app's job, one layer up.
"""

from .scoring import (
    DEFAULT_CONFIG,
    OriginalityConfig,
    OriginalityReport,
    Passage,
    TextForOriginality,
    score_article,
    score_pair,
)
from .segments import Span, attributed_quote_spans

__all__ = [
    "DEFAULT_CONFIG",
    "OriginalityConfig",
    "OriginalityReport",
    "Passage",
    "Span",
    "TextForOriginality",
    "attributed_quote_spans",
    "score_article",
    "score_pair",
]
