"""Receivers: a stored or changed source article is analysed and matched in a task."""

from __future__ import annotations

from sources.models import SourceArticle
from sources.signals import source_article_changed, source_article_created

from .tasks import analyse_source_article_task


def on_source_article_stored(sender, article: SourceArticle, **kwargs) -> None:
    analyse_source_article_task.enqueue(article.pk)


def connect() -> None:
    source_article_created.connect(on_source_article_stored, dispatch_uid="newsroom.analyse_new")
    source_article_changed.connect(
        on_source_article_stored, dispatch_uid="newsroom.analyse_changed"
    )
