"""The private Wagtail, treebeard and Django attributes the reader path relies on, in one place.

WHY: serving a page fast (core/routing.py, core/views.py, articles' `article_at`) means handing
Wagtail answers it would otherwise compute with queries: the request's Site, the route, a page's
parent. Wagtail keeps those on private attributes, and has no public way to set them. Each use is
wrapped here, and `core/tests/test_wagtail_adapter.py` checks every one against the public API
it stands for (e.g. that `Site.find_for_request` returns the site remembered here), so a Wagtail
upgrade that renames or changes one fails those tests rather than silently making every request
slower or wrong. Nothing else in the project may touch these attributes.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

# Where Wagtail's public lookups cache their answer on the request / page (read by them first).
SITE_ATTRIBUTE = "_wagtail_site"  # Site.find_for_request
ROUTE_ATTRIBUTE = (
    "_wagtail_route_for_request"  # Page.route_for_request, used by wagtail.views.serve
)
PARENT_ATTRIBUTE = "_cached_parent_obj"  # treebeard's MP_Node.get_parent

NOT_SET: Any = object()


def site_set_on_request(request: HttpRequest) -> Site | None:
    """The Site that `Site.find_for_request` already found for this request, or `NOT_SET`."""
    return getattr(request, SITE_ATTRIBUTE, NOT_SET)


def set_site_on_request(request: HttpRequest, site: Site | None) -> None:
    """Make `Site.find_for_request(request)` (and all of Wagtail) answer `site` without a query."""
    setattr(request, SITE_ATTRIBUTE, site)


def find_site(request: HttpRequest) -> Site | None:
    """Wagtail's own answer (public API; queries unless the request already has one)."""
    return Site.find_for_request(request)


def site_key(request: HttpRequest) -> tuple[str, int | str]:
    """The host name and port Wagtail matches Sites on, for remembering its answer.

    The raw Host header, as Wagtail reads it: `request.get_host()` would raise for a host
    outside ALLOWED_HOSTS before Wagtail's own lookup (and Django's check) had its say.
    """
    raw_host = request._get_raw_host()  # type: ignore[attr-defined]  # private, as in Wagtail
    return split_domain_port(raw_host)[0], request.get_port()


def route_set_on_request(request: HttpRequest) -> bool:
    return hasattr(request, ROUTE_ATTRIBUTE)


def set_route_on_request(request: HttpRequest, route: RouteResult | None) -> None:
    """Make `Page.route_for_request` (so `wagtail.views.serve`) use `route` (None: a 404)."""
    setattr(request, ROUTE_ATTRIBUTE, route)


def set_known_parent(page: Page, parent: Page) -> None:
    """Make `page.get_parent()` return `parent` without a query (as Wagtail's `route` does)."""
    setattr(page, PARENT_ATTRIBUTE, parent)
