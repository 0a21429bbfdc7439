"""One re-fetch of a watched source and what it found.

The page is fetched at its stored URL, not found through the feed (it has usually left the
feed by then), with the ETag/Last-Modified of the last fetch so an unchanged page costs a 304.
A new text is stored by ``ingest.storage.store_article`` like any other change; a 404/410, a
redirect to the outlet's home or to a section page, or a 200 page saying the article was removed
is a withdrawal (the narrow rules are in ``withdrawal.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from ..extraction import ExtractionError, extract_article
from ..fetching.client import Fetcher
from ..fetching.errors import FetchError, HTTPStatusError
from ..ingest.records import ArticleData, merge_page
from ..ingest.runs import PAGE_ACCEPT
from ..ingest.storage import UPDATED, store_article
from ..models import SourceArticle
from .events import record_event
from .models import SourceEvent, SourceWatch
from .schedule import finish
from .withdrawal import redirect_withdrawal, removal_notice, visible_text

GONE_STATUSES = frozenset({404, 410})


@dataclass(frozen=True)
class CheckOutcome:
    """What one check found, for the task's summary and the command's ``--json``."""

    watch_id: int
    article_id: int
    status: str
    http_status: int | None = None
    error: str = ""


def check_watch(watch: SourceWatch, fetcher: Fetcher, now: datetime | None = None) -> CheckOutcome:
    """Fetch the watched article once, store what changed, record events, advance the schedule."""
    now = now or timezone.now()
    article = SourceArticle.objects.select_related("outlet").get(pk=watch.article_id)
    status, http_status, error = _fetch_and_store(article, watch, fetcher, now)
    finish(watch, status, now, http_status=http_status, error=error)
    return CheckOutcome(watch.pk, article.pk, status, http_status, error)


def _fetch_and_store(
    article: SourceArticle, watch: SourceWatch, fetcher: Fetcher, now: datetime
) -> tuple[str, int | None, str]:
    Status = SourceWatch.Status
    try:
        result = fetcher.fetch(
            article.url,
            etag=article.etag or None,
            last_modified=article.last_modified or None,
            accept=PAGE_ACCEPT,
        )
    except HTTPStatusError as exc:
        if exc.status in GONE_STATUSES:
            _withdraw(article, watch, now, f"HTTP {exc.status}")
            return Status.WITHDRAWN, exc.status, ""
        return Status.FAILED, exc.status, f"{type(exc).__name__}: {exc}"
    except FetchError as exc:
        return Status.FAILED, None, f"{type(exc).__name__}: {exc}"
    if result.not_modified:
        _back_again(watch)
        return Status.UNCHANGED, result.status, ""
    gone = redirect_withdrawal(article, result)
    if gone:
        _withdraw(article, watch, now, gone)
        return Status.WITHDRAWN, result.status, ""
    try:
        page = extract_article(result.body, url=result.url, http_charset=result.encoding)
    except ExtractionError as exc:
        gone = removal_notice(article, visible_text(result.body))
        if gone:
            _withdraw(article, watch, now, gone)
            return Status.WITHDRAWN, result.status, ""
        return Status.FAILED, result.status, f"ExtractionError: {exc}"
    base = ArticleData(
        url=article.url,
        link=article.link or article.url,
        guid=article.guid,
        language=article.language,
    )
    data = merge_page(base, page, result)
    gone = removal_notice(article, data.text.strip() or visible_text(result.body))
    if gone:
        _withdraw(article, watch, now, gone)
        return Status.WITHDRAWN, result.status, ""
    _back_again(watch)
    if not data.text.strip():
        # A changed layout or a consent wall, not an article emptied by its outlet: storing it
        # would record the whole text as deleted and alarm every editor.
        return Status.FAILED, result.status, "no article text found on the page"
    if store_article(article.outlet, None, data, existing=article) != UPDATED:
        return Status.UNCHANGED, result.status, ""
    latest = article.events.order_by("-pk").values_list("kind", flat=True).first()
    corrected = latest == SourceEvent.Kind.CORRECTED
    return (Status.CORRECTED if corrected else Status.CHANGED), result.status, ""


def _withdraw(article: SourceArticle, watch: SourceWatch, now: datetime, detail: str) -> None:
    """One WITHDRAWN event per disappearance: later checks that find it still gone add none."""
    with transaction.atomic():
        locked = SourceWatch.objects.select_for_update().get(pk=watch.pk)
        if locked.withdrawn_at is not None:
            watch.withdrawn_at = locked.withdrawn_at
            return
        locked.withdrawn_at = watch.withdrawn_at = now
        locked.save(update_fields=["withdrawn_at"])
        record_event(article, SourceEvent.Kind.WITHDRAWN, now, detail=detail[:1000])


def _back_again(watch: SourceWatch) -> None:
    """The page answers again: a later disappearance is a new withdrawal."""
    watch.withdrawn_at = None
