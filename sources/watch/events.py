"""Recording what an outlet did to a stored article, once per change, and announcing it.

A changed text is seen by whichever path fetched it (the watch or a feed poll), and both store
it through ``ingest.storage``, which sends ``source_article_changed``; the receiver here turns
that into one event (CORRECTED when the new text adds a correction or update note). A
withdrawal is seen only by the watch, and recorded once until the article comes back.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..models import SourceArticle
from ..signals import source_event_recorded
from .corrections import new_correction_notes
from .models import SourceEvent


def record_event(article: SourceArticle, kind: str, when: datetime, **fields: Any) -> SourceEvent:
    """Store one event and announce it (the caller's transaction covers both)."""
    event = SourceEvent.objects.create(article=article, kind=kind, detected_at=when, **fields)
    source_event_recorded.send(sender=SourceEvent, event=event)
    return event


def record_change(article: SourceArticle, when: datetime) -> SourceEvent | None:
    """The article's text has just got a new version: CHANGED, or CORRECTED with the note."""
    latest = list(article.versions.order_by("-number")[:2])
    if len(latest) < 2:
        return None
    new, old = latest
    notes = new_correction_notes(old.text, new.text)
    kind = SourceEvent.Kind.CORRECTED if notes else SourceEvent.Kind.CHANGED
    return record_event(article, kind, when, version=new, note="\n\n".join(notes))


def on_source_article_changed(
    sender: type, *, article: SourceArticle, changed_at: datetime, **kwargs: Any
) -> None:
    """Receiver of ``source_article_changed`` (runs inside the storing transaction)."""
    record_change(article, changed_at)
