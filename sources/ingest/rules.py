"""Editors' rules at ingest: a feed's keep/block rules (judge an entry, remember a block) and an
outlet's extraction rule (its selectors, and the record of whether they still match).
``extract_page`` is the one extraction step of ingest: feed entries' pages and ``ingest_url``'s
single pages both go through it, so an outlet's rule applies whichever way a page arrives.

The matching itself (and why it cannot hang) is sources/feed_rules.py; this module is the part
that touches the database, so the run (runs.py) stays a list of steps.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..extraction import ExtractedArticle, extract_article
from ..feed_rules import Verdict, evaluate, usable
from ..fetching.client import FetchResult
from ..models import BlockedEntry, ExtractionRule, Feed, FeedRule, Outlet
from .records import ArticleData


def rules_of(feed: Feed) -> list[FeedRule]:
    return usable(FeedRule.objects.filter(feed=feed, active=True).order_by("pk"))


def was_blocked(feed: Feed, data: ArticleData) -> bool:
    return BlockedEntry.objects.filter(feed=feed, link=data.link[:1000]).exists()


def judge(rules: list[FeedRule], data: ArticleData, *, final: bool) -> Verdict:
    """Apply the rules to the entry; a pattern that timed out is recorded on its rule."""
    verdict = evaluate(rules, data.title, data.text or data.summary, final=final)
    for rule in verdict.timed_out:
        FeedRule.objects.filter(pk=rule.pk).update(
            last_error=f"timed out on {data.link[:400]}", last_error_at=timezone.now()
        )
    return verdict


def remember_block(feed: Feed, data: ArticleData, verdict: Verdict) -> None:
    try:
        with transaction.atomic():
            BlockedEntry.objects.create(
                feed=feed,
                link=data.link[:1000],
                title=data.title[:500],
                rule_id=getattr(verdict.rule, "pk", None),
            )
    except IntegrityError:  # an overlapping run blocked it first
        pass


def extraction_rule_for(outlet: Outlet) -> ExtractionRule | None:
    """The outlet's active extraction rule (set on any of its language versions)."""
    return (
        ExtractionRule.objects.filter(outlet__translation_key=outlet.translation_key, active=True)
        .order_by("pk")
        .first()
    )


def record_extraction_check(rule: ExtractionRule, url: str, page: ExtractedArticle) -> None:
    """Keep the last check on the rule: feed health lists rules whose selectors stopped matching."""
    now = timezone.now()
    changes: dict = {
        "last_checked_at": now,
        "last_checked_url": url[:1000],
        "missed_fields": list(page.rule_missed),
    }
    if not page.rule_missed:
        changes["last_matched_at"] = now
    ExtractionRule.objects.filter(pk=rule.pk).update(**changes)


def extract_page(result: FetchResult, rule: ExtractionRule | None) -> ExtractedArticle:
    """Extract a fetched page with the outlet's rule (if any) and record whether it matched.

    Raises ExtractionError like ``extract_article``.
    """
    page = extract_article(
        result.body,
        url=result.url,
        http_charset=result.encoding,
        selectors=rule.selectors() if rule else None,
    )
    if rule is not None:
        record_extraction_check(rule, result.url, page)
    return page
