"""Derived page data (Don't Miss ids, attribution, language alternates, structured data) cached
between requests, with invalidation that cannot miss an edit.

WHY: these are the expensive, query-heavy parts of an article page, and they change only when
content is published or a snippet they read is edited. Each entry's key carries

- the page's identity and version (``pk``, ``latest_revision_id``, ``last_published_at``), so a
  republished page never reads its old entry, and
- a site-wide *content generation*: a number replaced by signal handlers whenever any page is
  published, unpublished, moved or deleted, any outlet/author/source/tag/image is saved or
  deleted, a view restriction, site or locale changes. Data derived from *other* pages (Don't Miss,
  translations) is therefore never served after such a change in the process that made it.

With the per-process default (locmem) cache another worker process keeps its entries until they
expire, so staleness there is bounded by ``NEWSDESK_FRAGMENT_TTL`` seconds (default 300). With a
shared cache (Redis via ``REDIS_URL``) the generation is shared and invalidation is immediate.
Signal handlers never touch the network and write only to the cache; at most one small query
decides whether a save matters (a source article counts only when a page is based on it).

With a shared cache, every entry is also kept in this process (`_local`, a small LRU): an
entry's key names the page version and the generation, so the value under a key never changes
and a copy of it can only be unreachable, never wrong. A warm article page then makes one
round trip to Redis (the generation, read once per request by `GenerationScopeMiddleware`)
instead of about ten; measured through the production stack in docs/deployment.md.

Which models count is a registry: core wires the page signals and the library models (tags,
images, sites, locales, view restrictions); each app above core adds its own models from its
``AppConfig.ready`` with `register_invalidating_model`, so core never imports them.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, TypeVar

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.utils.translation import get_language

if TYPE_CHECKING:  # wagtail.models cannot be imported while apps load (apps.py imports this)
    from wagtail.models import Page

GENERATION_KEY = "newsdesk:content-generation"
T = TypeVar("T")

# The generation as read by the request being served, if any (GenerationScopeMiddleware).
_scoped_generation: ContextVar[int | None] = ContextVar("newsdesk_generation", default=None)
# Inside a request scope, "not read yet" (None means "no scope": read the cache every time).
_UNREAD = -1


def ttl() -> int:
    return int(settings.NEWSDESK_FRAGMENT_TTL)


def content_generation(request: HttpRequest | None = None) -> int:
    """The current site-wide generation; created on first use so a fresh cache starts one.

    Inside a request (GenerationScopeMiddleware) it is read once and remembered for the rest of
    the request: a page reads several fragments and routing lookups, and with Redis each read
    would be a round trip. `request` is accepted for callers that have one; the scope is what
    decides.
    """
    scoped = _scoped_generation.get()
    if scoped is not None and scoped != _UNREAD:
        return scoped
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = time.time_ns()
        # add() keeps a value another process may have set in between (shared caches).
        if not cache.add(GENERATION_KEY, generation, timeout=None):
            generation = cache.get(GENERATION_KEY, generation)
    if scoped is not None:
        _scoped_generation.set(generation)
    return generation


@contextmanager
def generation_scope() -> Iterator[None]:
    """Read the generation at most once while inside (one request, one task run)."""
    token = _scoped_generation.set(_UNREAD)
    try:
        yield
    finally:
        _scoped_generation.reset(token)


class GenerationScopeMiddleware:
    """Each request reads the content generation once (see `content_generation`)."""

    def __init__(self, get_response: Callable[[HttpRequest], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> Any:
        with generation_scope():
            return self.get_response(request)


def bump_content_generation(*_args: Any, **_kwargs: Any) -> None:
    """Signal handler: every cached derived entry becomes unreachable. Cache write only."""
    generation = time.time_ns()
    cache.set(GENERATION_KEY, generation, timeout=None)
    if _scoped_generation.get() is not None:
        # The request that made the change sees it too (e.g. publish, then render).
        _scoped_generation.set(generation)


class _LocalEntries:
    """A bounded, thread-safe-enough LRU of immutable entries with their expiry time.

    WHY not a second Django LocMemCache: that one pickles every value on set and get (the
    fragments are HTML strings of tens of KB), which is what this copy exists to avoid.
    OrderedDict operations are atomic under the GIL; a race between two threads costs a
    recomputation or a duplicate insert, never a wrong value, since values under a key never
    change.
    """

    def __init__(self) -> None:
        self._entries: OrderedDict[str, tuple[float, Any]] = OrderedDict()

    def get(self, key: str) -> Any:
        entry = self._entries.get(key)
        if entry is None:
            return None
        if entry[0] < time.monotonic():
            self._entries.pop(key, None)
            return None
        try:
            self._entries.move_to_end(key)
        except KeyError:
            pass
        return entry[1]

    def set(self, key: str, value: Any, timeout: int) -> None:
        limit = int(settings.NEWSDESK_FRAGMENT_LOCAL_ENTRIES)
        if limit <= 0:
            return
        self._entries[key] = (time.monotonic() + timeout, value)
        while len(self._entries) > limit:
            try:
                self._entries.popitem(last=False)
            except KeyError:
                break

    def clear(self) -> None:
        self._entries.clear()


_local = _LocalEntries()


def _shared_cache_is_remote() -> bool:
    """A per-process cache needs no second copy in the same process."""
    return not isinstance(caches["default"], LocMemCache)


def forget_local_entries() -> None:
    """Drop this process's copies (tests, alongside cache.clear())."""
    _local.clear()


