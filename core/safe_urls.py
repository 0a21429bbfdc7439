"""Which URLs may become a link, an image source or a JSON-LD reference: http(s) only.

WHY: a stored URL ends up as `href`/`src` in the public attribution block, the admin, the
structured data and the feeds. A `javascript:` (or `data:`, `vbscript:`) URL there runs script
in the reader's or editor's browser, so it is refused where a URL enters (import, admin forms,
ingest: `http_url_validator` and `require_http_url`) and again where one is rendered
(`safe_url`, also the `safe_url` template filter), for whatever got in before the checks.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

ALLOWED_SCHEMES = ("http", "https")
#: The model-field validator: Django's URLField also allows ftp(s); links here are web pages.
http_url_validator = URLValidator(schemes=list(ALLOWED_SCHEMES))
# Browsers drop ASCII tab and newlines anywhere in a URL and leading C0/space: "java\tscript:".
_IGNORED_BY_BROWSERS = re.compile(r"[\t\n\r]")
_LEADING = re.compile(r"^[\x00-\x20]+")


def url_scheme(url: str) -> str:
    """The scheme a browser would see ('' for a relative URL), lower-cased."""
    cleaned = _LEADING.sub("", _IGNORED_BY_BROWSERS.sub("", str(url)))
    try:
        return urlsplit(cleaned).scheme.lower()
    except ValueError:  # e.g. an invalid IPv6 host: not a URL a browser would follow either
        return "invalid"


def is_http_url(url: object) -> bool:
    """An absolute http(s) URL with a host (what an outlet's page or feed must be)."""
    if not url:
        return False
    text = str(url).strip()
    if url_scheme(text) not in ALLOWED_SCHEMES or re.search(r"[\x00-\x20\x7f]", text):
        return False
    try:
        return bool(urlsplit(text).netloc)
    except ValueError:
        return False


def require_http_url(url: object, field: str = "url") -> str:
    """The stripped URL, or ValidationError naming the field (for importers and ingest)."""
    text = str(url or "").strip()
    if not is_http_url(text):
        raise ValidationError(f"{field} must be an http or https URL, not {text[:80]!r}")
    return text


def safe_url(url: object, fallback: str = "") -> str:
    """The URL if a page may link to it (http(s), or relative to this site), else fallback."""
    if not url:
        return fallback
    text = str(url).strip()
    if text.startswith("//"):  # protocol-relative: another host, judged as absolute
        return text if is_http_url("https:" + text) else fallback
    scheme = url_scheme(text)
    if scheme == "" and not re.search(r"[\x00-\x1f\x7f]", text):
        return text
    return text if is_http_url(text) else fallback
