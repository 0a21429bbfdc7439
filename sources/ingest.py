"""The ingest pipeline: outlets' feeds and pages in, versioned articles and Stories out.

One run polls every due Feed through the safe fetcher (sources/fetching.py), parses it
(sources/feeds.py), fetches and extracts each new or changed entry's page
(sources/extraction.py), stores the sanitized article and a version row, and finally groups new
articles into Stories (sources/clustering.py).

Rules this module keeps, and why:

* **Idempotent.** Entries are matched by GUID (per outlet), by the link the feed lists and by
  the canonical URL, so polling the same feed twice creates nothing. Unchanged feeds cost a
  conditional GET (304) or, for servers that ignore it, a body hash comparison; unchanged
  entries are recognised by a hash of what the feed says and their pages are not fetched again.
* **Atomic per item.** Network I/O happens outside transactions; each article with its version
  row is written in one transaction, so a run killed half-way leaves whole articles or nothing.
  A feed's ETag/hash is stored only after all its entries were stored, so the next run sees
  the feed as changed and completes the work. Clustering runs at the end over every article
  without a Story, so articles of a killed run are clustered by the next one.
* **A broken source never stops the run.** Fetch and parse errors are recorded on the Feed
  (last error, consecutive failures, back-off of the next poll) and the run goes on.
* **Nothing unsanitized is stored.** Every HTML string goes through nh3 (sources/sanitize.py)
  right before it is written, whichever path produced it.
* **Corrections are visible.** A text change stores a new version with a unified diff and flags
  every published ArticlePage based on the article ("source updated since publication").
"""

from __future__ import annotations

import difflib
import hashlib
import json
import logging
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale

from .extraction import ExtractedArticle, ExtractionError, extract_article
from .feeds import FeedEntry, FeedParseError, ParsedFeed, parse_feed
from .fetching.client import Fetcher, FetchResult
from .fetching.errors import FetchError
from .models import Feed, Outlet, SourceArticle, SourceArticleVersion, Story
from .sanitize import html_to_text, sanitize_html

logger = logging.getLogger(__name__)

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
ANY_ACCEPT = f"{FEED_ACCEPT}, {PAGE_ACCEPT}"
MAX_BACKOFF = timedelta(hours=24)
CLUSTER_WINDOW = timedelta(days=7)
CLUSTER_BATCH = 64

NEW, UPDATED, UNCHANGED, FAILED = "new", "updated", "unchanged", "failed"

# progress(label of the feed just polled, feeds done, feeds in this run)
Progress = Callable[[str, int, int], None]

_TITLE_MAX = SourceArticle._meta.get_field("title").max_length
_URL_MAX = SourceArticle._meta.get_field("url").max_length
_CREDIT_RE = re.compile(
    r"(?:^|[\s(\[|/])(?:foto|photo|bild|image|фото|credit)\s*:\s*([^)\]|\n]{2,120})",
    re.IGNORECASE,
)
_COPYRIGHT_RE = re.compile(r"[©]\s*([^)\]|\n]{2,120})")


# --------------------------------------------------------------------------------------------
# Summary of a run
# --------------------------------------------------------------------------------------------


MAX_REPORTED_ERRORS = 20


@dataclass
class IngestSummary:
    """What a run did. ``as_json`` is the contract of ``--json`` (keys fixed by the issue)."""

    feeds_ok: int = 0
    feeds_failed: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
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


# --------------------------------------------------------------------------------------------
# Helpers: hashes, dates, URLs
# --------------------------------------------------------------------------------------------


def content_hash(title: str, text: str) -> str:
    """Hash of what a reader sees; whitespace differences are not a change of the story."""
    normal = (
        " ".join(title.split()) + "\n" + "\n".join(" ".join(p.split()) for p in text.split("\n"))
    )
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def entry_hash(entry: FeedEntry) -> str:
    """Fingerprint of what the feed says about one entry: unchanged means no page fetch."""
    payload = [
        entry.guid,
        entry.link,
        entry.title,
        entry.summary,
        entry.content,
        entry.updated.isoformat() if entry.updated else None,
        entry.published.isoformat() if entry.published else None,
    ]
    return hashlib.sha256(json.dumps(payload).encode("utf-8")).hexdigest()