def page_version(page: Page) -> str:
    published = page.last_published_at.timestamp() if page.last_published_at else ""
    return f"{page.pk}:{page.latest_revision_id}:{published}"


def cached_for_page(
    kind: str,
    page: Page,
    compute: Callable[[], T],
    *,
    request: HttpRequest | None = None,
    per_host: bool = False,
    extra: str = "",
) -> T:
    """`compute()` once per (kind, page version, language, generation[, host]) and TTL.

    A preview (unsaved edits under the saved page's id and revision) or an unsaved page is never
    cached. `per_host` puts the request's scheme and host in the key, for values holding URLs.
    """
    if page.pk is None or (request is not None and getattr(request, "is_preview", False)):
        return compute()
    parts = [
        "newsdesk",
        kind,
        page_version(page),
        str(content_generation(request)),
        (get_language() or "")[:2],
    ]
    if per_host:
        if request is None:
            raise ValueError("per_host entries need the request (its scheme and host)")
        parts += [request.scheme or "", request.get_host()]
    if extra:
        parts.append(extra)
    key = ":".join(parts)
    value = _local.get(key)
    if value is not None:
        return value
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=ttl())
    if _shared_cache_is_remote():
        _local.set(key, value, ttl())
    return value


InstanceTest = Callable[[Any, bool], bool]


def register_invalidating_model(model: type[Model], *, when: InstanceTest | None = None) -> None:
    """Start a new content generation whenever an instance of `model` is saved or deleted.

    For apps above core (called from their ``AppConfig.ready``): core cannot know which of their
    models pages render, and must not import them. `when(instance, created)` narrows saves (e.g.
    only source articles some page is based on); deletes always count. Registering twice is
    harmless (the receivers have fixed dispatch uids).
    """
    uid = f"newsdesk-fragment-cache-{model._meta.label_lower}"
    if when is None:
        post_save.connect(bump_content_generation, sender=model, dispatch_uid=f"{uid}-s")
    else:
        test = when

        def bump_if(sender: type[Model], instance: Any, created: bool = False, **_: Any) -> None:
            if test(instance, created):
                bump_content_generation()

        post_save.connect(bump_if, sender=model, dispatch_uid=f"{uid}-s", weak=False)
    post_delete.connect(bump_content_generation, sender=model, dispatch_uid=f"{uid}-d")


def connect_invalidation() -> None:
    """Wire the generation bump to the page and library changes derived page data depends on.

    Models of our own apps (authors, outlets, source articles) are added by those apps through
    `register_invalidating_model`.
    """
    from taggit.models import Tag
    from wagtail.images import get_image_model
    from wagtail.models import Locale, PageViewRestriction, Site
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    uid = "newsdesk-fragment-cache"
    page_published.connect(bump_content_generation, dispatch_uid=f"{uid}-published")
    page_unpublished.connect(bump_content_generation, dispatch_uid=f"{uid}-unpublished")
    page_slug_changed.connect(bump_content_generation, dispatch_uid=f"{uid}-slug")
    post_page_move.connect(bump_content_generation, dispatch_uid=f"{uid}-move")
    # Page subclasses send post_delete with their own sender: connect without a sender filter
    # and check the instance type in the handler.
    post_delete.connect(_bump_on_page_delete, dispatch_uid=f"{uid}-page-delete")
    # Images: structured data holds a rendition URL, which a replaced file changes.
    # Sites and locales: core/routing.py remembers which home page serves which host/language.
    for model in (Tag, PageViewRestriction, Site, Locale, get_image_model()):
        register_invalidating_model(model)


def _bump_on_page_delete(sender: type[Model], instance: Any, **kwargs: Any) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump_content_generation()
