"""A feed's polling state: when it is due, and what a success or a failure leaves on it."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from ..feeds import ParsedFeed
from ..fetching.client import FetchResult
from ..models import Feed

MAX_BACKOFF = timedelta(hours=24)


def due_feeds(now: datetime | None = None):
    """Active feeds whose next poll time has come (never polled counts as due)."""
    now = now or timezone.now()
    return (
        Feed.objects.filter(active=True)
        .filter(Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now))
        .select_related("outlet")
        .order_by("next_poll_at", "pk")
    )


def _backoff(feed: Feed, failures: int) -> timedelta:
    """Failing feeds are polled less often (doubling, capped): a dead server is not hammered."""
    base = timedelta(minutes=max(feed.poll_interval_minutes, 1))
    return min(base * (2 ** min(failures - 1, 10)), MAX_BACKOFF)


def record_feed_failure(feed: Feed, message: str, now: datetime | None = None) -> None:
    """Remember why the feed failed and back off; a single UPDATE so it cannot half-write."""
    now = now or timezone.now()
    failures = feed.consecutive_failures + 1
    feed.last_polled_at = feed.last_error_at = now
    feed.last_error = message[:2000]
    feed.consecutive_failures = failures
    feed.next_poll_at = now + _backoff(feed, failures)
    Feed.objects.filter(pk=feed.pk).update(
        last_polled_at=now,
        last_error_at=now,
        last_error=feed.last_error,
        consecutive_failures=failures,
        next_poll_at=feed.next_poll_at,
    )


def record_feed_success(
    feed: Feed,
    *,
    result: FetchResult | None,
    parsed: ParsedFeed | None,
    hash_: str | None,
    complete: bool,
    now: datetime | None = None,
) -> None:
    """Healthy again. Validators are stored only when every entry was stored (``complete``)."""
    now = now or timezone.now()
    values: dict = {
        "last_polled_at": now,
        "last_success_at": now,
        "consecutive_failures": 0,
        "last_error": (parsed.warning or "")[:2000] if parsed and parsed.bozo else "",
        "next_poll_at": now + timedelta(minutes=max(feed.poll_interval_minutes, 1)),
    }
    if parsed is not None:
        values["entry_count"] = len(parsed.entries)
        if not feed.title and parsed.title:
            values["title"] = parsed.title[:500]
    if complete and result is not None and not result.not_modified:
        values["etag"] = (result.etag or "")[:500]
        values["last_modified"] = (result.last_modified or "")[:100]
        values["content_hash"] = hash_ or ""
    elif not complete:
        values["etag"] = values["last_modified"] = values["content_hash"] = ""
    Feed.objects.filter(pk=feed.pk).update(**values)
    for name, value in values.items():
        setattr(feed, name, value)
