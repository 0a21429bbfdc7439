"""Resolve a reader request to its Site and its language's home page without the ORM each time.

WHY: Wagtail resolves every page request from scratch: a Site query (an annotated, ordered
query whose SQL compilation alone costs more than running it), a Locale query, the localized
home page and its specific object. On the article page those four lookups were a third of the
CPU time of the whole request, for rows that change a few times a year.

They are kept here, per process, in a snapshot tied to the site-wide content generation
(`core.fragment_cache`): publishing, moving or deleting any page, or saving a Site, starts a new
snapshot, immediately in this process and, with a shared cache (Redis), in every process. With
the per-process default cache another process notices at the latest after
``NEWSDESK_FRAGMENT_TTL`` seconds, the same bound as every other cached fragment. Nothing here
is about permissions: view restrictions are still checked on every request (see
`core.pages.ViewRestrictionsMixin`).

Callers get a shallow copy of the cached home page, so attributes a request sets on it never
leak into the next request.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import TypeVar

from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Page, Site

from core import wagtail_adapter
from core.fragment_cache import content_generation, ttl

_MISSING = object()
MAX_REMEMBERED_HOSTS = 64
T = TypeVar("T")


@dataclass
class _Snapshot:
    generation: int
    expires_at: float
    sites: dict = field(default_factory=dict)
    homes: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)


_snapshot: _Snapshot | None = None


def current_snapshot(request: HttpRequest | None = None) -> _Snapshot:
    """This process's lookups for the current content generation (a fresh one if it moved on)."""
    global _snapshot
    generation = content_generation(request)
    snapshot = _snapshot
    if (
        snapshot is None
        or snapshot.generation != generation
        or snapshot.expires_at < time.monotonic()
    ):
        # Replacing the module attribute is atomic; two threads racing here each fill a
        # snapshot and the last one stays, which costs a lookup, never a wrong answer.
        snapshot = _Snapshot(generation, time.monotonic() + ttl())
        _snapshot = snapshot
    return snapshot


def forget_all() -> None:
    """Drop every cached lookup of this process (tests; after bulk changes without signals)."""
    global _snapshot
    _snapshot = None


def site_for_request(request: HttpRequest) -> Site | None:
    """Same answer as `Site.find_for_request`, remembered per host and port; sets it on request."""
    site = wagtail_adapter.site_set_on_request(request)
    if site is not wagtail_adapter.NOT_SET:
        return site
    key = wagtail_adapter.site_key(request)
    sites = current_snapshot(request).sites
    site = sites.get(key, _MISSING)
    if site is _MISSING:
        site = wagtail_adapter.find_site(request)
        if site is not None:
            site.root_page  # noqa: B018 - load the root page now, while filling the cache
        if len(sites) < MAX_REMEMBERED_HOSTS:  # Host headers are client input: stay bounded
            sites[key] = site
    wagtail_adapter.set_site_on_request(request, site)
    return site


def localized_home(site: Site) -> Page:
    """`site.root_page.localized.specific` for the active language, as Wagtail routes it."""
    key = (site.pk, get_language())
    homes = current_snapshot().homes
    home = homes.get(key)
    if home is None:
        home = site.root_page.localized.specific
        home.locale  # noqa: B018 - cache the locale on the instance
        homes[key] = home
    return copy.copy(home)


def remembered(key: Hashable, compute: Callable[[], T]) -> T:
    """A value derived from pages, kept like the lookups above (e.g. sections by path)."""
    extra = current_snapshot().extra
    value = extra.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        extra[key] = value
    return value
