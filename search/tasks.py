"""Background tasks that keep the index and "Don't Miss" in step with published pages."""

from __future__ import annotations

from django.conf import settings
from django_tasks import task

from core.fragment_cache import bump_content_generation

from . import indexing
from .related import compute_and_store, refresh_stale
from .semantic import ann
from .semantic import store as semantic_store


@task()
def index_page_task(page_id: int) -> bool:
    """Index a page just published (or remove it if it is no longer live), then its neighbours."""
    indexed = indexing.index_page(page_id)
    indexing.fold_pending_bitmaps()  # after the write committed: see its docstring
    if indexed:
        compute_and_store(page_id)
        # Article pages cache their "Don't Miss" ids; the publish already bumped the cache
        # generation, but before these neighbours existed.
        bump_content_generation()
    return indexed


@task()
def remove_page_task(page_id: int) -> int:
    """Drop a page that was unpublished or deleted from the index."""
    removed = indexing.remove_pages([page_id])
    indexing.fold_pending_bitmaps()
    return removed


@task()
def refresh_related_task() -> int:
    """Periodic: recompute "Don't Miss" lists left stale by a lost or failed task."""
    return refresh_stale(limit=int(settings.NEWSDESK_RELATED_REFRESH_BATCH))


@task()
def index_source_articles_task(article_ids: list[int]) -> int:
    """Semantic vectors for source articles just ingested, signed or changed (newsroom search)."""
    return semantic_store.store_source_articles(article_ids)


@task()
def remove_source_articles_task(article_ids: list[int]) -> int:
    return semantic_store.remove(semantic_store.SOURCE, article_ids)


@task()
def semantic_maintenance_task() -> int:
    """Periodic: vectors for source articles a lost task missed, then save the ANN index files
    so that a worker starting later loads them instead of building (search/semantic/ann.py)."""
    missing = semantic_store.sources_missing_vectors(int(settings.NEWSDESK_SEMANTIC_BATCH))
    stored = semantic_store.store_source_articles(missing)
    semantic_store.remove_deleted_sources()
    ann.save_all()
    return stored