def body_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def _host(url: str | None) -> str:
    if not url:
        return ""
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def _is_web_url(url: str | None) -> bool:
    return bool(url) and urlsplit(url).scheme in ("http", "https") and bool(urlsplit(url).hostname)


def canonical_url(extracted: ExtractedArticle | None, final_url: str | None, link: str) -> str:
    """The URL an article is stored under.

    The page's own canonical link wins only when it stays on the host we fetched: outlets
    (and copied pages) sometimes declare canonicals on other sites, and trusting those would
    merge unrelated articles under one unique URL.
    """
    fetched = final_url or link
    if extracted is not None and _is_web_url(extracted.canonical_url):
        if _host(extracted.canonical_url) == _host(fetched):
            return extracted.canonical_url[:_URL_MAX]
    return fetched[:_URL_MAX]


def credit_from_caption(caption: str | None) -> str:
    """Photo credit stated in a caption ("Foto: dpa", "Photo: Jane Doe/Reuters", "© AFP")."""
    if not caption:
        return ""
    found = _CREDIT_RE.search(caption) or _COPYRIGHT_RE.search(caption)
    return found.group(1).strip(" .,;")[:300] if found else ""


def _backoff(feed: Feed, failures: int) -> timedelta:
    """Failing feeds are polled less often (doubling, capped): a dead server is not hammered."""
    base = timedelta(minutes=max(feed.poll_interval_minutes, 1))
    return min(base * (2 ** min(failures - 1, 10)), MAX_BACKOFF)


def make_fetcher() -> Fetcher:
    """A fetcher for one run; host spacing from NEWSDESK_FETCH_MIN_HOST_DELAY (default 1 s)."""
    return Fetcher(min_host_delay=float(getattr(settings, "NEWSDESK_FETCH_MIN_HOST_DELAY", 1.0)))


def default_locale() -> Locale:
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    return locale


# --------------------------------------------------------------------------------------------
# Article data, as gathered before anything is written
# --------------------------------------------------------------------------------------------


@dataclass
class ArticleData:
    """Everything we know about one article, gathered outside any transaction."""

    url: str
    link: str
    guid: str = ""
    title: str = ""
    authors: list[str] = field(default_factory=list)
    language: str = ""
    published_at: datetime | None = None
    updated_at: datetime | None = None
    lead_image_url: str = ""
    lead_image_caption: str = ""
    lead_image_credit: str = ""
    summary: str = ""
    html: str = ""
    text: str = ""
    etag: str = ""
    last_modified: str = ""
    fetch_error: str = ""
    page_fetched: bool = False

    @property
    def content_hash(self) -> str:
        return content_hash(self.title, self.text)


def data_from_entry(entry: FeedEntry, *, feed_url: str, language: str) -> ArticleData:
    """What the feed alone says; the page, when fetched, refines it (see ``merge_page``)."""
    link = entry.link if _is_web_url(entry.link) else None
    if link is None and _is_web_url(entry.guid):
        link = entry.guid
    if link is None:
        # No address at all: a stable pseudo-URL under the feed keeps the unique key.
        link = f"{feed_url}#{hashlib.sha256(entry.guid.encode()).hexdigest()[:16]}"
    summary = sanitize_html(entry.summary, base_url=link)
    body = sanitize_html(entry.content, base_url=link) if entry.content else summary
    published = entry.published or entry.updated  # the feed's first statement of the date
    return ArticleData(
        url=link[:_URL_MAX],
        link=link[:_URL_MAX],
        guid=entry.guid[:1000],
        title=(entry.title or "").strip()[:_TITLE_MAX],
        authors=list(entry.authors),
        language=language,
        published_at=published,
        updated_at=entry.updated if entry.updated and entry.updated != published else None,
        lead_image_url=(entry.image_url or "")[:1000] if _is_web_url(entry.image_url) else "",
        summary=summary,
        html=body,
        text=html_to_text(body),
    )


