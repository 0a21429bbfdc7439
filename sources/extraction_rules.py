"""Per-outlet extraction rules: CSS or XPath selectors that override trafilatura where they match.

WHY: trafilatura reads most pages right, but an outlet with an odd layout (a teaser block taken
for the body, the photo credit for the author) could only be fixed in code. An editor now gives
selectors per field on the outlet's `ExtractionRule`; `apply` runs them on the page and returns
the values found and the fields whose selector found nothing (kept from trafilatura, and
reported in feed health: an outlet that redesigns its pages silently breaks its rule).

A selector starting with "/" or "(" is XPath (lxml), anything else CSS (cssselect translates it
to XPath). Selectors are compiled when the rule is saved, so a typo is a form error, not an
ingest failure. Pure: no network, no database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import lxml.html
from cssselect import SelectorError as CssSelectorError
from lxml import etree
from lxml.cssselect import CSSSelector

from core.web_urls import absolute_url

from .page_metadata import parse_datetime
from .sanitize import ARTICLE_BODY, html_to_text, sanitize_html

FIELDS = ("title", "body", "published", "author", "image")
MAX_SELECTOR_LENGTH = 300
_DATE_ATTRIBUTES = ("datetime", "content", "data-date", "title")
_IMAGE_ATTRIBUTES = ("src", "content", "href", "data-src")


class SelectorError(ValueError):
    """A selector that is neither valid CSS nor valid XPath."""


def is_xpath(selector: str) -> bool:
    return selector.lstrip().startswith(("/", "(", "./"))


@lru_cache(maxsize=512)
def compiled(selector: str) -> etree.XPath:
    """The selector as a compiled XPath (CSS translated by cssselect)."""
    selector = selector.strip()
    if not selector:
        raise SelectorError("empty selector")
    if len(selector) > MAX_SELECTOR_LENGTH:
        raise SelectorError(f"longer than {MAX_SELECTOR_LENGTH} characters")
    try:
        if is_xpath(selector):
            return etree.XPath(selector)
        return CSSSelector(selector)
    except (etree.XPathSyntaxError, CssSelectorError) as exc:
        raise SelectorError(
            f"not a valid {'XPath' if is_xpath(selector) else 'CSS'} selector: {exc}"
        ) from exc


def validate(selectors: Mapping[str, str]) -> dict[str, str]:
    """Field -> error message for every selector that does not compile."""
    errors = {}
    for name, selector in selectors.items():
        if selector and selector.strip():
            try:
                compiled(selector)
            except SelectorError as exc:
                errors[name] = str(exc)
    return errors


@dataclass(frozen=True)
class RuleResult:
    """What the rule's selectors found; `missed` lists fields whose selector matched nothing."""

    values: dict[str, Any] = field(default_factory=dict)
    matched: tuple[str, ...] = ()
    missed: tuple[str, ...] = ()


def _text(node: Any) -> str:
    if isinstance(node, str):
        return " ".join(node.split())
    return " ".join(node.text_content().split())


def _value(name: str, nodes: list[Any], base_url: str | None) -> Any:
    elements = [n for n in nodes if not isinstance(n, str)]
    if name == "title":
        return _text(nodes[0]) or None
    if name == "body":
        if not elements:
            text = "\n".join(_text(n) for n in nodes if _text(n))
            return {"html": "", "text": text} if text else None
        raw = "".join(lxml.html.tostring(e, encoding="unicode") for e in elements)
        html = sanitize_html(raw, ARTICLE_BODY, base_url=base_url)
        text = html_to_text(html)
        return {"html": html, "text": text} if text else None
    if name == "published":
        for node in nodes:
            candidates = (
                [node]
                if isinstance(node, str)
                else [*(node.get(a) for a in _DATE_ATTRIBUTES), node.text_content()]
            )
            for candidate in candidates:
                parsed = parse_datetime(candidate) if candidate else None
                if parsed:
                    return parsed
        return None
    if name == "author":
        names = [_text(n) for n in nodes]
        return [n for n in dict.fromkeys(names) if n] or None
    if name == "image":
        node = nodes[0]
        raw = (
            node
            if isinstance(node, str)
            else next((node.get(a) for a in _IMAGE_ATTRIBUTES if node.get(a)), None)
        )
        return absolute_url(raw, base_url) if raw else None
    raise ValueError(name)


def apply(page_html: str, selectors: Mapping[str, str], base_url: str | None) -> RuleResult:
    """Run the selectors on a decoded page; invalid selectors count as missed, never raise."""
    try:
        tree = lxml.html.fromstring(page_html)
    except (etree.ParserError, ValueError):
        return RuleResult(missed=tuple(n for n in FIELDS if selectors.get(n)))
    values, matched, missed = {}, [], []
    for name in FIELDS:
        selector = (selectors.get(name) or "").strip()
        if not selector:
            continue
        try:
            nodes = list(compiled(selector)(tree))
        except (SelectorError, etree.XPathEvalError):
            nodes = []
        value = _value(name, nodes, base_url) if nodes else None
        if value:
            values[name] = value
            matched.append(name)
        else:
            missed.append(name)
    return RuleResult(values, tuple(matched), tuple(missed))
