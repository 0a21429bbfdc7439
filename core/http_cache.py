"""HTTP caching policy for every response, decided in one middleware.

WHY: a news spike is one article read by many; a shared cache (Varnish, a CDN) can only absorb
it if reader pages say they may be stored, and it must never store what belongs to one person
(an editor's view, a CSRF token, a search). Deciding this per view scatters the rules and the
safe default gets lost; here views and page types only *declare* that they are reader content,
and the middleware applies the rules:

- Reader content (page types with ``http_cache_policy = PUBLIC``, or URL names declared with
  :func:`declare_public_view`) answering ``200`` to an anonymous ``GET``/``HEAD`` gets
  ``public, max-age=…, s-maxage=…, stale-while-revalidate=…, stale-if-error=…`` (settings
  ``NEWSDESK_HTTP_*``) and its cache keys in the ``xkey`` header (Varnish's xkey vmod purges by
  them: core/purge.py).
- Everything else is private: no declaration, a request carrying the session cookie, a response
  setting a cookie (session, CSRF), a preview, a non-GET method or an error status. Those get
  ``private, no-store`` (errors, previews, POSTs, cookies) or ``private, no-cache`` (undeclared
  pages); a ``Cache-Control`` a view set itself (Wagtail's admin, ``never_cache``) is kept when
  it is already private.

Conditional requests (``ETag`` and ``If-None-Match`` -> ``304``) are Django's
ConditionalGetMiddleware, placed outside this one so it sees the final headers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.cache import patch_vary_headers

if TYPE_CHECKING:
    from wagtail.models import Page

PUBLIC = "public"
PRIVATE = "private"

# URL name (``namespace:name``) -> function (request, kwargs) -> cache keys of the response.
_PUBLIC_VIEWS: dict[str, Callable[..., Iterable[str]] | None] = {}
_PRIVATE_VIEWS: set[str] = set()


def declare_public_view(*view_names: str, keys: Callable[..., Iterable[str]] | None = None) -> None:
    """Mark URL names as reader content; `keys(request, view_kwargs)` names what they show."""
    for name in view_names:
        _PUBLIC_VIEWS[name] = keys


def declare_private_view(*view_names: str) -> None:
    """Mark URL names as never storable by a shared cache even for anonymous readers."""
    _PRIVATE_VIEWS.update(view_names)


def mark_page(request: HttpRequest, page: Page) -> None:
    """Record the page Wagtail serves (a `before_serve_page` hook calls this)."""
    setattr(request, "_newsdesk_served_page", page)  # noqa: B010 - our own request attribute


def add_cache_keys(request: HttpRequest, keys: Iterable[str]) -> None:
    """Let a view add keys of what it shows (e.g. a listing's articles) to its response."""
    existing = getattr(request, "_newsdesk_cache_keys", None)
    if existing is None:
        existing = []
        setattr(request, "_newsdesk_cache_keys", existing)  # noqa: B010 - as above
    existing.extend(keys)


def public_header() -> str:
    return (
        f"public, max-age={settings.NEWSDESK_HTTP_MAX_AGE}, "
        f"s-maxage={settings.NEWSDESK_HTTP_S_MAXAGE}, "
        f"stale-while-revalidate={settings.NEWSDESK_HTTP_STALE_WHILE_REVALIDATE}, "
        f"stale-if-error={settings.NEWSDESK_HTTP_STALE_IF_ERROR}"
    )


NO_STORE = "private, no-store"
NO_CACHE = "private, no-cache"


def _declared(request: HttpRequest) -> tuple[str | None, list[str]]:
    """(policy, keys) the page type or URL name declared for this request, if any."""
    page = getattr(request, "_newsdesk_served_page", None)
    if page is not None:
        policy = getattr(page, "http_cache_policy", None)
        keys_for = getattr(page, "http_cache_keys", None)
        keys = list(keys_for(request)) if policy == PUBLIC and keys_for else []
        return policy, keys
    match = getattr(request, "resolver_match", None)
    if match is None:
        return None, []
    name = match.view_name
    if name in _PRIVATE_VIEWS:
        return PRIVATE, []
    if name in _PUBLIC_VIEWS:
        keys_for = _PUBLIC_VIEWS[name]
        return PUBLIC, list(keys_for(request, match.kwargs)) if keys_for else []
    return None, []


def _is_personal(request: HttpRequest, response: HttpResponseBase) -> bool:
    if response.cookies:
        return True
    if getattr(request, "is_preview", False):
        return True
    # No session cookie: anonymous for sure, without loading a session.
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def _already_private(response: HttpResponseBase) -> bool:
    value = response.get("Cache-Control", "").lower()
    return any(word in value for word in ("private", "no-store", "no-cache"))


class HttpCacheMiddleware:
    """Sets Cache-Control (and xkey) on every response; see the module docstring."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        policy, keys = _declared(request)
        if request.method not in ("GET", "HEAD") or response.status_code >= 400:
            response["Cache-Control"] = NO_STORE
            return response
        if _is_personal(request, response):
            if not _already_private(response):
                response["Cache-Control"] = NO_STORE
            # A cache that ignores Cache-Control must still not mix cookie holders' views.
            patch_vary_headers(response, ("Cookie",))
            return response
        if policy == PRIVATE:
            response["Cache-Control"] = NO_STORE
            return response
        if policy == PUBLIC and response.status_code == 200:
            response["Cache-Control"] = public_header()
            keys += getattr(request, "_newsdesk_cache_keys", [])
            if keys:
                response[settings.NEWSDESK_HTTP_CACHE_KEY_HEADER] = " ".join(dict.fromkeys(keys))
            return response
        if not _already_private(response):
            response["Cache-Control"] = NO_CACHE
        return response
