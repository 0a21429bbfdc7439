"""Signal receivers: enqueue index work, never do it in the request that published the page."""

from __future__ import annotations

import logging

from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

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


def connect() -> None:
    page_published.connect(on_page_published, dispatch_uid="search.index_on_publish")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="search.remove_on_unpublish")
    # sender=Page: a receiver without a sender would stop Django's fast deletes for every model.
    post_delete.connect(on_page_deleted, sender=Page, dispatch_uid="search.remove_on_delete")
