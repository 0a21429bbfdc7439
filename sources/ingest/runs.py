"""A whole ingest run (every due feed, or one URL) and the summary it reports."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime

from django.conf import settings

from core.web_urls import is_web_url

from ..extraction import ExtractionError
from ..feeds import FeedEntry, FeedParseError, parse_feed
from ..fetching.client import Fetcher, FetchResult
from ..fetching.errors import FetchError
from ..models import ExtractionRule, Feed, Outlet, SourceArticle
from .feed_state import due_feeds, record_feed_failure, record_feed_success
from .outlets import find_outlet, resolve_outlet
from .records import ArticleData, body_hash, data_from_entry, data_from_page, entry_hash, merge_page
from .rules import (
    extract_page,
    extraction_rule_for,
    judge,
    remember_block,
    rules_of,
    was_blocked,
)
from .storage import FAILED, UNCHANGED, find_existing, store_article
from .stories import cluster_pending

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
ANY_ACCEPT = f"{FEED_ACCEPT}, {PAGE_ACCEPT}"
MAX_REPORTED_ERRORS = 20
BLOCKED = "blocked"
# progress(label of the feed just polled, feeds done, feeds in this run)
Progress = Callable[[str, int, int], None]
logger = logging.getLogger(__name__)


@dataclass
class IngestSummary:
    """What a run did. ``as_json`` is the contract of ``--json`` (keys fixed by the issue)."""

    feeds_ok: int = 0
    feeds_failed: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    blocked: int = 0  # entries a feed's keep/block rules kept out of the inbox
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    attempts: int = 0  # feeds or single pages we tried to fetch

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    @property
    def nothing_fetched(self) -> bool:
        """True when something was tried and nothing at all came back (exit status != 0)."""
        fetched = self.feeds_ok + self.new + self.updated + self.unchanged
        return self.attempts > 0 and fetched == 0

    def as_json(self) -> dict:
        """The summary as one JSON object; at most MAX_REPORTED_ERRORS error lines.

        A feed whose pages are all unreachable would otherwise print one line per entry.
        """
        data = asdict(self)
        data.pop("attempts")
        data["seconds"] = round(self.seconds, 3)
        if len(self.errors) > MAX_REPORTED_ERRORS:
            data["errors"] = self.errors[:MAX_REPORTED_ERRORS]
            data["errors_omitted"] = len(self.errors) - MAX_REPORTED_ERRORS
        return data


def make_fetcher() -> Fetcher:
    """A fetcher for one run, spacing requests to a host by NEWSDESK_FETCH_MIN_HOST_DELAY."""
    return Fetcher(min_host_delay=float(settings.NEWSDESK_FETCH_MIN_HOST_DELAY))


def _oldest_first(entries: Iterable[FeedEntry]) -> list[FeedEntry]:
    """Feeds list newest first; storing oldest first keeps first_seen order meaningful."""
    return list(reversed(list(entries)))


class _Run:
    """State of one ingest run: the fetcher, the summary and the progress callback."""

    def __init__(self, fetcher: Fetcher | None, progress: Progress | None) -> None:
        self.own_fetcher = fetcher is None
        self.fetcher = fetcher or make_fetcher()
        self.summary = IngestSummary()
        self.progress = progress or (lambda label, done, total: None)
        self.started = time.monotonic()
        self.rules: dict[int, list] = {}
        self.extraction_rules: dict[int, ExtractionRule | None] = {}

    def close(self) -> IngestSummary:
        if self.own_fetcher:
            self.fetcher.close()
        self.summary.seconds = time.monotonic() - self.started
        return self.summary

    def error(self, where: str, exc: BaseException | str) -> None:
        self.summary.errors.append(f"{where}: {exc}")

    # -- one entry ------------------------------------------------------------------------

    def process_entry(self, feed: Feed, entry: FeedEntry, language: str) -> str:
        data = data_from_entry(entry, feed_url=feed.url, language=language)
        fingerprint = entry_hash(entry)
        existing = find_existing(feed.outlet, data)
        if existing is not None and existing.entry_hash == fingerprint and not existing.fetch_error:
            return UNCHANGED
        if existing is None and feed.pk not in self.rules:
            self.rules[feed.pk] = rules_of(feed)
        rules = self.rules[feed.pk] if existing is None else []
        if rules and (was_blocked(feed, data) or not self.admitted(feed, rules, data, final=False)):
            return BLOCKED
        if feed.fetch_pages and is_web_url(data.link) and not data.link.startswith(feed.url + "#"):
            data = self.fetch_page(data, existing, outlet=feed.outlet)
            if data is None:  # 304: the page did not change either
                SourceArticle.objects.filter(pk=existing.pk).update(entry_hash=fingerprint)
                return UNCHANGED
        if rules and not data.fetch_error and not self.admitted(feed, rules, data, final=True):
            return BLOCKED
        outcome = store_article(
            feed.outlet, feed, data, entry_fingerprint=fingerprint, existing=existing
        )
        if outcome == FAILED:
            self.error(data.link, data.fetch_error)
        return outcome

    def admitted(self, feed: Feed, rules: list, data: ArticleData, *, final: bool) -> bool:
        """The feed's keep/block rules on a new entry (before and after its page is fetched)."""
        verdict = judge(rules, data, final=final)
        for rule in verdict.timed_out:
            self.error(feed.url, f"rule {rule.pattern!r} timed out on {data.link}; entry kept")
        if not verdict.admitted:
            remember_block(feed, data, verdict)
        return verdict.admitted

    def extraction_rule(self, outlet: Outlet | None) -> ExtractionRule | None:
        if outlet is None:
            return None
        if outlet.pk not in self.extraction_rules:
            self.extraction_rules[outlet.pk] = extraction_rule_for(outlet)
        return self.extraction_rules[outlet.pk]

    def fetch_page(
        self, data: ArticleData, existing: SourceArticle | None, outlet: Outlet | None = None
    ) -> ArticleData | None:
        """Fetch and extract the entry's page (with the outlet's extraction rule, if any); on
        failure keep the feed data with the error."""
        rule = self.extraction_rule(outlet)
        conditional = existing is not None and not existing.fetch_error and existing.fetched_at
        try:
            result = self.fetcher.fetch(
                data.link,
                etag=(existing.etag or None) if conditional else None,
                last_modified=(existing.last_modified or None) if conditional else None,
                accept=PAGE_ACCEPT,
            )
            if result.not_modified:
                return None
            page = extract_page(result, rule)
        except (FetchError, ExtractionError) as exc:
            data.fetch_error = f"{type(exc).__name__}: {exc}"[:2000]
            return data
        return merge_page(data, page, result)

    # -- one feed -------------------------------------------------------------------------

    def poll_feed(self, feed: Feed, prefetched: FetchResult | None = None) -> None:
        self.summary.attempts += 1
        try:
            self._poll_feed(feed, prefetched)
        except Exception as exc:  # noqa: BLE001 - one feed's bug must not stop the others
            logger.exception("ingest of feed %s failed", feed.url)
            message = f"internal error while ingesting: {type(exc).__name__}: {exc}"
            record_feed_failure(feed, message)
            self.summary.feeds_failed += 1
            self.error(feed.url, message)

    def _poll_feed(self, feed: Feed, prefetched: FetchResult | None) -> None:
        try:
            result = prefetched or self.fetcher.fetch(
                feed.url,
                etag=feed.etag or None,
                last_modified=feed.last_modified or None,
                accept=FEED_ACCEPT,
            )
        except FetchError as exc:
            record_feed_failure(feed, f"{type(exc).__name__}: {exc}")
            self.summary.feeds_failed += 1
            self.error(feed.url, exc)
            return
        hash_ = None if result.not_modified else body_hash(result.body)
        if result.not_modified or (hash_ == feed.content_hash and feed.content_hash):
            # Nothing changed since the last complete poll: its entries are all unchanged.
            record_feed_success(feed, result=result, parsed=None, hash_=hash_, complete=True)
            self.summary.feeds_ok += 1
            self.summary.unchanged += feed.entry_count
            return
        try:
            parsed = parse_feed(result.body, url=result.url, content_type=result.content_type)
        except FeedParseError as exc:
            record_feed_failure(feed, f"FeedParseError: {exc}")
            self.summary.feeds_failed += 1
            self.error(feed.url, exc)
            return
        language = (parsed.language or feed.outlet.language or "").split("-")[0].lower()
        complete = True
        for entry in _oldest_first(parsed.entries):
            outcome = self.process_entry(feed, entry, language)
            self.summary.count(outcome)
            complete = complete and outcome != FAILED
        record_feed_success(feed, result=result, parsed=parsed, hash_=hash_, complete=complete)
        self.summary.feeds_ok += 1


