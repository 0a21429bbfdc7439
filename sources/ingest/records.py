"""What one article is, gathered from its feed entry and its page before anything is written.

Pure functions (no database): the hashes that tell a change from a re-poll, the URL an article
is stored under, and the ``ArticleData`` that ``storage.store_article`` writes.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import datetime

from core.web_urls import is_web_url, url_host

from ..extraction import ExtractedArticle
from ..feeds import FeedEntry
from ..fetching.client import FetchResult
from ..models import SourceArticle
from ..sanitize import ARTICLE_BODY, html_to_text, sanitize_html

TITLE_MAX = SourceArticle._meta.get_field("title").max_length
URL_MAX = SourceArticle._meta.get_field("url").max_length
_CREDIT_RE = re.compile(
    r"(?:^|[\s(\[|/])(?:foto|photo|bild|image|фото|credit)\s*:\s*([^)\]|\n]{2,120})",
    re.IGNORECASE,
)
_COPYRIGHT_RE = re.compile(r"[©]\s*([^)\]|\n]{2,120})")


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


def canonical_url(extracted: ExtractedArticle | None, final_url: str | None, link: str) -> str:
    """The URL an article is stored under.

    The page's own canonical link wins only when it stays on the host we fetched: outlets
    (and copied pages) sometimes declare canonicals on other sites, and trusting those would
    merge unrelated articles under one unique URL.
    """
    fetched = final_url or link
    if extracted is not None and is_web_url(extracted.canonical_url):
        if url_host(extracted.canonical_url) == url_host(fetched):
            return extracted.canonical_url[:URL_MAX]
    return fetched[:URL_MAX]


def credit_from_caption(caption: str | None) -> str:
    """Photo credit stated in a caption ("Foto: dpa", "Photo: Jane Doe/Reuters", "© AFP")."""
    if not caption:
        return ""
    found = _CREDIT_RE.search(caption) or _COPYRIGHT_RE.search(caption)
    return found.group(1).strip(" .,;")[:300] if found else ""


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
    link = entry.link if is_web_url(entry.link) else None
    if link is None and is_web_url(entry.guid):
        link = entry.guid
    if link is None:
        # No address at all: a stable pseudo-URL under the feed keeps the unique key.
        link = f"{feed_url}#{hashlib.sha256(entry.guid.encode()).hexdigest()[:16]}"
    summary = sanitize_html(entry.summary, ARTICLE_BODY, base_url=link)
    body = sanitize_html(entry.content, ARTICLE_BODY, base_url=link) if entry.content else summary
    published = entry.published or entry.updated  # the feed's first statement of the date
    return ArticleData(
        url=link[:URL_MAX],
        link=link[:URL_MAX],
        guid=entry.guid[:1000],
        title=(entry.title or "").strip()[:TITLE_MAX],
        authors=list(entry.authors),
        language=language,
        published_at=published,
        updated_at=entry.updated if entry.updated and entry.updated != published else None,
        lead_image_url=(entry.image_url or "")[:1000] if is_web_url(entry.image_url) else "",
        summary=summary,
        html=body,
        text=html_to_text(body),
    )


def merge_page(data: ArticleData, page: ExtractedArticle, result: FetchResult) -> ArticleData:
    """Page facts override feed facts where the page states them (it is the fuller source)."""
    html = sanitize_html(page.html, ARTICLE_BODY, base_url=result.url) if page.html else ""
    text = page.text or html_to_text(html)
    if not text.strip():
        html, text = data.html, data.text  # extraction found no body: keep the feed's content
    caption = (page.image_caption or "").strip()
    image = page.image_url if is_web_url(page.image_url) else None
    return ArticleData(
        url=canonical_url(page, result.url, data.link),
        link=data.link,
        guid=data.guid,
        title=((page.title or "").strip() or data.title)[:TITLE_MAX],
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
    base = ArticleData(url=result.url[:URL_MAX], link=result.url[:URL_MAX], language=language)
    data = merge_page(base, page, result)
    if not data.title:
        data.title = (page.site_name or result.url)[:TITLE_MAX]
    return data
