"""When a watched source is checked: the lengthening schedule, due sources, claims, advancing.

Every decision reads and writes ``SourceWatch`` rows, so nothing is lost when the scheduler or
a worker dies: a due source stays due until a check has finished, and a claimed source whose
task vanished becomes due again when its claim expires.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet

from .models import SourceWatch

# A claimed source is offered again after this long: longer than a batch of checks can take
# (each fetch has a 60 s deadline, plus the politeness delay between requests to one host).
CLAIM_LEASE = timedelta(hours=2)
# A failed check (network, 5xx, robots) is retried after 1 h, 2 h, 4 h; then the schedule moves on.
RETRY_BASE = timedelta(hours=1)
MAX_RETRIES = 3
_UNITS = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
_STEP_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([mhdw])\s*$", re.IGNORECASE)

# Providers of (source article id, publication time) for sources a published page is based on;
# articles registers one in its AppConfig.ready (sources knows nothing of pages).
WatchCandidates = Callable[[], Iterable[tuple[int, datetime]]]
_candidate_providers: list[WatchCandidates] = []


def register_watch_candidates(provider: WatchCandidates) -> None:
    """Tell the watch which sources to watch and since when (idempotent per provider)."""
    if provider not in _candidate_providers:
        _candidate_providers.append(provider)


def parse_schedule(value: str | Iterable[str]) -> list[timedelta]:
    """ "1h,6h,1d,7d,30d" (or a list of such steps) as increasing delays after publication."""
    parts = value.split(",") if isinstance(value, str) else list(value)
    steps = []
    for part in parts:
        if not str(part).strip():
            continue
        found = _STEP_RE.match(str(part))
        if found is None:
            raise ValueError(
                f"NEWSDESK_SOURCE_WATCH_SCHEDULE: {part!r} is not a delay like 30m, 6h, 1d or 2w"
            )
        steps.append(timedelta(seconds=float(found.group(1)) * _UNITS[found.group(2).lower()]))
    if not steps or any(b <= a for a, b in zip(steps, steps[1:], strict=False)):
        raise ValueError(
            "NEWSDESK_SOURCE_WATCH_SCHEDULE must list increasing delays, e.g. 1h,6h,1d"
        )
    return steps


def watch_schedule() -> list[timedelta]:
    return parse_schedule(settings.NEWSDESK_SOURCE_WATCH_SCHEDULE)


def next_step(
    anchor: datetime, after: datetime, steps: list[timedelta]
) -> tuple[int, datetime | None]:
    """The first step of the schedule that falls after ``after`` (missed steps are merged into
    the check just made), and when it is; ``None`` once the schedule is done."""
    for index, delay in enumerate(steps):
        if anchor + delay > after:
            return index, anchor + delay
    return len(steps), None


def start_watch(article_id: int, published_at: datetime) -> SourceWatch:
    """Watch a source from ``published_at``; a later publication based on it restarts the schedule.

    A page published today on an older source needs its own 1 h, 6 h, ... checks; an earlier
    publication never moves the schedule back.
    """
    steps = watch_schedule()
    with transaction.atomic():
        watch = SourceWatch.objects.select_for_update().filter(article_id=article_id).first()
        if watch is not None and watch.anchor_at >= published_at:
            return watch
        if watch is None:
            watch = SourceWatch(article_id=article_id)
        watch.anchor_at = published_at
        watch.step, watch.next_check_at = 0, published_at + steps[0]
        watch.save()
        return watch


def ensure_watches() -> int:
    """Start or restart the watch of every source the registered providers name; returns how
    many changed. Cheap when nothing is new: providers return only what needs a watch."""
    started = 0
    for provider in _candidate_providers:
        for article_id, published_at in provider():
            before = (
                SourceWatch.objects.filter(article_id=article_id)
                .values_list("anchor_at", flat=True)
                .first()
            )
            if before is None or before < published_at:
                start_watch(article_id, published_at)
                started += 1
    return started


def due_watches(now: datetime) -> QuerySet[SourceWatch]:
    """Sources whose next check has come and that no live task holds."""
    return (
        SourceWatch.objects.filter(next_check_at__lte=now)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .order_by("next_check_at", "pk")
    )


def claim(watch_ids: list[int], now: datetime) -> None:
    SourceWatch.objects.filter(pk__in=watch_ids).update(claimed_until=now + CLAIM_LEASE)


def finish(
    watch: SourceWatch,
    status: str,
    now: datetime,
    *,
    http_status: int | None = None,
    error: str = "",
) -> None:
    """Record a check and move the schedule on: a failure is retried a few times first."""
    watch.last_checked_at = now
    watch.last_status = status
    watch.last_http_status = http_status
    watch.last_error = error[:2000]
    watch.checks += 1
    watch.claimed_until = None
    if status == SourceWatch.Status.FAILED:
        watch.consecutive_failures += 1
    else:
        watch.consecutive_failures = 0
    if 0 < watch.consecutive_failures <= MAX_RETRIES:
        watch.next_check_at = now + RETRY_BASE * 2 ** (watch.consecutive_failures - 1)
    else:
        watch.step, watch.next_check_at = next_step(watch.anchor_at, now, watch_schedule())
    watch.save()