def ingest_due_feeds(
    *,
    fetcher: Fetcher | None = None,
    progress: Progress | None = None,
    now: datetime | None = None,
    feeds: Iterable[Feed] | None = None,
    cluster: bool = True,
) -> IngestSummary:
    """Poll every due feed (or the given ones), then cluster what is new. Never raises for a
    broken source: each failure is recorded on its Feed and in the summary's ``errors``."""
    run = _Run(fetcher, progress)
    try:
        todo = list(feeds if feeds is not None else due_feeds(now))
        for done, feed in enumerate(todo, 1):
            run.poll_feed(feed)
            run.progress(str(feed), done, len(todo))
        if cluster and (run.summary.new or run.summary.updated or run.summary.failed):
            cluster_pending(now=now)
    finally:
        summary = run.close()
    return summary


def looks_like_html(result: FetchResult) -> bool:
    content_type = (result.content_type or "").lower()
    head = result.body[:2048].lstrip().lower()
    if head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head):
        return False
    return "html" in content_type or head.startswith((b"<!doctype html", b"<html"))


def ingest_url(
    url: str,
    *,
    outlet_name: str | None = None,
    fetcher: Fetcher | None = None,
    cluster: bool = True,
) -> IngestSummary:
    """Ingest one URL, a feed or an article page, told apart by the content we get back.

    A feed is registered (so later runs keep polling it) and ingested now; a page is extracted
    and stored as one article of its outlet.
    """
    run = _Run(fetcher, None)
    try:
        _ingest_one_url(run, url, outlet_name)
        if cluster and (run.summary.new or run.summary.updated):
            cluster_pending()
    finally:
        summary = run.close()
    return summary


