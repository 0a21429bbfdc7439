"""Resolving and checking the web addresses that arrive from outside (feeds, pages, imports).

It lives in ``core``, the lowest layer, so that every app that reads foreign links (sources for
feeds and pages, and whatever joins them later) resolves them the same way: relative against
the document's address, and only http(s) results kept, since no other scheme makes a link an
editor or reader may follow.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

WEB_SCHEMES = frozenset({"http", "https"})


def absolute_url(link: object, base: str | None, *, keep_relative: bool = False) -> str | None:
    """``link`` resolved against ``base``; None unless the result is an http(s) URL.

    ``keep_relative`` also keeps a link that stays relative because there is no base (a feed
    parsed without its address: the ingest layer may know the base later).
    """
    if not isinstance(link, str) or not link.strip():
        return None
    link = link.strip()
    resolved = urljoin(base, link) if base else link
    scheme = urlsplit(resolved).scheme
    if scheme in WEB_SCHEMES or (keep_relative and scheme == ""):
        return resolved
    return None


def is_web_url(url: str | None) -> bool:
    """True for an absolute http(s) URL with a host."""
    if not url:
        return False
    parts = urlsplit(url)
    return parts.scheme in WEB_SCHEMES and bool(parts.hostname)


def url_host(url: str | None) -> str:
    """The host of ``url`` for comparisons: lower-case, without a leading ``www.``."""
    if not url:
        return ""
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")
