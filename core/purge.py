"""Front-cache purging on publish, through Wagtail's ``wagtail.contrib.frontend_cache``.

WHY: reader pages are stored by Varnish and CDNs for minutes (core/http_cache.py), so every
change to what a stored page shows must remove it at once. Wagtail's own handlers purge only the
published page's URL, in a task that logs and forgets a failure. Here one change yields a
*purge set*: the URLs (for every configured backend: Varnish, Cloudflare, CloudFront) and the
cache keys (Varnish xkey, exact for pages whose content we cannot list, e.g. every article whose
"Don't Miss" shows a card) of everything that shows the page. Each app contributes what it owns
through :func:`register_purge_provider` (articles: the article, its translations, homes,
section, tags and pinned "Don't Miss"; distribution: feeds and sitemaps; search: stored "Don't
Miss" neighbours), so core never imports a layer above it.

A published edit is purged *softly* where the backend can (Varnish: the copy expires but is
served, within stale-while-revalidate, while one background fetch replaces it): purging a page
under a news spike would otherwise make every reader of it wait for the same fetch. Unpublishing,
moves, slug changes, deletes and takedowns purge hard, so what left the site is never served
again; a batch that mixes both is purged hard.

The purge runs in a task after the transaction commits (a purge before the commit would let the
cache fetch the old page again), retries with back-off per failing backend, and logs a final
failure; nothing here can make publishing fail.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends

if TYPE_CHECKING:
    from wagtail.models import Page

logger = logging.getLogger(__name__)

# Purges jump the queue: a reader must not wait for a slow indexing task to see an edit.
PRIORITY = 50
SITE_KEY = "site"
SITEMAPS_KEY = "sitemaps"


def page_key(pk: int) -> str:
    """Key carried by every response that shows page `pk` (its own page, cards, alternates)."""
    return f"p{pk}"


def listing_key(language: str) -> str:
    """Key of every listing in one language: home, sections, tags, feeds."""
    return f"l-{language}"


@dataclass
class PurgeSet:
    urls: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)
    # Expire rather than remove (a published edit); see the module docstring.
    soft: bool = False

    def add_page(self, page: Page) -> None:
        """The page's own URLs (Wagtail's `get_cached_paths`) and its key."""
        batch = PurgeBatch(cache_object=self)
        batch.add_page(page)
        self.urls |= batch.urls
        self.keys.add(page_key(page.pk))

    def update(self, other: PurgeSet) -> None:
        self.urls |= other.urls
        self.keys |= other.keys
        self.soft = self.soft and other.soft


# (page, purge_set) -> None; each adds what its app shows the page in.
Provider = Callable[[object, PurgeSet], None]
_PROVIDERS: list[Provider] = []


def register_purge_provider(provider: Provider) -> Provider:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def purge_set_for(page: Page) -> PurgeSet:
    """Everything a change to `page` makes stale. A failing provider is logged, not fatal."""
    purge = PurgeSet()
    page = page.specific_deferred if type(page)._meta.concrete_model is not type(page) else page
    try:
        purge.add_page(page)
    except Exception:
        logger.exception("purge: cannot compute URLs of page %s", page.pk)
        purge.keys.add(page_key(page.pk))
    for provider in _PROVIDERS:
        try:
            provider(page, purge)
        except Exception:
            logger.exception("purge: provider %s failed for page %s", provider.__name__, page.pk)
    return purge


# --- one purge per transaction ------------------------------------------------------------------
_pending = threading.local()


class _Batch(PurgeSet):
    def send(self) -> None:
        enqueue(self.urls, self.keys, soft=self.soft)


def schedule_purge(page: Page, *, only_page: bool = False, soft: bool = False) -> None:
    """Add `page`'s purge set to this transaction's purge, sent once after the commit.

    `only_page`: just the page itself (its own content changed, e.g. a recomputed "Don't
    Miss"), not the listings and pages that show it. `soft`: the page is still published and
    only changed (see the module docstring).

    A bulk change (deleting a section with its articles) makes one task, not one per page; a
    rolled-back transaction's batch is dropped with its on-commit callback.
    """
    if not settings.WAGTAILFRONTENDCACHE:
        return
    try:
        if only_page:
            purge = PurgeSet()
            purge.add_page(page)
        else:
            purge = purge_set_for(page)
        purge.soft = soft
    except Exception:
        logger.exception("purge: skipped for page %s", getattr(page, "pk", None))
        return
    connection = transaction.get_connection()
    batch = getattr(_pending, "batch", None)
    waiting = connection.in_atomic_block and any(
        callback == getattr(batch, "send", None)
        for _sids, callback, _robust in connection.run_on_commit
    )
    if not waiting:
        batch = _pending.batch = _Batch(soft=purge.soft)
        batch.update(purge)
        transaction.on_commit(batch.send)
    elif batch is not None:  # waiting: this batch's send() is the callback found above
        batch.update(purge)


def purge_site() -> None:
    """Purge every cached page of the site (bulk changes: an import, a rebuilt "Don't Miss").

    Key-based caches (Varnish xkey) drop everything at once; URL-only caches (CDNs through
    `frontend_cache`) cannot be told "everything" and keep their copies until s-maxage.
    """
    if settings.WAGTAILFRONTENDCACHE:
        # Soft: nothing left the site, and a hard purge of everything would send every reader
        # of every page to the backends at once.
        transaction.on_commit(lambda: enqueue((), (SITE_KEY,), soft=True))


def enqueue(
    urls: Iterable[str],
    keys: Iterable[str],
    backends: list[str] | None = None,
    attempt: int = 1,
    *,
    soft: bool = False,
) -> None:
    """Queue a purge; a queue that cannot take it is logged (publishing must go on)."""
    urls, keys = sorted(urls), sorted(keys)
    if not urls and not keys:
        return
    try:
        delay = retry_delay(attempt)
        task = purge_task.using(priority=PRIORITY)
        if attempt > 1 and delay and task.get_backend().supports_defer:
            task = task.using(run_after=timezone.now() + timedelta(seconds=delay))
        task.enqueue(urls, keys, backends, attempt, soft)
    except Exception:
        logger.exception("purge: could not queue the purge of %d URL(s)", len(urls))


def retry_delay(attempt: int) -> float:
    """Seconds before attempt `attempt`: 0 for the first, then doubling from the base."""
    if attempt <= 1:
        return 0.0
    return settings.NEWSDESK_PURGE_RETRY_BASE_SECONDS * 2 ** (attempt - 2)


@task()
def purge_task(
    urls: list[str],
    keys: list[str],
    backends: list[str] | None = None,
    attempt: int = 1,
    soft: bool = False,
) -> None:
    """Send one purge to every configured front cache; retry the ones that failed.

    `soft` uses a backend's ``soft_purge_keys``/``soft_purge_batch`` where it has them (Varnish);
    a CDN purges as usual.
    """
    failed = []
    for name, backend in get_backends(backends=backends).items():
        try:
            if keys and hasattr(backend, "purge_keys"):
                if soft and hasattr(backend, "soft_purge_keys"):
                    backend.soft_purge_keys(keys)
                else:
                    backend.purge_keys(keys)
            selected = [url for url in urls if backend.invalidates_hostname(_host(url))]
            if selected:
                if soft and hasattr(backend, "soft_purge_batch"):
                    backend.soft_purge_batch(selected)
                else:
                    backend.purge_batch(selected)
        except Exception:
            failed.append(name)
            logger.warning("purge: backend %s failed (attempt %d)", name, attempt, exc_info=True)
    if not failed:
        return
    if attempt >= settings.NEWSDESK_PURGE_ATTEMPTS:
        logger.error(
            "purge: gave up on %s after %d attempts (%d URLs, %d keys); cached copies expire "
            "after s-maxage",
            ", ".join(failed),
            attempt,
            len(urls),
            len(keys),
        )
        return
    enqueue(urls, keys, failed, attempt + 1, soft=soft)


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).netloc


# --- signal wiring ------------------------------------------------------------------------------
def _on_change(sender: Any, instance: Any, **kwargs: Any) -> None:
    if getattr(instance, "http_cache_policy", None) is not None:
        schedule_purge(instance)


def _on_published(sender: Any, instance: Any, **kwargs: Any) -> None:
    if getattr(instance, "http_cache_policy", None) is not None:
        schedule_purge(instance, soft=settings.NEWSDESK_SOFT_PURGE_ON_PUBLISH)


def _on_slug_changed(
    sender: Any, instance: Any, instance_before: Any = None, **kwargs: Any
) -> None:
    _on_change(sender, instance)
    if instance_before is not None:
        _on_change(sender, instance_before)


def _on_move(sender: Any, instance: Any, **kwargs: Any) -> None:
    # Sent before the move (old URLs, old section) and after it (new ones).
    _on_change(sender, instance.specific_deferred)


def _on_delete(sender: Any, instance: Any, **kwargs: Any) -> None:
    # One base Page row per deleted page, whichever model the delete started from.
    if instance.live:
        _on_change(sender, instance.specific)


def connect() -> None:
    """Purge on publish, unpublish, slug change, move and delete of any cacheable page type."""
    from django.db.models.signals import pre_delete
    from wagtail.models import Page
    from wagtail.signals import (
        page_published,
        page_slug_changed,
        page_unpublished,
        post_page_move,
        pre_page_move,
    )

    uid = "newsdesk-purge"
    page_published.connect(_on_published, dispatch_uid=f"{uid}-published")
    page_unpublished.connect(_on_change, dispatch_uid=f"{uid}-unpublished")
    page_slug_changed.connect(_on_slug_changed, dispatch_uid=f"{uid}-slug")
    pre_page_move.connect(_on_move, dispatch_uid=f"{uid}-pre-move")
    post_page_move.connect(_on_move, dispatch_uid=f"{uid}-post-move")
    # sender=Page: deleting any page deletes its Page row; a receiver without a sender would
    # stop Django's fast deletes for every model.
    pre_delete.connect(_on_delete, sender=Page, dispatch_uid=f"{uid}-delete")
    _disconnect_wagtail_handlers()


def _disconnect_wagtail_handlers() -> None:
    """Wagtail's own publish/unpublish purge would send a second, narrower purge without
    retries; ours covers it."""
    from django.apps import apps
    from wagtail.contrib.frontend_cache import signal_handlers
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished

    for model in apps.get_models():
        if issubclass(model, Page):
            page_published.disconnect(signal_handlers.page_published_signal_handler, model)
            page_unpublished.disconnect(signal_handlers.page_unpublished_signal_handler, model)
