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

Which models count is a registry: core wires the page signals and the library models (tags,
images, sites, locales, view restrictions); each app above core adds its own models from its
``AppConfig.ready`` with `register_invalidating_model`, so core never imports them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.utils.translation import get_language

if TYPE_CHECKING:  # wagtail.models cannot be imported while apps load (apps.py imports this)
    from wagtail.models import Page

GENERATION_KEY = "newsdesk:content-generation"
REQUEST_ATTRIBUTE = "_newsdesk_generation"
T = TypeVar("T")


def ttl() -> int:
    return int(settings.NEWSDESK_FRAGMENT_TTL)


def content_generation(request: HttpRequest | None = None) -> int:
    """The current site-wide generation; created on first use so a fresh cache starts one.

    With a request, read once per request (a page reads several fragments; with Redis each read
    would be a round trip) and remembered on it.
    """
    if request is not None:
        generation = getattr(request, REQUEST_ATTRIBUTE, None)
        if generation is None:
            generation = content_generation()
            setattr(request, REQUEST_ATTRIBUTE, generation)  # noqa: B010 - our own attribute
        return generation
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = time.time_ns()
        # add() keeps a value another process may have set in between (shared caches).
        if not cache.add(GENERATION_KEY, generation, timeout=None):
            generation = cache.get(GENERATION_KEY, generation)
    return generation


def bump_content_generation(*_args: Any, **_kwargs: Any) -> None:
    """Signal handler: every cached derived entry becomes unreachable. Cache write only."""
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


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
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=ttl())
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