def merge_page(data: ArticleData, page: ExtractedArticle, result: FetchResult) -> ArticleData:
    """Page facts override feed facts where the page states them (it is the fuller source)."""
    html = sanitize_html(page.html, base_url=result.url) if page.html else ""
    text = page.text or html_to_text(html)
    if not text.strip():
        html, text = data.html, data.text  # extraction found no body: keep the feed's content
    caption = (page.image_caption or "").strip()
    image = page.image_url if _is_web_url(page.image_url) else None
    return ArticleData(
        url=canonical_url(page, result.url, data.link),
        link=data.link,
        guid=data.guid,
        title=((page.title or "").strip() or data.title)[:_TITLE_MAX],
        authors=list(page.authors) or data.authors,
        language=page.language or data.language,
        published_at=page.published_at or data.published_at,
        updated_at=page.updated_at or data.updated_at,
        lead_image_url=(image or data.lead_image_url)[:1000],
        lead_image_caption=caption,
        lead_image_credit=credit_from_caption(caption),
        summary=data.summary,
        html=html,
        text=text,
        etag=result.etag or "",
        last_modified=result.last_modified or "",
        page_fetched=True,
    )


def data_from_page(page: ExtractedArticle, result: FetchResult, language: str) -> ArticleData:
    """An article given directly by its URL (``ingest_url`` on a page), without a feed."""
    base = ArticleData(url=result.url[:_URL_MAX], link=result.url[:_URL_MAX], language=language)
    data = merge_page(base, page, result)
    if not data.title:
        data.title = (page.site_name or result.url)[:_TITLE_MAX]
    return data


# --------------------------------------------------------------------------------------------
# Writing: one transaction per article
# --------------------------------------------------------------------------------------------


def find_existing(outlet: Outlet, data: ArticleData) -> SourceArticle | None:
    """The stored article this data describes: same GUID (per outlet), feed link or URL."""
    if data.guid:
        found = SourceArticle.objects.filter(outlet=outlet, guid=data.guid).first()
        if found is not None:
            return found
    urls = {u for u in (data.link, data.url) if u}
    return SourceArticle.objects.filter(Q(link__in=urls) | Q(url__in=urls)).first()


def unified_diff(old_title: str, old_text: str, new_title: str, new_text: str, n: int) -> str:
    """Line diff of title + paragraphs, the form editors read in the admin."""
    old = [old_title, "", *old_text.split("\n")]
    new = [new_title, "", *new_text.split("\n")]
    return "\n".join(
        difflib.unified_diff(
            old, new, fromfile=f"version {n - 1}", tofile=f"version {n}", lineterm=""
        )
    )


def _add_version(
    article: SourceArticle, previous: SourceArticleVersion | None
) -> SourceArticleVersion:
    """Store the article's current text as its next version (with the diff to ``previous``)."""
    number = previous.number + 1 if previous else 1
    diff = (
        unified_diff(previous.title, previous.text, article.title, article.text, number)
        if previous
        else ""
    )
    return SourceArticleVersion.objects.create(
        article=article,
        number=number,
        title=article.title,
        text=article.text,
        html=article.html,
        content_hash=article.content_hash,
        diff=diff,
        captured_at=article.changed_at or timezone.now(),
    )


def flag_pages_based_on(article: SourceArticle, now: datetime) -> int:
    """Mark published ArticlePages based on ``article`` as "source updated since publication".

    The version the page was based on is the last one captured before the page was last
    published, so the admin can show exactly what changed since the editor looked.
    """
    from articles.models import ArticleSourceLink  # articles depends on sources, not the reverse

    links = ArticleSourceLink.objects.filter(
        source_article=article,
        page__first_published_at__isnull=False,
        source_updated_at__isnull=True,
    ).select_related("page")
    flagged = 0
    for link in links:
        published = link.page.last_published_at or link.page.first_published_at
        before = (
            article.versions.filter(captured_at__lte=published)
            .order_by("-number")
            .values_list("number", flat=True)
            .first()
        )
        link.source_version_at_publication = before or 1
        link.source_updated_at = now
        link.save(update_fields=["source_version_at_publication", "source_updated_at"])
        flagged += 1
    return flagged


_COPIED_FIELDS = (
    "title",
    "authors",
    "language",
    "published_at",
    "updated_at",
    "lead_image_url",
    "lead_image_caption",
    "lead_image_credit",
    "summary",
    "html",
    "text",
)


