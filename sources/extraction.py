"""Main-content and metadata extraction from one article page (pure: no network, no database).

The ingest pipeline hands us the bytes it fetched; we return an `ExtractedArticle` with the
article text, a sanitised HTML rendering of it (paragraphs and subheadings kept, so editors see
the structure of the story they interpret), and the metadata an attribution needs: title,
authors, publication date, outlet name, canonical URL, lead image.

Body text comes from trafilatura (the best general-purpose extractor we measured), run without
comments because reader comments are never part of the story we attribute. Metadata combines
what the publisher states explicitly (JSON-LD NewsArticle, OpenGraph/article:* meta tags) with
trafilatura's and htmldate's heuristics as fallbacks: explicit publisher data is right far more
often than layout heuristics and carries full timestamps with offsets instead of bare days.
The page's own statements are read in sources/page_metadata.py, its language guessed in
sources/language.py when it declares none, and its bytes decoded by sources/decoding.py.

Quality and speed are measured against plain `trafilatura.extract()` in
sources/tests/test_extraction_quality.py and benchmarks/extraction.py.
"""

from __future__ import annotations

import dataclasses
import gzip
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import trafilatura
from lxml import etree
from trafilatura.htmlprocessing import convert_to_html
from trafilatura.utils import load_html

from core.web_urls import absolute_url

from . import extraction_rules
from .decoding import decode_page
from .language import detect_language, normalize_language_tag
from .page_metadata import (
    MODIFIED_META,
    PUBLISHED_META,
    choose_authors,
    choose_title,
    first_date,
    image_caption_of,
    image_url_of,
    parse_datetime,
    plain_value,
    read_structured,
)
from .sanitize import ARTICLE_BODY, html_to_text, sanitize_html


class ExtractionError(ValueError):
    """The input is not an HTML page we can read (empty, binary, or not HTML at all)."""


@dataclass(frozen=True)
class ExtractedArticle:
    """Everything the ingest pipeline stores about one fetched article page."""

    url: str | None
    title: str | None
    authors: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    updated_at: datetime | None = None
    language: str | None = None
    text: str = ""
    html: str = ""
    image_url: str | None = None
    image_caption: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    # With an outlet's extraction rule: the fields its selectors filled, and those they missed.
    rule_matched: tuple[str, ...] = ()
    rule_missed: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        """JSON-ready dict (ISO 8601 datetimes), used by the `extract` command and the pipeline."""
        return {
            "url": self.url,
            "canonical_url": self.canonical_url,
            "title": self.title,
            "authors": list(self.authors),
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "updated_at": self.updated_at.isoformat() if self.updated_at else None,
            "language": self.language,
            "site_name": self.site_name,
            "image_url": self.image_url,
            "image_caption": self.image_caption,
            "text": self.text,
            "html": self.html,
        }


# ---------------------------------------------------------------------------------------------
# Body


_HEADING_LEVEL = {"h1": "h2", "h5": "h4", "h6": "h4"}


def _body_html(body: etree._Element | None, base_url: str | None) -> str:
    """trafilatura's XML body -> sanitised HTML fragment (subheadings mapped into h2-h4)."""
    if body is None or not len(body) and not (body.text or "").strip():
        return ""
    html_tree = convert_to_html(body)
    for element in html_tree.iter("h1", "h5", "h6"):
        element.tag = _HEADING_LEVEL[element.tag]
    inner = "".join(etree.tostring(child, encoding="unicode") for child in html_tree[0])
    if html_tree[0].text and html_tree[0].text.strip():
        inner = f"<p>{html_tree[0].text}</p>{inner}"
    return sanitize_html(inner, ARTICLE_BODY, base_url=base_url)


def _first_caption(html: str) -> str | None:
    match = re.search(r"<figcaption>(.*?)</figcaption>", html, re.DOTALL)
    if not match:
        return None
    caption = html_to_text(match.group(1))
    return caption or None


# ---------------------------------------------------------------------------------------------
# Public API


def _decode(data: bytes, http_charset: str | None) -> str:
    """Page bytes to text; gzip files (as saved by crawlers and the benchmark) are opened first."""
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise ExtractionError(f"corrupt gzip data: {exc}") from exc
    return decode_page(data, http_charset)


