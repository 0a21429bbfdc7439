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

Quality and speed are measured against plain `trafilatura.extract()` in
sources/tests/test_extraction_quality.py and benchmarks/extraction.py.
"""

from __future__ import annotations

import codecs
import gzip
import html as html_lib
import json
import re
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import trafilatura
from charset_normalizer import from_bytes
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.htmlprocessing import convert_to_html
from trafilatura.json_metadata import normalize_authors
from trafilatura.utils import detect_encoding, load_html

from .sanitize import html_to_text, sanitize_html


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
# Decoding


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE
)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""")
# WHATWG: these labels mean windows-1252 in browsers, which is what publishers actually send.
_WHATWG_OVERRIDES = {"iso8859-1": "cp1252", "ascii": "cp1252", "latin-1": "cp1252"}


def _codec_name(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'").lower()).name
    except LookupError:
        return None
    return _WHATWG_OVERRIDES.get(name, name)


def declared_encoding(data: bytes) -> str | None:
    """The charset the document declares about itself (meta charset, http-equiv, XML prolog)."""
    head = data[:4096]
    found = _XML_DECLARATION.search(head) or _META_CHARSET.search(head)
    return _codec_name(found.group(1).decode("ascii", "ignore")) if found else None


_MARKUP = re.compile(rb"<script\b.*?</script>|<style\b.*?</style>|<[^>]*>", re.DOTALL | re.I)


def _guess_encodings(data: bytes) -> list[str]:
    """Statistical guesses, best first, judged on the page's text rather than its markup.

    Markup, scripts and styles are ASCII noise that drowns the few kilobytes of letters the
    detector needs; trafilatura's own helper samples head and tail only and misreads e.g.
    windows-1251 Russian as a Baltic code page. Its guesses remain as the fallback.
    """
    letters = _MARKUP.sub(b" ", data)[:200_000]
    best = from_bytes(letters).best() if letters.strip() else None
    guesses = [best.encoding] if best is not None else []
    return guesses + [g for g in detect_encoding(data) if g not in guesses]


def decode_html(data: bytes, http_charset: str | None = None) -> str:
    """Decode page bytes the way a careful browser would, but robust to lying declarations.

    Order: byte-order mark; valid UTF-8 with non-ASCII content (a legacy charset almost never
    yields valid multi-byte UTF-8, while "utf-8 page declared as windows-1251" is common); the
    HTTP charset and the document's own declaration if they decode cleanly; statistical
    detection (charset-normalizer on the page's text); finally UTF-8 with replacement characters,
    so input is never rejected for its encoding alone.
    """
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise ExtractionError(f"corrupt gzip data: {exc}") from exc
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and not text.isascii():
        return text
    for candidate in (_codec_name(http_charset), declared_encoding(data)):
        if candidate and candidate not in {"utf-16", "utf-16-le", "utf-16-be", "utf-32"}:
            try:
                return data.decode(candidate)
            except (UnicodeDecodeError, LookupError):
                continue
    if text is not None:
        return text
    for guess in _guess_encodings(data):
        try:
            return data.decode(guess)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", errors="replace")


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


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if value is None:
        return None
    cleaned = " ".join(html_lib.unescape(str(value)).split())
    return cleaned or None


@dataclass
class _Structured:
    """What the page itself states about the article, before any heuristics."""

    meta: dict[str, str] = field(default_factory=dict)
    article: dict[str, Any] = field(default_factory=dict)
    page: dict[str, Any] = field(default_factory=dict)
    publisher_name: str | None = None


def _read_structured(tree: HtmlElement) -> _Structured:
    found = _Structured()
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
            found.publisher_name = _text(obj.get("name"))
    publisher = found.article.get("publisher") if found.article else None
    if isinstance(publisher, dict | list):
        found.publisher_name = _text(publisher) or found.publisher_name
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


_PUBLISHED_META = (
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
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "last-modified",
)


def _first_date(candidates: Iterable[Any]) -> datetime | None:
    for candidate in candidates:
        parsed = parse_datetime(_text(candidate))
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
            name = _text(item.get("name"))
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


def _choose_authors(
    structured: _Structured, heuristic: str | None, site_names: list[str]
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


def _choose_title(
    structured: _Structured, tree: HtmlElement, fallback: str | None, site_names: list[str]
) -> str | None:
    """Prefer the publisher's declared headline; confirm it against the visible <h1>.

    JSON-LD headline and og:title are what the outlet wants shared, but og:title often carries
    a " | Outlet" suffix, and some sites put a shortened SEO headline there. When an <h1>
    on the page matches a candidate (up to case and spacing), the visible <h1> wording wins.
    """
    meta = structured.meta
    candidates = [
        _text(structured.article.get("headline")) if structured.article else None,
        meta.get("og:title"),
        meta.get("twitter:title"),
        _text(structured.article.get("name")) if structured.article else None,
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
    return sanitize_html(inner, base_url)


def _first_caption(html: str) -> str | None:
    match = re.search(r"<figcaption>(.*?)</figcaption>", html, re.DOTALL)
    if not match:
        return None
    caption = html_to_text(match.group(1))
    return caption or None


# ---------------------------------------------------------------------------------------------
# Language


# A few dozen of the most frequent function words per language: enough to tell apart the
# languages our outlets publish in from a paragraph of text, with no model to ship or load.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to in is that for it was on with as are be by this have from".split()
    ),
    "de": frozenset(
        "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine".split()
    ),
    "fr": frozenset(
        "le la les de des et en un une du est pour que qui dans sur pas au avec".split()
    ),
    "es": frozenset(
        "el la de que y en los del se las por un para con una su al es lo como".split()
    ),
    "it": frozenset("il di che la e per un in del non una sono della le si al gli con da".split()),
    "pt": frozenset("de que o a do da em para com um uma os no se na por mais as dos não".split()),
    "nl": frozenset("de het een van en in is dat op te zijn voor met die niet aan er ook".split()),
    "pl": frozenset("i w na z się do nie że to jest o jak od po za przez są ale czy".split()),
    "ru": frozenset("и в не на что с по как это он к из за для от то его но же она".split()),
    "uk": frozenset("і в не на що з та як це до за від для по але його що є вона".split()),
    "cs": frozenset("a v se na je že s z do to o k ve jako pro by jsou ale".split()),
    "sv": frozenset("och i att det som en på är av för med till den har inte om".split()),
}
_WORD = re.compile(r"\w+")
_SCRIPT_LANGUAGES = (
    (re.compile(r"[\u3040-\u30ff]"), "ja"),
    (re.compile(r"[\uac00-\ud7af]"), "ko"),
    (re.compile(r"[\u4e00-\u9fff]"), "zh"),
    (re.compile(r"[\u0600-\u06ff]"), "ar"),
    (re.compile(r"[\u0590-\u05ff]"), "he"),
    (re.compile(r"[\u0370-\u03ff]"), "el"),
)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code guessed from script and function words, or None when unsure.

    Only used when the page does not declare its language; a wrong declared tag is rarer than a
    wrong guess on a short text.
    """
    sample = text[:5000]
    if not sample.strip():
        return None
    for pattern, code in _SCRIPT_LANGUAGES:
        if len(pattern.findall(sample)) > len(sample) / 10:
            return code
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return None
    cyrillic = sum(1 for w in words if re.match(r"[\u0400-\u04ff]", w)) > len(words) / 2
    candidates = ("ru", "uk") if cyrillic else tuple(k for k in _STOPWORDS if k not in {"ru", "uk"})
    scores = {code: sum(1 for w in words if w in _STOPWORDS[code]) for code in candidates}
    if cyrillic:
        scores["uk"] += 3 * sum(1 for w in words if re.search("[іїєґ]", w))
        scores["ru"] += 3 * sum(1 for w in words if re.search("[ыэъё]", w))
    best = max(scores, key=lambda code: scores[code])
    if scores[best] == 0:
        return "ru" if cyrillic else None
    return best


def normalize_language_tag(tag: str | None) -> str | None:
    """'en-GB', 'ru_RU', 'de' -> 'en', 'ru', 'de'; junk -> None."""
    if not tag:
        return None
    primary = re.split(r"[-_]", tag.strip().lower(), maxsplit=1)[0]
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


# ---------------------------------------------------------------------------------------------
# Public API


def _absolute(url: str | None, base: str | None) -> str | None:
    if not url:
        return None
    url = url.strip()
    resolved = urljoin(base, url) if base else url
    return resolved if urlsplit(resolved).scheme in {"http", "https"} else None


def _image_url(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl") or value.get("@id")
    return str(value) if value else None


def _image_caption_from(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        return _text(value.get("caption") or value.get("description"))
    return None


def extract_article(
    html: str | bytes, url: str | None = None, *, http_charset: str | None = None
) -> ExtractedArticle:
    """Extract one article page. `http_charset` is the Content-Type charset when fetched.

    Raises ExtractionError when the input cannot be parsed as HTML at all; a page whose main
    text cannot be found still yields its metadata with empty text (an editor can look at it).
    """
    text_html = decode_html(html, http_charset) if isinstance(html, bytes) else html
    if not text_html or not text_html.strip():
        raise ExtractionError("empty document")
    tree = load_html(text_html)
    if tree is None:
        raise ExtractionError("input is not parseable HTML")

    structured = _read_structured(tree)
    meta, article = structured.meta, structured.article
    published_at = (
        _first_date([article.get("datePublished"), article.get("dateCreated")] if article else [])
        or _first_date(meta.get(k) for k in _PUBLISHED_META)
        or _first_date([structured.page.get("datePublished")] if structured.page else [])
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
        canonical = _absolute(link, page_url)
        if canonical:
            break
    canonical = canonical or _absolute(meta.get("og:url"), page_url)
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

    title = _choose_title(structured, tree, document.title if document else None, site_names)

    authors = _choose_authors(structured, document.author if document else None, site_names)

    if published_at is None and document and document.date:
        published_at = parse_datetime(document.date)
    updated_at = _first_date([article.get("dateModified")] if article else []) or _first_date(
        meta.get(k) for k in _MODIFIED_META
    )

    body_html = _body_html(document.body if document else None, base)
    text = html_to_text(body_html)

    image_value = article.get("image") if article else None
    image_url = _absolute(
        meta.get("og:image") or meta.get("twitter:image") or _image_url(image_value), base
    )
    image_caption = _image_caption_from(image_value) or _first_caption(body_html)

    language = normalize_language_tag(
        tree.get("lang")
        or tree.get("xml:lang")
        or meta.get("content-language")
        or (_text(article.get("inLanguage")) if article else None)
        or meta.get("og:locale")
    ) or detect_language(text or title or "")

    return ExtractedArticle(
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
