"""What an article page states about itself: JSON-LD, meta tags, dates, bylines, headline.

Explicit publisher data (JSON-LD NewsArticle, OpenGraph/article:* tags) is right far more often
than layout heuristics, so sources/extraction.py asks this module first and falls back on
trafilatura's and htmldate's guesses only where the page is silent. Pure functions over an lxml
tree: no network, no database.
"""

from __future__ import annotations

import html as html_lib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from email.utils import parsedate_to_datetime
from typing import Any

from lxml.html import HtmlElement
from trafilatura.json_metadata import normalize_authors

# ---------------------------------------------------------------------------------------------
# Structured metadata (JSON-LD, meta tags)


_ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "askpublicnewsarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "techarticle",
    "scholarlyarticle",
    "report",
    "videoobject",
}
_PAGE_TYPES = {"webpage", "itempage", "collectionpage"}
_PERSON_TYPES = {"person"}


def _types(obj: dict[str, Any]) -> set[str]:
    raw = obj.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return {str(v).rsplit("/", 1)[-1].lower() for v in values if v}


def _walk_jsonld(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, list):
        for item in node:
            yield from _walk_jsonld(item)
    elif isinstance(node, dict):
        yield node
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in node:
                yield from _walk_jsonld(node[key])


def _jsonld_objects(tree: HtmlElement) -> list[dict[str, Any]]:
    objects: list[dict[str, Any]] = []
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        raw = (script.text or "").strip()
        raw = re.sub(r"^\s*(<!--|//\s*<!\[CDATA\[)|(-->|//\s*\]\]>)\s*$", "", raw).strip()
        if not raw:
            continue
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            continue
        objects.extend(_walk_jsonld(data))
    return objects


def plain_value(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if value is None:
        return None
    cleaned = " ".join(html_lib.unescape(str(value)).split())
    return cleaned or None


@dataclass
class Structured:
    """What the page itself states about the article, before any heuristics."""

    meta: dict[str, str] = field(default_factory=dict)
    article: dict[str, Any] = field(default_factory=dict)
    page: dict[str, Any] = field(default_factory=dict)
    publisher_name: str | None = None


def read_structured(tree: HtmlElement) -> Structured:
    found = Structured()
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or ""
        key = key.strip().lower()
        content = element.get("content")
        if key and content and content.strip() and key not in found.meta:
            found.meta[key] = " ".join(html_lib.unescape(content).split())
    for obj in _jsonld_objects(tree):
        types = _types(obj)
        if types & _ARTICLE_TYPES and not found.article:
            found.article = obj
        elif types & _PAGE_TYPES and not found.page:
            found.page = obj
        if not found.publisher_name and types & {"newsmediaorganization", "organization"}:
            found.publisher_name = plain_value(obj.get("name"))
    publisher = found.article.get("publisher") if found.article else None
    if isinstance(publisher, dict | list):
        found.publisher_name = plain_value(publisher) or found.publisher_name
    return found


# ---------------------------------------------------------------------------------------------
# Dates


def parse_datetime(value: str | None) -> datetime | None:
    """Aware datetime from an ISO 8601 / RFC 2822 / bare-date string, or None.

    A bare date becomes midnight UTC; a naive timestamp is read as UTC. Both are guesses, but an
    aware value is required downstream and the day stays right, which is what readers see.
    """
    if not value:
        return None
    raw = value.strip()
    if not raw:
        return None
    candidate = raw.replace("Z", "+00:00").replace("z", "+00:00")
    candidate = re.sub(r"\s*([+-]\d\d)(\d\d)$", r"\1:\2", candidate)
    parsed: datetime | None
    try:
        parsed = datetime.fromisoformat(candidate)
    except ValueError:
        parsed = None
    if parsed is None:
        try:
            parsed = parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError):
            parsed = None
    if parsed is None:
        match = re.match(r"(\d{4})-(\d{2})-(\d{2})", raw)
        if not match:
            return None
        try:
            parsed = datetime.combine(date(*map(int, match.groups())), time())
        except ValueError:
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    if not 1990 <= parsed.year <= datetime.now(UTC).year + 1:
        return None
    return parsed


PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "date",
    "og:pubdate",
    "article.published",
    "citation_publication_date",
)
MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "last-modified",
)


def first_date(candidates: Iterable[Any]) -> datetime | None:
    for candidate in candidates:
        parsed = parse_datetime(plain_value(candidate))
        if parsed is not None:
            return parsed
    return None


# ---------------------------------------------------------------------------------------------
# Authors


_AUTHOR_META = (
    "author",
    "article:author",
    "og:article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "citation_author",
)


def _person_names(value: Any) -> list[str]:
    """Names of the persons in a JSON-LD author value (organisations are not bylines)."""
    names: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, dict):
            if _types(item) and not _types(item) & _PERSON_TYPES:
                continue
            name = plain_value(item.get("name"))
            if not name and (item.get("givenName") or item.get("familyName")):
                name = " ".join(str(item[k]) for k in ("givenName", "familyName") if item.get(k))
            if name:
                names.append(name)
        elif isinstance(item, str) and item.strip():
            names.append(item)
    return names