def extract_article(
    html: str | bytes,
    url: str | None = None,
    *,
    http_charset: str | None = None,
    selectors: Mapping[str, str] | None = None,
) -> ExtractedArticle:
    """Extract one article page. `http_charset` is the Content-Type charset when fetched.

    `selectors` (an outlet's extraction rule, sources/extraction_rules.py) take precedence over
    trafilatura and the page metadata for every field they match.

    Raises ExtractionError when the input cannot be parsed as HTML at all; a page whose main
    text cannot be found still yields its metadata with empty text (an editor can look at it).
    """
    text_html = _decode(html, http_charset) if isinstance(html, bytes) else html
    if not text_html or not text_html.strip():
        raise ExtractionError("empty document")
    tree = load_html(text_html)
    if tree is None:
        raise ExtractionError("input is not parseable HTML")

    structured = read_structured(tree)
    meta, article = structured.meta, structured.article
    published_at = (
        first_date([article.get("datePublished"), article.get("dateCreated")] if article else [])
        or first_date(meta.get(k) for k in PUBLISHED_META)
        or first_date([structured.page.get("datePublished")] if structured.page else [])
    )
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        # htmldate's extensive search (free-text dates through dateparser) is the slowest part
        # of extraction by far; only pay for it when the page states no date itself.
        date_extraction_params={
            "original_date": True,
            "extensive_search": published_at is None,
            "max_date": datetime.now(UTC).strftime("%Y-%m-%d"),
        },
    )

    page_url = url or (document.url if document else None)
    canonical = None
    for link in tree.xpath('//link[@rel="canonical"]/@href'):
        canonical = absolute_url(link, page_url)
        if canonical:
            break
    canonical = canonical or absolute_url(meta.get("og:url"), page_url)
    base = page_url or canonical

    site_name = (
        meta.get("og:site_name")
        or structured.publisher_name
        or (document.sitename if document else None)
    )
    site_names = [n for n in (site_name, structured.publisher_name) if n]
    if document and document.sitename:
        site_names.append(document.sitename)
    if base:
        host = urlsplit(base).hostname or ""
        site_names.append(host.removeprefix("www.").split(".")[0])

    title = choose_title(structured, tree, document.title if document else None, site_names)

    authors = choose_authors(structured, document.author if document else None, site_names)

    if published_at is None and document and document.date:
        published_at = parse_datetime(document.date)
    updated_at = first_date([article.get("dateModified")] if article else []) or first_date(
        meta.get(k) for k in MODIFIED_META
    )

    body_html = _body_html(document.body if document else None, base)
    text = html_to_text(body_html)

    image_value = article.get("image") if article else None
    image_url = absolute_url(
        meta.get("og:image") or meta.get("twitter:image") or image_url_of(image_value), base
    )
    image_caption = image_caption_of(image_value) or _first_caption(body_html)

    language = normalize_language_tag(
        tree.get("lang")
        or tree.get("xml:lang")
        or meta.get("content-language")
        or (plain_value(article.get("inLanguage")) if article else None)
        or meta.get("og:locale")
    ) or detect_language(text or title or "")

    extracted = ExtractedArticle(
        url=page_url or canonical,
        title=title,
        authors=authors,
        published_at=published_at,
        updated_at=updated_at,
        language=language,
        text=text,
        html=body_html,
        image_url=image_url,
        image_caption=image_caption,
        site_name=site_name,
        canonical_url=canonical,
    )
    return _with_rule(extracted, text_html, selectors, base) if selectors else extracted


def _with_rule(
    extracted: ExtractedArticle, page: str, selectors: Mapping[str, str], base: str | None
) -> ExtractedArticle:
    result = extraction_rules.apply(page, selectors, base)
    values = result.values
    changes: dict[str, Any] = {"rule_matched": result.matched, "rule_missed": result.missed}
    if "title" in values:
        changes["title"] = values["title"]
    if "body" in values:
        changes["html"], changes["text"] = values["body"]["html"], values["body"]["text"]
    if "published" in values:
        changes["published_at"] = values["published"]
    if "author" in values:
        changes["authors"] = values["author"]
    if "image" in values:
        changes["image_url"] = values["image"]
    return dataclasses.replace(extracted, **changes)
