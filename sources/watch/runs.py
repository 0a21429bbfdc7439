"""The periodic job's work: pick due sources, hand them to check tasks, run those checks.

Due sources are grouped by host and each group goes to one task, which checks them one after
the other: requests to one outlet are spaced by the fetcher's politeness delay and never run in
parallel from two workers, while different outlets are checked by different workers at once.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..fetching.client import Fetcher
from ..ingest.runs import make_fetcher
from .check import CheckOutcome, check_watch
from .models import SourceWatch
from .schedule import claim, due_watches, ensure_watches, finish


@dataclass
class WatchSummary:
    """What a pass did; ``as_json`` is what tasks return and ``watch_sources --json`` prints."""

    started: int = 0
    enqueued: int = 0
    tasks: int = 0
    checked: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, outcome: CheckOutcome) -> None:
        self.checked += 1
        self.outcomes[outcome.status] = self.outcomes.get(outcome.status, 0) + 1
        if outcome.error:
            self.errors.append(f"source article {outcome.article_id}: {outcome.error}")

    def as_json(self) -> dict:
        data = asdict(self)
        data["seconds"] = round(self.seconds, 3)
        data["errors"] = self.errors[:20]
        return data


def enqueue_due_checks(
    enqueue: Callable[[list[int]], object], now: datetime | None = None
) -> WatchSummary:
    """Start watches for newly published pages, claim the due sources and enqueue their checks.

    Claims and enqueued tasks are written in one transaction (the database task backend writes
    its rows in it), so either both exist or neither: a crash here leaves the sources due.
    """
    started_at = time.monotonic()
    now = now or timezone.now()
    summary = WatchSummary(started=ensure_watches())
    batch = int(settings.NEWSDESK_SOURCE_WATCH_BATCH)
    with transaction.atomic():
        due = list(
            due_watches(now)
            .select_for_update(skip_locked=True, of=("self",))
            .values_list("pk", "article__url")[:batch]
        )
        by_host: dict[str, list[int]] = defaultdict(list)
        for pk, url in due:
            by_host[(urlsplit(url).hostname or "").lower()].append(pk)
        claim([pk for pk, _url in due], now)
        for ids in by_host.values():
            enqueue(ids)
            summary.tasks += 1
        summary.enqueued = len(due)
    summary.seconds = time.monotonic() - started_at
    return summary


def check_watches(
    watch_ids: list[int],
    *,
    fetcher: Fetcher | None = None,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> WatchSummary:
    """Check the given sources in turn; one broken source never stops the others.

    ``force`` checks them even before their next step (``watch_sources --all``); the schedule
    is unaffected, since a check only moves it past steps that have come.
    """
    started_at = time.monotonic()
    summary = WatchSummary()
    own = fetcher is None
    fetcher = fetcher or make_fetcher()
    try:
        watches = list(SourceWatch.objects.filter(pk__in=watch_ids).order_by("next_check_at", "pk"))
        for done, watch in enumerate(watches, 1):
            now = timezone.now()
            if progress is not None:
                progress(done, len(watches))
            due = watch.next_check_at is not None and watch.next_check_at <= now
            if not (due or force):
                continue  # checked already by another task (a duplicate after a lost claim)
            try:
                summary.add(check_watch(watch, fetcher, now))
            except Exception as exc:  # noqa: BLE001 - a bug on one page must not stop the rest
                message = f"internal error while checking: {exc!r}"
                summary.errors.append(f"source article {watch.article_id}: {message}")
                finish(watch, SourceWatch.Status.FAILED, now, error=message)
    finally:
        if own:
            fetcher.close()
    summary.seconds = time.monotonic() - started_at
    return summary
