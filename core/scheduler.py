"""One scheduler tick: recover interrupted tasks, then enqueue every periodic job that is due.

WHY this shape: the scheduler process (``manage.py run_scheduler``) keeps nothing in memory
between ticks. When a job is due and how its last run went live in ``PeriodicJobState``, so a
scheduler restarted after a crash (or a second one started by mistake) continues exactly where
the last tick left off. It only enqueues django-tasks; the ``db_worker`` processes run them, so
a slow feed poll never delays the scheduler's own clock.

A job is not enqueued again while its previous run is still READY or RUNNING: after an outage
there is one run per job waiting, not one per missed interval. A RUNNING run whose worker died
is first handed back to READY (or failed) by ``core.task_health``, which unblocks the job.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django_tasks.exceptions import TaskResultDoesNotExist

from . import task_health
from .models import PeriodicJobState
from .scheduling import PeriodicJob, periodic_jobs

logger = logging.getLogger(__name__)

IN_FLIGHT = {"READY", "RUNNING"}


@dataclass
class TickReport:
    """What one tick did, for logs and tests."""

    enqueued: list[str] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)
    recoveries: list[task_health.Recovery] = field(default_factory=list)


def result_status(job: PeriodicJob, result_id: str) -> str | None:
    """The status of a run, or None when the backend cannot tell (or the row was pruned)."""
    backend = job.task.get_backend()
    if not result_id or not backend.supports_get_result:
        return None
    try:
        return str(backend.get_result(result_id).status)
    except TaskResultDoesNotExist:
        return None


def _record_finished(state: PeriodicJobState, job: PeriodicJob) -> None:
    """Copy the outcome of the last run into the job's state once, when it has finished."""
    backend = job.task.get_backend()
    if not state.last_result_id or not backend.supports_get_result:
        return
    try:
        result = backend.get_result(state.last_result_id)
    except TaskResultDoesNotExist:
        return
    status = str(result.status)
    if status in IN_FLIGHT or status == state.last_status:
        return
    state.last_status = status
    state.last_finished_at = result.finished_at
    if status == "FAILED":
        state.failures += 1
        logger.error("Periodic job %s failed (task result %s)", job.name, state.last_result_id)
    state.save(update_fields=["last_status", "last_finished_at", "failures"])


def tick_job(job: PeriodicJob, now: datetime) -> bool | None:
    """Enqueue ``job`` if it is due and not in flight: True enqueued, None still in flight.

    Runs in one transaction with the state row locked (``select_for_update`` on PostgreSQL; the
    IMMEDIATE transactions of the SQLite settings take the write lock at BEGIN), and the
    database task backend writes its row in that same transaction: the state and the queued
    run are committed together or not at all.
    """
    with transaction.atomic():
        state, _ = PeriodicJobState.objects.select_for_update().get_or_create(
            name=job.name, defaults={"next_run_at": now}
        )
        status = result_status(job, state.last_result_id)
        if status in IN_FLIGHT:
            return None
        _record_finished(state, job)
        if state.next_run_at > now:
            return False
        result = job.task.enqueue()
        state.last_result_id = str(result.id)
        state.last_enqueued_at = now
        state.next_run_at = now + job.interval
        state.runs += 1
        state.last_status = str(result.status)
        if state.last_status not in IN_FLIGHT:  # a backend that ran it already (tests)
            state.last_finished_at = result.finished_at
        state.save()
    logger.info("Enqueued periodic job %s (task result %s)", job.name, result.id)
    return True


def tick(now: datetime | None = None) -> TickReport:
    """One pass over every registered job; database errors propagate to the caller's back-off."""
    now = now or timezone.now()
    report = TickReport(recoveries=_recover())
    for job in periodic_jobs():
        outcome = tick_job(job, now)
        if outcome:
            report.enqueued.append(job.name)
        elif outcome is None:
            report.waiting.append(job.name)
    return report


def _recover() -> list[task_health.Recovery]:
    """Interrupted-task recovery needs the database backend; other backends have no rows."""
    from django_tasks import task_backends
    from django_tasks_db.backend import DatabaseBackend

    if not any(isinstance(backend, DatabaseBackend) for backend in task_backends.all()):
        return []
    return task_health.recover_interrupted_tasks()
