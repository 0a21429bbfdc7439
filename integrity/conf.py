"""The scorer's parameters from settings (``NEWSDESK_ORIGINALITY_*``, docs/deployment.md)."""

from __future__ import annotations

from django.conf import settings

from sources.originality import OriginalityConfig


def originality_config() -> OriginalityConfig:
    """Read at call time, so ``override_settings`` and a changed setting take effect at once."""
    return OriginalityConfig(
        threshold=float(settings.NEWSDESK_ORIGINALITY_THRESHOLD),
        threshold_with_quotes=float(settings.NEWSDESK_ORIGINALITY_THRESHOLD_WITH_QUOTES),
        sentence_similarity=float(settings.NEWSDESK_ORIGINALITY_SENTENCE_SIMILARITY),
        min_passage_words=int(settings.NEWSDESK_ORIGINALITY_MIN_PASSAGE_WORDS),
    )
