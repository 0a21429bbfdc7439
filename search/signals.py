"""Signal receivers: enqueue index work, never do it in the request that published the page."""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from core.http_cache import declare_private_view
from core.purge import register_purge_provider
from sources.models import SourceArticle
from sources.signals import source_article_changed, source_articles_signed

logger = logging.getLogger(__name__)


def on_page_published(sender, instance, **kwargs):
    from .tasks import index_page_task

    index_page_task.enqueue(instance.pk)


def on_page_unpublished(sender, instance, **kwargs):
    from .tasks import remove_page_task

    remove_page_task.enqueue(instance.pk)


def on_page_deleted(sender, instance, **kwargs):
    # Deleting an ArticlePage also deletes its Page row, which sends this with sender=Page.
    from .tasks import remove_page_task

    remove_page_task.enqueue(instance.pk)


def on_source_articles_signed(sender, article_ids, **kwargs):
    from .tasks import index_source_articles_task

    index_source_articles_task.enqueue(list(article_ids))


def on_source_article_changed(sender, article, **kwargs):
    from .tasks import index_source_articles_task

    transaction.on_commit(lambda: index_source_articles_task.enqueue([article.pk]))


def on_source_article_deleted(sender, instance, **kwargs):
    from .tasks import remove_source_articles_task

    pk = instance.pk
    transaction.on_commit(lambda: remove_source_articles_task.enqueue([pk]))


def stored_related_purge(page, purge) -> None:
    """Front-cache purge: every article whose stored "Don't Miss" neighbours include `page`."""
    from wagtail.models import Page

    from .related import pages_showing

    for other in Page.objects.filter(pk__in=pages_showing(page.pk)).specific(defer=True):
        purge.add_page(other)


def connect() -> None:
    # Results depend on the query and the reader's rate-limit state: never in a shared cache.
    declare_private_view("search:search", "api_search")
    register_purge_provider(stored_related_purge)
    page_published.connect(on_page_published, dispatch_uid="search.index_on_publish")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="search.remove_on_unpublish")
    # sender=Page: a receiver without a sender would stop Django's fast deletes for every model.
    post_delete.connect(on_page_deleted, sender=Page, dispatch_uid="search.remove_on_delete")
    # The semantic index also covers source articles, for the newsroom's cross-language search.
    source_articles_signed.connect(
        on_source_articles_signed, dispatch_uid="search.semantic_on_signed"
    )
    source_article_changed.connect(
        on_source_article_changed, dispatch_uid="search.semantic_on_changed"
    )
    post_delete.connect(
        on_source_article_deleted, sender=SourceArticle, dispatch_uid="search.semantic_on_delete"
    )