def _ingest_one_url(run: _Run, url: str, outlet_name: str | None) -> None:
    try:
        result = run.fetcher.fetch(url, accept=ANY_ACCEPT)
    except FetchError as exc:
        run.summary.attempts += 1
        run.summary.failed += 1
        run.error(url, exc)
        return
    if not looks_like_html(result):
        try:
            parse_feed(result.body, url=result.url, content_type=result.content_type)
        except FeedParseError as exc:
            run.summary.attempts += 1
            run.summary.failed += 1
            run.error(url, f"neither an HTML page nor a feed: {exc}")
            return
        outlet = resolve_outlet(outlet_name, url)
        feed, _created = Feed.objects.get_or_create(url=url[:1000], defaults={"outlet": outlet})
        run.poll_feed(feed, prefetched=result)
        return
    run.summary.attempts += 1
    # The outlet is known before extraction when it exists, so its extraction rule applies
    # exactly as it does to its feeds' pages; a new outlet has no rule yet.
    outlet = find_outlet(outlet_name, result.url)
    try:
        page = extract_page(result, run.extraction_rule(outlet))
    except ExtractionError as exc:
        run.summary.failed += 1
        run.error(url, f"could not extract the page: {exc}")
        return
    outlet = outlet or resolve_outlet(
        outlet_name, result.url, site_name=page.site_name, language=page.language or ""
    )
    data = data_from_page(page, result, page.language or outlet.language)
    run.summary.count(store_article(outlet, None, data))
