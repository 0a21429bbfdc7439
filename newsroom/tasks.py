"""Background work of the newsroom: analyse stored source articles, match watches, send digests."""

from __future__ import annotations

from django_tasks import task

from sources.models import SourceArticle

from . import inbox_search, source_watch, watches


@task()
def analyse_source_article_task(article_id: int) -> bool:
    """Analyse a new or changed source article for inbox search, then match it to watches."""
    article = SourceArticle.objects.select_related("outlet").filter(pk=article_id).first()
    if article is None:
        return False
    inbox_search.index_source_article(article)
    watches.match_article(article)
    return True


@task()
def send_watch_digests_task() -> int:
    """Periodic: record cross-language watch matches, then e-mail owners whose digest is due."""
    watches.match_cross_language()
    return watches.send_due_digests()


@task()
def notify_source_event_task(event_id: int) -> int:
    """Tell the editors of the live articles based on a source what its outlet did to it."""
    return source_watch.notify_editors(event_id)