# Byline labels that precede names ("Текст: Лида Буслаева", "Autor: ...", "Photo by ...").
_BYLINE_LABEL = re.compile(
    r"^(?:(?:text|texte|текст|автор|авторы|autor|autorin|author|photos?|фото|written)"
    r"(?:\s+by)?\s*[:.\-–—]?\s+)+",
    re.IGNORECASE,
)


def clean_authors(raw_names: Iterable[str]) -> list[str]:
    """Split and tidy byline strings ("By A and B", "A, B | Site") into distinct names."""
    joined: str | None = None
    for raw in raw_names:
        if raw and not raw.lower().startswith(("http://", "https://", "www.")):
            joined = normalize_authors(joined, _BYLINE_LABEL.sub("", raw.strip()))
    names: list[str] = []
    for name in (joined or "").split("; "):
        name = " ".join(name.split())
        if name and name.casefold() not in {n.casefold() for n in names}:
            names.append(name)
    return names


def choose_authors(
    structured: Structured, heuristic: str | None, site_names: list[str]
) -> list[str]:
    """Bylines in order of trust: JSON-LD persons, author meta tags, trafilatura's heuristics.

    Many outlets put their own name in the author field; a source that yields only the outlet's
    name gives way to the next one, and is used only when nothing names a person.
    """
    article = structured.article
    sources: list[list[str]] = []
    if article:
        sources.append(
            clean_authors(_person_names(article.get("author") or article.get("creator")))
        )
    sources.append(
        clean_authors([structured.meta[k] for k in _AUTHOR_META if structured.meta.get(k)][:1])
    )
    sources.append(clean_authors((heuristic or "").split("; ")))
    fallback: list[str] = []
    for names in sources:
        if not names:
            continue
        if all(_is_site(name, site_names) for name in names):
            fallback = fallback or names
            continue
        return names
    return fallback


# ---------------------------------------------------------------------------------------------
# Titles


_TITLE_SUFFIX = re.compile(r"^(?P<head>.+?)\s*(?:\s[|–—·•:\-]|\|)\s*(?P<tail>[^|–—·•]+)$")
_TITLE_PREFIX = re.compile(r"^(?P<head>[^|–—·•]+?)\s*(?:[|–—·•:]\s|\s-\s|\|)\s*(?P<tail>.+)$")


def _is_site(part: str, site_names: Iterable[str]) -> bool:
    folded = _fold(part)
    return bool(folded) and any(
        folded == site or (len(site) > 2 and (site in folded or folded in site))
        for site in (_fold(s) for s in site_names if s)
    )


def _strip_site_suffix(title: str, site_names: Iterable[str]) -> str:
    """'Headline | Outlet' -> 'Headline' (and 'Outlet: Headline') when the cut part is the site.

    Only a part that matches one of the site's names is removed: separators also occur inside
    real headlines ("Brexit: what happens next"), which must stay intact.
    """
    names = list(site_names)
    current = title.strip()
    for _ in range(3):
        suffix = _TITLE_SUFFIX.match(current)
        if suffix and _is_site(suffix.group("tail"), names):
            current = suffix.group("head").strip()
            continue
        prefix = _TITLE_PREFIX.match(current)
        if prefix and _is_site(prefix.group("head"), names):
            current = prefix.group("tail").strip()
            continue
        break
    return current or title


def _h1_texts(tree: HtmlElement) -> list[str]:
    texts = []
    for h1 in tree.iter("h1"):
        text = " ".join(h1.text_content().split())
        if text:
            texts.append(text)
    return texts


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def choose_title(
    structured: Structured, tree: HtmlElement, fallback: str | None, site_names: list[str]
) -> str | None:
    """Prefer the publisher's declared headline; confirm it against the visible <h1>.

    JSON-LD headline and og:title are what the outlet wants shared, but og:title often carries
    a " | Outlet" suffix, and some sites put a shortened SEO headline there. When an <h1>
    on the page matches a candidate (up to case and spacing), the visible <h1> wording wins.
    """
    meta = structured.meta
    candidates = [
        plain_value(structured.article.get("headline")) if structured.article else None,
        meta.get("og:title"),
        meta.get("twitter:title"),
        plain_value(structured.article.get("name")) if structured.article else None,
        fallback,
    ]
    candidates = [_strip_site_suffix(c, site_names) for c in candidates if c]
    h1s = _h1_texts(tree)
    for candidate in candidates:
        folded = _fold(candidate)
        for h1 in h1s:
            if _fold(h1) == folded:
                return h1
    return candidates[0] if candidates else (h1s[0] if h1s else None)


def image_url_of(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl") or value.get("@id")
    return str(value) if value else None


def image_caption_of(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        return plain_value(value.get("caption") or value.get("description"))
    return None
