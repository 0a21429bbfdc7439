"""Parse RSS 0.9x/1.0/2.0, Atom and JSON Feed documents into small frozen dataclasses.

Why a wrapper around feedparser:

* feedparser does not read JSON Feed, so that format is parsed here (versions 1.0 and 1.1).
* Text must come out right in whatever encoding the outlet used: sources/decoding.py picks it
  the way browsers do (BOM, HTTP charset, XML declaration, UTF-8, then a statistical guess),
  with the WHATWG superset mapping. The text is then handed to feedparser as UTF-8, so its own
  fallback (which lacks a detector here) never runs.
* Callers get aware datetimes, absolute links, a stable guid even when the feed has none, and a
  single image URL, instead of feedparser's loose dictionaries.
* Broken feeds that feedparser recovers are returned with ``warning`` set; input that is not a
  feed at all raises ``FeedParseError`` with a message an editor can act on.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import feedparser

from core.web_urls import absolute_url

from .decoding import decode_feed, strip_bom
from .sanitize import PLAIN_TEXT, sanitize_html


class FeedParseError(ValueError):
    """The document is not a feed we can read (not RSS/Atom/JSON Feed, or broken beyond repair)."""


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed. ``summary`` and ``content`` are HTML (not yet sanitized by nh3).

    ``published``/``updated`` are exactly what the feed states (None when absent, never
    copied from each other): the ingest layer decides which date stands for the story.
    """

    guid: str
    link: str | None
    title: str
    summary: str
    content: str
    authors: tuple[str, ...]
    published: datetime | None
    updated: datetime | None
    image_url: str | None


@dataclass(frozen=True)
class ParsedFeed:
    """A feed's channel data and its entries in document order.

    ``bozo`` is True when the document had errors that the parser recovered from; ``warning``
    then says what was wrong (worth showing to an editor, not worth dropping the entries for).
    ``encoding`` is the character encoding the bytes were decoded with.
    """

    title: str
    link: str | None
    language: str | None
    entries: tuple[FeedEntry, ...]
    format: str
    encoding: str | None
    bozo: bool = False
    warning: str | None = None


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


def parse_feed(
    data: bytes, *, url: str | None = None, content_type: str | None = None
) -> ParsedFeed:
    """Parse feed ``data`` (raw bytes as received) fetched from ``url``.

    Pass the HTTP Content-Type when known: its charset is the first authority on the encoding.
    ``url`` is the base for relative links.
    """
    if not isinstance(data, bytes | bytearray):
        raise TypeError("parse_feed() needs the raw bytes of the document, not decoded text")
    data = bytes(data)
    if not data.strip():
        raise FeedParseError(f"the feed{_at(url)} is empty: the server sent no content.")
    if _looks_like_json(data, content_type):
        return _parse_json_feed(data, url=url, content_type=content_type)
    return _parse_xml_feed(data, url=url, content_type=content_type)


def _at(url: str | None) -> str:
    return f" at {url}" if url else ""


_XML_DECL_TEXT = re.compile(
    r"^(\s*<\?xml[^>]*?encoding\s*=\s*[\"'])([A-Za-z0-9._:\-]+)([\"'])", re.S
)


# --------------------------------------------------------------------------------------------
# RSS / Atom through feedparser
# --------------------------------------------------------------------------------------------


def _parse_xml_feed(data: bytes, *, url: str | None, content_type: str | None) -> ParsedFeed:
    text, codec = decode_feed(data, content_type)
    # The text is now Unicode: make the declaration say so, then feed UTF-8 bytes.
    text = _XML_DECL_TEXT.sub(r"\1utf-8\3", text, count=1)
    text = _CHARREF.sub(_safe_charref, text)
    headers = {"content-type": "application/xml; charset=utf-8"}
    if url:
        headers["content-location"] = url
    try:
        result = feedparser.parse(
            io.BytesIO(text.encode("utf-8")),
            response_headers=headers,
            sanitize_html=True,
            resolve_relative_uris=True,
        )
    except Exception as exc:  # noqa: BLE001 (feedparser may raise anything on hostile input)
        raise FeedParseError(
            f"the feed{_at(url)} could not be parsed ({type(exc).__name__}: {exc})."
        ) from exc
    entries = result.get("entries") or []
    version = result.get("version") or ""
    channel = result.get("feed") or {}
    problem = _bozo_text(result)
    if not version and not entries:
        detail = f" The parser said: {problem}." if problem else ""
        raise FeedParseError(
            f"the document{_at(url)} is not an RSS, Atom or JSON feed.{detail} "
            "Check that the URL points at the feed itself, not at a web page."
        )
    base = url or ""
    feed_link = absolute_url(channel.get("link"), base, keep_relative=True)
    parsed_entries = tuple(_xml_entry(e, feed_link or base) for e in entries)
    return ParsedFeed(
        title=_plain_title(channel),
        link=feed_link,
        language=(channel.get("language") or None),
        entries=parsed_entries,
        format=version or "unknown",
        encoding=codec,
        bozo=bool(result.get("bozo")),
        warning=(f"feed{_at(url)} has errors but was recovered: {problem}" if problem else None),
    )


