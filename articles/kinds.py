"""The kind of an article ("type of work"), as the Trust Project asks news sites to label it.

Readers judge a text differently when they know whether it reports, analyses or argues; the
label is chosen by the editor, shown above the title and published in JSON-LD as the matching
schema.org ``NewsArticle`` subtype, so search engines and aggregators read the same label.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleKind(models.TextChoices):
    # Most of what a press-review newsroom publishes: a retelling of other outlets' reporting.
    PRESS_REVIEW = "press_review", _("Press review")
    NEWS = "news", _("News")
    ANALYSIS = "analysis", _("Analysis")
    EXPLAINER = "explainer", _("Explainer")
    OPINION = "opinion", _("Opinion")
    REVIEW = "review", _("Review")


DEFAULT_KIND = ArticleKind.PRESS_REVIEW

# schema.org's NewsArticle subtypes (https://schema.org/NewsArticle#subtypes). A press review
# retells reporting done elsewhere, so it is not ReportageNewsArticle (first-hand reporting);
# ReviewNewsArticle is a critic's review of a work, not of the press, so press reviews stay
# plain NewsArticle.
SCHEMA_TYPES: dict[str, str] = {
    ArticleKind.PRESS_REVIEW: "NewsArticle",
    ArticleKind.NEWS: "ReportageNewsArticle",
    ArticleKind.ANALYSIS: "AnalysisNewsArticle",
    ArticleKind.EXPLAINER: "BackgroundNewsArticle",
    ArticleKind.OPINION: "OpinionNewsArticle",
    ArticleKind.REVIEW: "ReviewNewsArticle",
}

KIND_HELP = {
    ArticleKind.PRESS_REVIEW: _("Retells and attributes what other outlets reported."),
    ArticleKind.NEWS: _("Facts reported or verified by our newsroom."),
    ArticleKind.ANALYSIS: _("Interprets the news, drawing on data and sources."),
    ArticleKind.EXPLAINER: _("Background and context for a story."),
    ArticleKind.OPINION: _("The author's own view and argument."),
    ArticleKind.REVIEW: _("A critical assessment of a work, product or event."),
}


def schema_type(kind: str) -> str:
    """The JSON-LD @type of an article of this kind (NewsArticle for anything unknown)."""
    return SCHEMA_TYPES.get(kind, "NewsArticle")


def kind_label(kind: str) -> str:
    """The reader-facing label in the active language."""
    try:
        return str(ArticleKind(kind).label)
    except ValueError:
        return str(ArticleKind.PRESS_REVIEW.label)
