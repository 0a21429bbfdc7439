"""Feed polling and the watch of published sources on the django-tasks queue; ``manage.py
run_scheduler`` enqueues the periodic ones.

The schedule lives in the scheduler (``core/scheduling.py``, registered in ``SourcesConfig``),
not in the task: a task that re-queued itself when it finished stopped for good the first time
its worker was killed mid-run.
"""

from __future__ import annotations

from django_tasks import task

from .ingest.runs import ingest_due_feeds
from .watch.runs import check_watches, enqueue_due_checks

# Its own queue, so a slow poll (politeness delays, big pages) never holds up scheduled
# publishing on a worker that serves only "default" (docs/deployment.md, "Processes").
INGEST_QUEUE = "ingest"


@task(queue_name=INGEST_QUEUE)
def poll_feeds() -> dict:
    """Poll every feed that is due (each Feed has its own interval)."""
    return ingest_due_feeds().as_json()


@task(queue_name=INGEST_QUEUE)
def check_watched_sources(watch_ids: list[int]) -> dict:
    """Re-fetch these watched sources (one outlet host per task, so politeness holds)."""
    return check_watches(watch_ids).as_json()


@task(queue_name=INGEST_QUEUE)
def watch_sources() -> dict:
    """Enqueue a check of every watched source that is due (sources/watch/)."""
    return enqueue_due_checks(lambda ids: check_watched_sources.enqueue(ids)).as_json()
