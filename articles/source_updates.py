""" "Source updated since publication": flags on the pages based on a source article that changed
(or was withdrawn), and which sources the watch after publication must re-fetch.

The sources app announces a changed text with ``sources.signals.source_article_changed`` and
knows nothing of pages (articles depend on sources, not the reverse); this receiver, connected
in ``ArticlesConfig.ready``, marks the published pages based on it so editors see the change.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import F, Max, Q

from sources.models import SourceArticle, SourceEvent

from .models import ArticleSourceLink


def flag_pages_based_on(article: SourceArticle, now: datetime) -> int:
    """Mark published ArticlePages based on ``article`` as "source updated since publication".

    The version the page was based on is the last one captured before the page was last
    published, so the admin can show exactly what changed since the editor looked. Pages
    already flagged keep their first flag (and the version they were based on).
    """
    links = ArticleSourceLink.objects.filter(
        source_article=article,
        page__first_published_at__isnull=False,
        source_updated_at__isnull=True,
    ).select_related("page")
    flagged = 0
    for link in links:
        published = link.page.last_published_at or link.page.first_published_at
        before = (
            article.versions.filter(captured_at__lte=published)
            .order_by("-number")
            .values_list("number", flat=True)
            .first()
        )
        link.source_version_at_publication = before or 1
        link.source_updated_at = now
        link.save(update_fields=["source_version_at_publication", "source_updated_at"])
        flagged += 1
    return flagged


def on_source_article_changed(
    sender: type, *, article: SourceArticle, changed_at: datetime, **kwargs: Any
) -> None:
    """Receiver of ``source_article_changed`` (runs inside the ingest's transaction)."""
    flag_pages_based_on(article, changed_at)


def sources_to_watch() -> list[tuple[int, datetime]]:
    """(source article id, latest first publication of a live page based on it) for sources
    not yet watched since that publication: what ``sources.watch`` should start watching.

    One query; it returns nothing once every live page's sources are watched, so the periodic
    job can ask on every pass (and pages made without a publish signal, by the importer or
    before the watch existed, are picked up too).
    """
    latest = (
        SourceArticle.objects.filter(
            article_links__page__live=True, article_links__page__first_published_at__isnull=False
        )
        .annotate(published=Max("article_links__page__first_published_at"))
        .filter(Q(watch__isnull=True) | Q(watch__anchor_at__lt=F("published")))
        .values_list("pk", "published")
    )
    return list(latest)


def on_source_event_recorded(sender: type, *, event: SourceEvent, **kwargs: Any) -> None:
    """A withdrawn source flags its pages like a changed one (changes flag them already)."""
    if event.kind == SourceEvent.Kind.WITHDRAWN:
        flag_pages_based_on(event.article, event.detected_at)
