"""Receivers: a stored or changed source article is analysed and matched in a task; what an
outlet did to the source of a live article is told to its editors, in a task."""

from __future__ import annotations

from django.db import transaction

from sources.models import SourceArticle, SourceEvent
from sources.signals import source_article_changed, source_article_created, source_event_recorded

from .source_watch import concerns_live_articles
from .tasks import analyse_source_article_task, notify_source_event_task


def on_source_article_stored(sender, article: SourceArticle, **kwargs) -> None:
    analyse_source_article_task.enqueue(article.pk)


def on_source_event_recorded(sender, event: SourceEvent, **kwargs) -> None:
    if concerns_live_articles(event):
        transaction.on_commit(lambda: notify_source_event_task.enqueue(event.pk))


def connect() -> None:
    source_article_created.connect(on_source_article_stored, dispatch_uid="newsroom.analyse_new")
    source_article_changed.connect(
        on_source_article_stored, dispatch_uid="newsroom.analyse_changed"
    )
    source_event_recorded.connect(on_source_event_recorded, dispatch_uid="newsroom.notify_editors")
