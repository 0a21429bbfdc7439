"""Feed polling on the django-tasks queue; ``manage.py run_scheduler`` enqueues it periodically.

The schedule lives in the scheduler (``core/scheduling.py``, registered in ``SourcesConfig``),
not in the task: a task that re-queued itself when it finished stopped for good the first time
its worker was killed mid-run.
"""

from __future__ import annotations

from django_tasks import task

from .ingest.runs import ingest_due_feeds

# Its own queue, so a slow poll (politeness delays, big pages) never holds up scheduled
# publishing on a worker that serves only "default" (docs/deployment.md, "Processes").
INGEST_QUEUE = "ingest"


@task(queue_name=INGEST_QUEUE)
def poll_feeds() -> dict:
    """Poll every feed that is due (each Feed has its own interval)."""
    return ingest_due_feeds().as_json()
