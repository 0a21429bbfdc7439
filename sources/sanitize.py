"""Sanitising of ingested (foreign, untrusted) HTML before it is stored or shown.

Every byte of HTML that comes from an outlet passes through `sanitize_html()`: it is rendered
later in the newsroom's admin and possibly on the public site, so anything active (scripts,
styles, event handlers, embedded SVG/MathML, frames, dangerous URL schemes) must never survive.
We use nh3 (Rust ammonia) because an allow-list sanitiser built on a real HTML5 parser is the
only approach that holds up against parser-differential tricks; regex clean-ups do not.

The allow-list is deliberately narrow and shaped for article text: paragraphs, subheadings,
lists, quotes, emphasis, links, figures with images, and simple tables.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

import nh3
from lxml import html as lxml_html

ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "p",
        "br",
        "h2",
        "h3",
        "h4",
        "ul",
        "ol",
        "li",
        "blockquote",
        "q",
        "cite",
        "a",
        "em",
        "strong",
        "b",
        "i",
        "u",
        "s",
        "sub",
        "sup",
        "code",
        "pre",
        "hr",
        "figure",
        "figcaption",
        "img",
        "table",
        "caption",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
    }
)

# Removed together with everything inside them: their content is either active code (script,
# style, svg, math, template) or a foreign document / widget whose text is not article text.
REMOVED_WITH_CONTENT: frozenset[str] = frozenset(
    {
        "script",
        "style",
        "svg",
        "math",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "template",
        "noscript",
        "noembed",
        "noframes",
        "textarea",
        "select",
        "button",
        "form",
        "title",
        "head",
        "xmp",
        "plaintext",
        "canvas",
        "audio",
        "video",
    }
)

ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "*": {"title"},
}

URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener nofollow"

_DIMENSION = re.compile(r"^\d{1,5}%?$")


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Last-mile checks that an allow-list of names cannot express.

    width/height must be plain numbers (no CSS expressions smuggled in), and `data:` images are
    refused even though ammonia would already drop the scheme: belt and braces for the one
    scheme that can carry a whole document.
    """
    if attribute in {"width", "height"}:
        return value if _DIMENSION.match(value.strip()) else None
    if attribute in {"href", "src"} and value.strip().lower().startswith("data:"):
        return None
    return value


def _usable_base(base_url: str | None) -> str | None:
    """Only absolute http(s) page URLs may serve as a base for relative links."""
    if not base_url:
        return None
    parts = urlsplit(base_url.strip())
    if parts.scheme.lower() in {"http", "https"} and parts.netloc:
        return base_url.strip()
    return None


@lru_cache(maxsize=256)
def _cleaner(base_url: str | None) -> nh3.Cleaner:
    """One configured cleaner per base URL (building one costs more than using it)."""
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_filter_attribute,
        strip_comments=True,
        link_rel=LINK_REL,
        url_schemes=set(URL_SCHEMES),
        url_relative=("rewrite_with_base", base_url) if base_url else "pass_through",
    )


def sanitize_html(html: str, base_url: str | None = None) -> str:
    """Return `html` reduced to the article allow-list; relative URLs resolved against base_url.

    Without a usable base URL relative links are kept as they are (they cannot carry a scheme,
    so they are harmless, and the ingest pipeline may know the base later).
    """
    if not html:
        return ""
    return _cleaner(_usable_base(base_url)).clean(html).strip()


_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "nav",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "dl",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "table",
        "caption",
        "hr",
        "address",
        "li",
        "dt",
        "dd",
        "tr",
    }
)
_SKIPPED_TAGS = REMOVED_WITH_CONTENT
# Private markers for structure, so that newlines inside the source text (which HTML renders
# as spaces) are never confused with the breaks that the markup asks for.
_PARAGRAPH = "\u2029"
_LINE = "\u2028"
_ANY_SPACE = re.compile(r"[^\S\u2028\u2029]+")


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: blocks become paragraphs separated by one blank line.

    Used for search indexing, previews and translation input, where markup is noise but the
    paragraph structure carries meaning (and helps sentence splitting). <br> becomes a line
    break inside its paragraph.
    """
    if not html or not html.strip():
        return ""
    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except Exception:  # noqa: BLE001 - lxml raises several types for garbage; none is fatal here
        return " ".join(html.split())

    chunks: list[str] = []

    def walk(element) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag and tag not in _SKIPPED_TAGS:
            is_block = tag in _BLOCK_TAGS
            if is_block:
                chunks.append(_PARAGRAPH)
            elif tag == "br":
                chunks.append(_LINE)
            elif tag in {"td", "th"}:
                chunks.append(" ")
            if element.text:
                chunks.append(element.text)
            for child in element:
                walk(child)
            if is_block:
                chunks.append(_PARAGRAPH)
        if element.tail:
            chunks.append(element.tail)

    walk(root)
    flat = _ANY_SPACE.sub(" ", "".join(chunks))
    paragraphs = []
    for block in flat.split(_PARAGRAPH):
        lines = [line.strip() for line in block.split(_LINE)]
        joined = "\n".join(line for line in lines if line)
        if joined:
            paragraphs.append(joined)
    return "\n\n".join(paragraphs)