def store_article(
    outlet: Outlet,
    feed: Feed | None,
    data: ArticleData,
    *,
    entry_fingerprint: str = "",
    existing: SourceArticle | None = None,
) -> str:
    """Create or update one article and its version in a single transaction; return the outcome.

    ``data.fetch_error`` set means the page could not be fetched: a new article is still stored
    from what the feed said (nothing is lost, it is retried on the next run) and the outcome is
    FAILED; an existing article keeps its text.
    """
    now = timezone.now()
    # Sanitized again right before writing, whoever built ``data`` (nh3 is idempotent and fast).
    data.html = sanitize_html(data.html, base_url=data.url)
    data.summary = sanitize_html(data.summary, base_url=data.url)
    with transaction.atomic():
        if existing is None:
            existing = find_existing(outlet, data)
        if existing is not None:
            article = SourceArticle.objects.select_for_update().get(pk=existing.pk)
        else:
            article = None
        if article is None:
            url = data.url
            if SourceArticle.objects.filter(url=url).exists():
                url = data.link  # the canonical URL belongs to another outlet's copy
            article = SourceArticle(
                outlet=outlet, feed=feed, url=url, link=data.link, guid=data.guid
            )
            for name in _COPIED_FIELDS:
                setattr(article, name, getattr(data, name))
            article.title = article.title or data.link[:_TITLE_MAX]
            article.content_hash = content_hash(article.title, article.text)
            article.entry_hash = entry_fingerprint
            article.etag, article.last_modified = data.etag, data.last_modified
            article.fetch_error = data.fetch_error
            article.fetched_at = now if data.page_fetched else None
            article.first_seen_at = article.changed_at = now
            article.save()
            _add_version(article, None)
            return FAILED if data.fetch_error else NEW

        article.entry_hash = entry_fingerprint or article.entry_hash
        update = ["entry_hash", "fetch_error", "fetched_at", "etag", "last_modified"]
        if data.fetch_error:
            article.fetch_error = data.fetch_error
            article.save(update_fields=update)
            return FAILED
        article.fetch_error = ""
        article.fetched_at = now if data.page_fetched else article.fetched_at
        article.etag = data.etag or article.etag
        article.last_modified = data.last_modified or article.last_modified
        new_hash = content_hash(data.title or article.title, data.text)
        if new_hash == article.content_hash:
            article.save(update_fields=update)
            return UNCHANGED
        previous = article.versions.order_by("-number").first()
        for name in _COPIED_FIELDS:
            value = getattr(data, name)
            if value or name in ("html", "text"):
                setattr(article, name, value)
        article.content_hash = new_hash
        article.changed_at = now
        article.signature = None  # recomputed by the clustering step
        article.signature_version = None
        article.save()
        _add_version(article, previous)
        flag_pages_based_on(article, now)
        return UPDATED


# --------------------------------------------------------------------------------------------
# Feeds
# --------------------------------------------------------------------------------------------


def due_feeds(now: datetime | None = None):
    """Active feeds whose next poll time has come (never polled counts as due)."""
    now = now or timezone.now()
    return (
        Feed.objects.filter(active=True)
        .filter(Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now))
        .select_related("outlet")
        .order_by("next_poll_at", "pk")
    )


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
        if feed.fetch_pages and _is_web_url(data.link) and not data.link.startswith(feed.url + "#"):
            data = self.fetch_page(data, existing)
            if data is None:  # 304: the page did not change either
                SourceArticle.objects.filter(pk=existing.pk).update(entry_hash=fingerprint)
                return UNCHANGED
        outcome = store_article(
            feed.outlet, feed, data, entry_fingerprint=fingerprint, existing=existing
        )
        if outcome == FAILED:
            self.error(data.link, data.fetch_error)
        return outcome

    def fetch_page(self, data: ArticleData, existing: SourceArticle | None) -> ArticleData | None:
        """Fetch and extract the entry's page; on failure keep the feed data with the error."""
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
            page = extract_article(result.body, url=result.url, http_charset=result.encoding)
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


# --------------------------------------------------------------------------------------------
# Clustering into Stories
# --------------------------------------------------------------------------------------------


def _clustering_document(article: SourceArticle):
    from .clustering import DocumentForClustering

    text = article.text or html_to_text(article.summary)
    return DocumentForClustering(
        title=article.title, text=text, language=article.language or article.outlet.language
    )


