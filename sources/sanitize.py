"""Sanitising of ingested (foreign, untrusted) HTML before it is stored or shown.

Every byte of HTML that comes from an outlet passes through `sanitize_html()`: it is rendered
later in the newsroom's admin and possibly on the public site, so anything active (scripts,
styles, event handlers, embedded SVG/MathML, frames, dangerous URL schemes) must never survive.
We use nh3 (Rust ammonia) because an allow-list sanitiser built on a real HTML5 parser is the
only approach that holds up against parser-differential tricks; regex clean-ups do not.

This is the one place where sanitizing policies are defined, each named for what it cleans:
``ARTICLE_BODY`` (outlets' article text: deliberately narrow, shaped for paragraphs,
subheadings, lists, quotes, emphasis, links, figures with images and simple tables),
``IMPORTED_ARCHIVE`` (paragraphs of an imported archive) and ``PLAIN_TEXT`` (no markup at all).
Every caller goes through ``sanitize_html(html, policy)``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import nh3
from lxml import html as lxml_html

from core.web_urls import is_web_url

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


@dataclass(frozen=True, eq=False)
class Policy:
    """A named nh3 configuration. Options left as None take ammonia's defaults.

    ``resolve_relative`` rewrites relative URLs against the ``base_url`` given to
    ``sanitize_html`` (when that is an absolute http(s) URL); otherwise they pass through.
    """

    name: str
    tags: frozenset[str]
    clean_content_tags: frozenset[str] | None = None
    attributes: Mapping[str, frozenset[str]] | None = None
    attribute_filter: Callable[[str, str, str], str | None] | None = None
    link_rel: str = "noopener noreferrer"
    url_schemes: frozenset[str] | None = None
    resolve_relative: bool = False


# Article text from outlets (feed content and summaries, extracted page bodies): the structure
# editors need to read a story, nothing active.
ARTICLE_BODY = Policy(
    name="article body",
    tags=ALLOWED_TAGS,
    clean_content_tags=REMOVED_WITH_CONTENT,
    attributes={tag: frozenset(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
    attribute_filter=_filter_attribute,
    link_rel=LINK_REL,
    url_schemes=URL_SCHEMES,
    resolve_relative=True,
)
# Paragraphs of an imported archive (JSON lines from an old CMS): inline emphasis, links and
# lists inside a paragraph; the importer makes the paragraphs themselves.
IMPORTED_ARCHIVE = Policy(
    name="imported archive paragraph",
    tags=frozenset({"a", "b", "strong", "i", "em", "ul", "ol", "li", "br"}),
    attributes={"a": frozenset({"href"})},
)
# No markup at all (feed titles, teasers cut from a paragraph): tags removed, text kept.
PLAIN_TEXT = Policy(name="plain text", tags=frozenset())


@lru_cache(maxsize=256)
def _cleaner(policy: Policy, base_url: str | None) -> nh3.Cleaner:
    """One configured cleaner per policy and base URL (building one costs more than using it)."""
    options: dict = {"tags": set(policy.tags), "link_rel": policy.link_rel}
    if policy.clean_content_tags is not None:
        options["clean_content_tags"] = set(policy.clean_content_tags)
    if policy.attributes is not None:
        options["attributes"] = {tag: set(attrs) for tag, attrs in policy.attributes.items()}
    if policy.attribute_filter is not None:
        options["attribute_filter"] = policy.attribute_filter
    if policy.url_schemes is not None:
        options["url_schemes"] = set(policy.url_schemes)
    if policy.resolve_relative:
        options["url_relative"] = ("rewrite_with_base", base_url) if base_url else "pass_through"
    return nh3.Cleaner(strip_comments=True, **options)


def sanitize_html(html: str, policy: Policy = ARTICLE_BODY, *, base_url: str | None = None) -> str:
    """Return ``html`` reduced to ``policy``; relative URLs resolved against ``base_url``.

    Without a usable base URL (an absolute http(s) one) relative links are kept as they are:
    they cannot carry a scheme, so they are harmless, and the ingest pipeline may know the base
    later.
    """
    if not html:
        return ""
    base = (
        base_url.strip()
        if base_url is not None and policy.resolve_relative and is_web_url(base_url)
        else None
    )
    return _cleaner(policy, base).clean(html).strip()


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

    def walk(element: Any) -> None:
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