_CHARREF = re.compile(r"&#([xX][0-9a-fA-F]+|[0-9]+);")


def _safe_charref(match: re.Match[str]) -> str:
    """Character references beyond Unicode or to surrogates become U+FFFD (as in browsers).

    feedparser's loose parser raises on them instead of recovering.
    """
    ref = match.group(1)
    value = int(ref[1:], 16) if ref[0] in "xX" else int(ref)
    if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF or value == 0:
        return "&#xFFFD;"
    return match.group(0)


def _bozo_text(result: Any) -> str | None:
    if not result.get("bozo"):
        return None
    exc = result.get("bozo_exception")
    if exc is None:
        return "malformed document"
    return f"{type(exc).__name__}: {exc}"


def _xml_entry(entry: Any, base: str) -> FeedEntry:
    link = absolute_url(entry.get("link"), base, keep_relative=True)
    if not link:
        for candidate in entry.get("links") or []:
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = absolute_url(candidate["href"], base, keep_relative=True)
                break
    title = _plain_title(entry)
    summary = entry.get("summary") or ""
    content = _best_content(entry.get("content") or [])
    facts = {
        "authors": _xml_authors(entry),
        # dict.get: FeedParserDict would answer "updated" with the published date when the
        # feed has none, which would make every entry look edited.
        "published": _aware(dict.get(entry, "published_parsed")),
        "updated": _aware(dict.get(entry, "updated_parsed")),
        "image_url": _xml_image(entry, base),
    }
    return _entry(entry.get("id"), link, title, summary, content, facts)


def _entry(
    declared_id: Any, link: str | None, title: str, summary: str, content: str, facts: dict
) -> FeedEntry:
    """A FeedEntry whose guid is the feed's id, else its link, else a hash of its text."""
    guid = str(declared_id).strip() if declared_id not in (None, "") else ""
    guid = guid or link or _hash_guid(title, summary or content)
    return FeedEntry(guid=guid, link=link, title=title, summary=summary, content=content, **facts)


def _plain_title(node: Any) -> str:
    """Titles are plain text for us; feedparser keeps HTML when the feed put markup in them."""
    title = node.get("title") or ""
    kind = (node.get("title_detail") or {}).get("type") or ""
    if "html" in kind:
        title = html.unescape(sanitize_html(title, PLAIN_TEXT))
    return _clean_text(title)


def _best_content(contents: list[Any]) -> str:
    """HTML content if present, else the first content element."""
    for item in contents:
        if "html" in (item.get("type") or ""):
            return item.get("value") or ""
    return (contents[0].get("value") or "") if contents else ""


def _xml_authors(entry: Any) -> tuple[str, ...]:
    names: list[str] = []
    for author in entry.get("authors") or []:
        name = (author.get("name") or author.get("email") or "").strip()
        if name and name not in names:
            names.append(name)
    if not names and entry.get("author"):
        names.append(str(entry["author"]).strip())
    return tuple(names)


def _xml_image(entry: Any, base: str) -> str | None:
    """media:content image, then an image enclosure, then media:thumbnail, then itunes:image."""
    for media in entry.get("media_content") or []:
        kind = (media.get("medium") or media.get("type") or "").lower()
        if media.get("url") and (kind.startswith("image") or _looks_like_image(media["url"])):
            return absolute_url(media["url"], base, keep_relative=True)
    for link in entry.get("links") or []:
        if link.get("rel") == "enclosure" and (link.get("type") or "").startswith("image"):
            return absolute_url(link.get("href"), base, keep_relative=True)
    for thumb in entry.get("media_thumbnail") or []:
        if thumb.get("url"):
            return absolute_url(thumb["url"], base, keep_relative=True)
    image = entry.get("image")
    if isinstance(image, dict) and image.get("href"):
        return absolute_url(image["href"], base, keep_relative=True)
    return None