def cluster_pending(*, window: timedelta = CLUSTER_WINDOW, now: datetime | None = None) -> int:
    """Sign every article lacking a signature and put every article without a Story in one.

    Candidates are the articles first seen within ``window`` (news clusters are short-lived,
    and it keeps the comparison cheap). Returns the number of articles given a Story.
    """
    from .clustering import (
        SIGNATURE_VERSION,
        Candidate,
        DocumentSignature,
        NewStory,
        SignatureError,
        assign_stories,
        compute_signatures,
    )

    now = now or timezone.now()
    assigned_total = 0
    while True:
        pending = list(
            SourceArticle.objects.filter(
                Q(story__isnull=True)
                | Q(signature__isnull=True)
                | ~Q(signature_version=SIGNATURE_VERSION)
            )
            .select_related("outlet")
            .order_by("first_seen_at", "pk")[:CLUSTER_BATCH]
        )
        if not pending:
            return assigned_total
        signatures = compute_signatures([_clustering_document(a) for a in pending])
        candidates = []
        pending_ids = {a.pk for a in pending}
        recent = SourceArticle.objects.filter(
            story__isnull=False,
            signature__isnull=False,
            signature_version=SIGNATURE_VERSION,
            first_seen_at__gte=now - window,
        ).exclude(pk__in=pending_ids)
        for pk, story_id, raw in recent.values_list("pk", "story_id", "signature"):
            try:
                candidates.append(
                    Candidate(
                        story_id=story_id, signature=DocumentSignature.from_bytes(raw), key=pk
                    )
                )
            except SignatureError:
                continue
        unclustered = [i for i, a in enumerate(pending) if a.story_id is None]
        stories = assign_stories([signatures[i] for i in unclustered], candidates)
        story_for = dict(zip(unclustered, stories, strict=True))
        with transaction.atomic():
            created: dict[NewStory, Story] = {}
            touched: set[int] = set()
            for index, article in enumerate(pending):
                article.signature = signatures[index].to_bytes()
                article.signature_version = SIGNATURE_VERSION
                fields = ["signature", "signature_version"]
                if index in story_for:
                    target = story_for[index]
                    if isinstance(target, NewStory):
                        if target not in created:
                            created[target] = Story.objects.create(
                                title=article.title, created_at=now, updated_at=now
                            )
                        article.story = created[target]
                    else:
                        article.story_id = target
                    touched.add(article.story_id)
                    fields.append("story")
                    assigned_total += 1
                article.save(update_fields=fields)
            Story.objects.filter(pk__in=touched).update(updated_at=now)


# --------------------------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------------------------


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


def resolve_outlet(
    name: str | None, url: str, *, site_name: str | None = None, language: str = ""
) -> Outlet:
    """The outlet named ``name`` (created if new), else the one whose homepage host matches."""
    locale = default_locale()
    parts = urlsplit(url)
    homepage = f"{parts.scheme}://{parts.netloc}/"
    if name:
        found = Outlet.objects.filter(name__iexact=name, locale=locale).first()
        found = found or Outlet.objects.filter(name__iexact=name).first()
        if found is not None:
            return found
        return Outlet.objects.create(name=name, homepage=homepage, language=language, locale=locale)
    host = _host(url)
    for outlet in Outlet.objects.filter(locale=locale).exclude(homepage=""):
        if _host(outlet.homepage) == host:
            return outlet
    return Outlet.objects.create(
        name=(site_name or host or "Unknown outlet")[:200],
        homepage=homepage,
        language=language,
        locale=locale,
    )


def add_feed(
    url: str, outlet_name: str, *, poll_interval_minutes: int | None = None
) -> tuple[Feed, bool]:
    """Register a feed (no network): returns (feed, created). Polled on the next run."""
    outlet = resolve_outlet(outlet_name, url)
    defaults: dict = {"outlet": outlet}
    if poll_interval_minutes:
        defaults["poll_interval_minutes"] = poll_interval_minutes
    return Feed.objects.get_or_create(url=url, defaults=defaults)


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
    try:
        page = extract_article(result.body, url=result.url, http_charset=result.encoding)
    except ExtractionError as exc:
        run.summary.failed += 1
        run.error(url, f"could not extract the page: {exc}")
        return
    outlet = resolve_outlet(
        outlet_name, result.url, site_name=page.site_name, language=page.language or ""
    )
    data = data_from_page(page, result, page.language or outlet.language)
    run.summary.count(store_article(outlet, None, data))
