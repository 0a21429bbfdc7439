"""Writing one article: create or update it with its version row in a single transaction."""

from __future__ import annotations

import difflib
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from ..models import Feed, Outlet, SourceArticle, SourceArticleVersion
from ..sanitize import ARTICLE_BODY, sanitize_html
from ..signals import source_article_changed, source_article_created
from .records import TITLE_MAX, ArticleData, content_hash

NEW, UPDATED, UNCHANGED, FAILED = "new", "updated", "unchanged", "failed"
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

    Safe when runs overlap (a slow poll and the next tick, a manual ``ingest_url``): if another
    run inserts the same article between our look-up and our insert, the insert's savepoint is
    rolled back and the article that run stored is updated instead (usually: unchanged), so
    neither run fails. Updates lock the article's row, so two runs never number a version twice.
    """
    now = timezone.now()
    # Sanitized again right before writing, whoever built ``data`` (nh3 is idempotent and fast).
    data.html = sanitize_html(data.html, ARTICLE_BODY, base_url=data.url)
    data.summary = sanitize_html(data.summary, ARTICLE_BODY, base_url=data.url)
    with transaction.atomic():
        if existing is None:
            existing = find_existing(outlet, data)
        if existing is None:
            try:
                with transaction.atomic():  # a savepoint: losing the race must not spoil the rest
                    _insert(outlet, feed, data, entry_fingerprint, now)
                return FAILED if data.fetch_error else NEW
            except IntegrityError:
                existing = find_existing(outlet, data)  # what the other run stored
                if existing is None:
                    raise
        article = SourceArticle.objects.select_for_update().get(pk=existing.pk)
        return _update(article, data, entry_fingerprint, now)


def _insert(
    outlet: Outlet, feed: Feed | None, data: ArticleData, entry_fingerprint: str, now: datetime
) -> SourceArticle:
    url = data.url
    if SourceArticle.objects.filter(url=url).exists():
        url = data.link  # the canonical URL belongs to another outlet's copy
    article = SourceArticle(outlet=outlet, feed=feed, url=url, link=data.link, guid=data.guid)
    for name in _COPIED_FIELDS:
        setattr(article, name, getattr(data, name))
    article.title = article.title or data.link[:TITLE_MAX]
    article.content_hash = content_hash(article.title, article.text)
    article.entry_hash = entry_fingerprint
    article.etag, article.last_modified = data.etag, data.last_modified
    article.fetch_error = data.fetch_error
    article.fetched_at = now if data.page_fetched else None
    article.first_seen_at = article.changed_at = now
    article.save()
    _add_version(article, None)
    source_article_created.send(sender=SourceArticle, article=article)
    return article


def _update(
    article: SourceArticle, data: ArticleData, entry_fingerprint: str, now: datetime
) -> str:
    """Apply ``data`` to the locked ``article``: a new version only when the text changed."""
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
    source_article_changed.send(sender=SourceArticle, article=article, changed_at=now)
    return UPDATED
