"""Background polling on the django-tasks queue (``manage.py db_worker`` runs it).

The database backend has no cron, so the polling task re-enqueues itself with ``run_after``:
one chain per site, started by ``manage.py schedule_ingest`` (``make demo`` runs it). A second
chain is never started while one is waiting, so running the command twice is harmless.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from .ingest import ingest_due_feeds


def poll_interval() -> timedelta:
    """How often the worker looks for due feeds (each Feed has its own, longer interval)."""
    return timedelta(seconds=int(getattr(settings, "NEWSDESK_INGEST_POLL_SECONDS", 120)))


@task()
def poll_feeds(reschedule: bool = True) -> dict:
    """Poll the due feeds, then queue the next look (when the backend can defer tasks)."""
    try:
        summary = ingest_due_feeds()
    finally:
        if reschedule:
            schedule_polling(delay=poll_interval())
    return summary.as_json()


def _waiting_chain_exists() -> bool:
    """A not-yet-started poll_feeds in the database queue (only that backend can tell)."""
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover - the db backend is a project dependency
        return False
    return DBTaskResult.objects.filter(task_path=poll_feeds.module_path, status="READY").exists()


def schedule_polling(delay: timedelta | None = None) -> bool:
    """Queue poll_feeds after ``delay`` unless one is already waiting; True when queued.

    Backends that cannot defer (the immediate backend of the tests) are left alone: a task
    that re-enqueues itself there would run forever.
    """
    backend = poll_feeds.get_backend()
    if not backend.supports_defer:
        return False
    if _waiting_chain_exists():
        return False
    task_ = poll_feeds.using(run_after=timezone.now() + delay) if delay else poll_feeds
    task_.enqueue()
    return True