def _looks_like_image(url: str) -> bool:
    return urlsplit(url).path.lower().endswith((".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"))


def _aware(parsed: Any) -> datetime | None:
    """feedparser normalises dates to a UTC struct_time; make it an aware datetime."""
    if not parsed:
        return None
    try:
        return datetime(*parsed[:6], tzinfo=UTC)
    except (TypeError, ValueError):
        return None


# --------------------------------------------------------------------------------------------
# JSON Feed
# --------------------------------------------------------------------------------------------


def _looks_like_json(data: bytes, content_type: str | None) -> bool:
    if content_type and "json" in content_type.lower():
        return True
    body, _ = strip_bom(data)
    return body.lstrip()[:1] == b"{"


def _parse_json_feed(data: bytes, *, url: str | None, content_type: str | None) -> ParsedFeed:
    text, codec = decode_feed(data, content_type)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FeedParseError(
            f"the JSON feed{_at(url)} is not valid JSON (line {exc.lineno}, column {exc.colno}: "
            f"{exc.msg})."
        ) from exc
    if not isinstance(doc, dict) or "jsonfeed.org/version" not in str(doc.get("version", "")):
        raise FeedParseError(
            f"the JSON document{_at(url)} is not a JSON Feed (no jsonfeed.org version); "
            "check that the URL points at the feed."
        )
    items = doc.get("items")
    if not isinstance(items, list):
        raise FeedParseError(f"the JSON feed{_at(url)} has no 'items' list.")
    base = url or ""
    feed_link = absolute_url(_str(doc.get("home_page_url")), base, keep_relative=True)
    feed_authors = _json_authors(doc)
    entries = tuple(
        _json_entry(item, base, feed_authors) for item in items if isinstance(item, dict)
    )
    return ParsedFeed(
        title=_clean_text(_str(doc.get("title"))),
        link=feed_link,
        language=_str(doc.get("language")) or None,
        entries=entries,
        format="json" + str(doc.get("version", "")).rsplit("/", 1)[-1].replace(".", ""),
        encoding=codec,
    )


def _json_entry(item: dict[str, Any], base: str, feed_authors: tuple[str, ...]) -> FeedEntry:
    link = absolute_url(
        _str(item.get("url")) or _str(item.get("external_url")), base, keep_relative=True
    )
    title = _clean_text(_str(item.get("title")))
    content_html = _str(item.get("content_html"))
    content_text = _str(item.get("content_text"))
    content = content_html or (_text_to_html(content_text) if content_text else "")
    summary = _str(item.get("summary"))
    summary = html.escape(summary) if summary else ""
    image = _str(item.get("image")) or _str(item.get("banner_image"))
    facts = {
        "authors": _json_authors(item) or feed_authors,
        "published": _iso_datetime(item.get("date_published")),
        "updated": _iso_datetime(item.get("date_modified")),
        "image_url": absolute_url(image, base, keep_relative=True) if image else None,
    }
    return _entry(item.get("id"), link, title, summary, content, facts)


def _json_authors(obj: dict[str, Any]) -> tuple[str, ...]:
    """JSON Feed 1.1 ``authors`` list, or 1.0's single ``author`` object."""
    raw = obj.get("authors")
    if not isinstance(raw, list):
        raw = [obj["author"]] if isinstance(obj.get("author"), dict) else []
    names: list[str] = []
    for author in raw:
        if isinstance(author, dict):
            name = _str(author.get("name")) or _str(author.get("url"))
            if name and name not in names:
                names.append(name.strip())
    return tuple(names)


def _iso_datetime(value: Any) -> datetime | None:
    """RFC 3339 date; a date without offset is taken as UTC (the spec requires an offset)."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _text_to_html(text: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


# --------------------------------------------------------------------------------------------
# Shared helpers
# --------------------------------------------------------------------------------------------


def _clean_text(value: Any) -> str:
    """Collapse whitespace: titles in feeds often carry the indentation of the XML."""
    return " ".join(str(value or "").split())


def _hash_guid(title: str, summary: str) -> str:
    """Stable id for entries with neither id nor link, so re-fetches do not duplicate them."""
    digest = hashlib.sha256(f"{title}\n{summary}".encode()).hexdigest()
    return f"urn:sha256:{digest}"
