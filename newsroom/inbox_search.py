"""Inbox search over source articles with the project's language analysis.

WHY not the reader index: source articles are not pages, come in more languages (German,
French, Spanish, Italian, Polish besides English and Russian) and are searched by a handful of
editors, not by readers. Each article's title and text are analysed once, at ingest, with its
outlet language's stemming (`search.analysis.analyze_in`) and stored in `SourceTerms`; a query
is analysed with every inbox language's stemming, candidates are found with whole-term LIKE
lookups (SQLite and PostgreSQL alike) and ranked here with a BM25-like score: title matches
weigh more, repeated terms saturate, long texts are normalised, rare terms count more.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.safestring import SafeString

from search.analysis import (
    CYRILLIC_RE,
    LANGUAGE_STEMMERS,
    ParsedQuery,
    add_language_stems,
    analyze_in,
    analyze_query,
)
from search.semantic.service import search_source_articles
from search.snippets import snippet
from sources.models import SourceArticle

from .models import SourceTerms

# Text beyond this is not analysed: it bounds the work per article and the stored row.
MAX_ANALYSED_CHARS = 60_000
TITLE_WEIGHT = 3.0
K1 = 1.2
B = 0.75


def _flat(slots: Iterable[tuple[str, ...]]) -> str:
    terms = [term for slot in slots for term in slot]
    return f" {' '.join(terms)} " if terms else ""


def index_source_article(article: SourceArticle) -> SourceTerms:
    """Analyse (again) one article's title and text; cheap when its text has not changed."""
    language = (article.language or article.outlet.language or "").split("-")[0].lower()
    terms, _created = SourceTerms.objects.update_or_create(
        source_article=article,
        defaults={
            "content_hash": article.content_hash,
            "title_terms": _flat(analyze_in(article.title, language)),
            "body_terms": _flat(analyze_in(article.text[:MAX_ANALYSED_CHARS], language)),
            "indexed_at": timezone.now(),
        },
    )
    return terms


def stale_articles() -> QuerySet[SourceArticle]:
    """Articles never analysed, or whose text changed since."""
    return SourceArticle.objects.filter(
        Q(inbox_terms__isnull=True) | ~Q(inbox_terms__content_hash=F("content_hash"))
    )


def index_stale(limit: int | None = None) -> int:
    """Analyse what ingest has not (older rows, a lost task); returns how many."""
    articles = stale_articles().select_related("outlet").order_by("-pk")
    if limit is not None:
        articles = articles[:limit]
    count = 0
    for article in articles:
        index_source_article(article)
        count += 1
    return count


def parse(raw: str) -> ParsedQuery:
    """The editor's query, each word able to match its stem in every inbox language."""
    return add_language_stems(analyze_query(raw), LANGUAGE_STEMMERS)


def _word_filter(terms: tuple[str, ...]) -> Q:
    match = Q()
    for term in terms:
        padded = f" {term} "
        match |= Q(inbox_terms__title_terms__contains=padded)
        match |= Q(inbox_terms__body_terms__contains=padded)
    return match


def matching(queryset: QuerySet[SourceArticle], query: ParsedQuery) -> QuerySet[SourceArticle]:
    """Articles of ``queryset`` in which every query word occurs in some form."""
    for word in query.all_words:
        queryset = queryset.filter(_word_filter(word.terms))
    return queryset


@dataclass(frozen=True)
class Hit:
    article_id: int
    score: float
    # Found by meaning (the shared multilingual semantic index), in another language than the
    # query's, rather than by its words.
    cross_language: bool = False


def _tf(stored: str) -> tuple[Counter, int]:
    terms = stored.split()
    return Counter(terms), len(terms)


def rank(queryset: QuerySet[SourceArticle], query: ParsedQuery) -> list[Hit]:
    """Matching articles, best first (ties: newest first). At most NEWSDESK_INBOX_SEARCH_LIMIT."""
    if not query:
        return []
    limit = int(settings.NEWSDESK_INBOX_SEARCH_LIMIT)
    rows = list(
        matching(queryset, query)
        .order_by("-first_seen_at", "-pk")
        .values_list("pk", "inbox_terms__title_terms", "inbox_terms__body_terms")[: limit * 4]
    )
    if not rows:
        return []
    total = max(SourceTerms.objects.count(), len(rows))
    parsed = [(pk, _tf(title or ""), _tf(body or "")) for pk, title, body in rows]
    average = sum(length for _pk, _t, (_c, length) in parsed) / len(parsed) or 1.0
    words = query.all_words
    frequency = [
        sum(1 for _pk, (t, _), (b, _) in parsed if any(x in t or x in b for x in w.terms))
        for w in words
    ]
    hits = []
    for order, (pk, (title, _), (body, length)) in enumerate(parsed):
        score = 0.0
        for word, df in zip(words, frequency, strict=True):
            idf = math.log(1 + (total - df + 0.5) / (df + 0.5))
            tf_body = sum(body[term] for term in word.terms)
            tf_title = sum(title[term] for term in word.terms)
            norm = K1 * (1 - B + B * length / average)
            score += idf * (TITLE_WEIGHT * min(tf_title, 1) + tf_body * (K1 + 1) / (tf_body + norm))
        hits.append((score, -order, pk))
    hits.sort(reverse=True)
    return [Hit(pk, score) for score, _order, pk in hits[:limit]]


def query_language(raw: str) -> str:
    """The editors' languages: a query with Cyrillic letters is Russian, otherwise English."""
    return "ru" if CYRILLIC_RE.search(raw) else "en"


def cross_language(
    queryset: QuerySet[SourceArticle], raw: str, exclude: Iterable[int] = ()
) -> list[Hit]:
    """Sources in other languages than the query's on the same subject, by meaning, best first.

    The semantic index is the one shared with reader search (search.semantic); only hits at
    least NEWSDESK_INBOX_SEMANTIC_MIN_SIMILARITY close, inside ``queryset`` (the inbox filters)
    and not already found by their words are kept.
    """
    if not raw.strip():
        return []
    language = query_language(raw)
    excluded = set(exclude)
    hits = [
        hit
        for hit in search_source_articles(
            raw,
            limit=int(settings.NEWSDESK_INBOX_SEARCH_LIMIT),
            min_similarity=float(settings.NEWSDESK_INBOX_SEMANTIC_MIN_SIMILARITY),
        )
        if hit.key not in excluded and hit.language != language
    ]
    allowed = set(queryset.filter(pk__in=[h.key for h in hits]).values_list("pk", flat=True))
    return [Hit(h.key, h.similarity, cross_language=True) for h in hits if h.key in allowed]


def lead(article: SourceArticle, words: int = 36) -> str:
    """The start of the text, for results found by meaning (no word of theirs to highlight)."""
    text = " ".join((article.text or article.title).split()[:words])
    return text + (" …" if len((article.text or "").split()) > words else "")


def highlighted(article: SourceArticle, query: ParsedQuery) -> SafeString:
    """A snippet of the article's text (or title) with the matched word forms marked."""
    terms = query.all_terms
    text = article.text or article.title
    return snippet(text, terms)


def highlighted_title(article: SourceArticle, query: ParsedQuery) -> SafeString:
    return snippet(article.title, query.all_terms, words=80)
