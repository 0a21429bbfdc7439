"""What the periodic work is doing, for ``manage.py scheduler_status`` and monitoring.

WHY a report of its own: "the scheduler is fine" means more than "its process exists": each job
ran recently, no run is stuck, no worker died holding a task, and the scheduler itself ticked
a moment ago. All of it is read from the database, so any host can ask.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from . import task_health
from .models import PeriodicJobState, ProcessHeartbeat
from .scheduler import result_status
from .scheduling import periodic_jobs


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def build_report(
    now: datetime | None = None, *, interrupted_since: timedelta | None = None
) -> dict:
    """Jobs, processes and recently interrupted tasks as plain JSON-ready data.

    ``healthy`` is False when the scheduler has not ticked within three dead-after periods, or
    a job is overdue by more than two of its intervals plus that margin (nothing is enqueuing
    it or no worker runs it).
    """
    now = now or timezone.now()
    margin = task_health.dead_after()
    states = {state.name: state for state in PeriodicJobState.objects.all()}
    jobs = []
    overdue = []
    for job in periodic_jobs():
        state = states.get(job.name)
        in_flight = result_status(job, state.last_result_id) if state else None
        entry = {
            "name": job.name,
            "task": job.task.module_path,
            "queue": job.task.queue_name,
            "interval_seconds": job.interval.total_seconds(),
            "description": job.description,
            "next_run_at": _iso(state.next_run_at) if state else None,
            "last_enqueued_at": _iso(state.last_enqueued_at) if state else None,
            "last_status": (in_flight or state.last_status) if state else None,
            "last_finished_at": _iso(state.last_finished_at) if state else None,
            "runs": state.runs if state else 0,
            "failures": state.failures if state else 0,
        }
        if state is None or state.next_run_at < now - 2 * job.interval - margin:
            overdue.append(job.name)
        jobs.append(entry)
    processes = [
        {
            "id": beat.process_id,
            "kind": beat.kind,
            "host": beat.host,
            "pid": beat.pid,
            "started_at": _iso(beat.started_at),
            "last_seen": _iso(beat.last_seen),
            "alive": now - beat.last_seen < margin,
        }
        for beat in ProcessHeartbeat.objects.order_by("-last_seen")[:50]
    ]
    scheduler_seen = max(
        (beat.last_seen for beat in ProcessHeartbeat.objects.filter(kind="scheduler")),
        default=None,
    )
    scheduler_alive = scheduler_seen is not None and now - scheduler_seen < 3 * margin
    return {
        "now": now.isoformat(),
        "healthy": scheduler_alive and not overdue,
        "scheduler_last_tick": _iso(scheduler_seen),
        "overdue_jobs": overdue,
        "jobs": jobs,
        "processes": processes,
        "running_tasks": _running_tasks(),
        "interrupted_tasks": _interrupted(now - (interrupted_since or timedelta(days=1))),
    }


def _running_tasks() -> list[dict]:
    from django_tasks_db.models import DBTaskResult

    return [
        {
            "id": str(row["id"]),
            "task": row["task_path"],
            "started_at": _iso(row["started_at"]),
            "attempts": len(row["worker_ids"]),
            "worker": row["worker_ids"][-1] if row["worker_ids"] else None,
        }
        for row in DBTaskResult.objects.filter(status="RUNNING").values(
            "id", "task_path", "started_at", "worker_ids"
        )[:100]
    ]


def _interrupted(since: datetime) -> list[dict]:
    """Tasks the recovery gave up on (FAILED with ``WorkerLost``), newest first."""
    from django_tasks_db.models import DBTaskResult

    return [
        {
            "id": str(row["id"]),
            "task": row["task_path"],
            "finished_at": _iso(row["finished_at"]),
            "attempts": len(row["worker_ids"]),
        }
        for row in DBTaskResult.objects.filter(
            status="FAILED",
            exception_class_path=task_health.WORKER_LOST_PATH,
            finished_at__gte=since,
        )
        .order_by("-finished_at")
        .values("id", "task_path", "finished_at", "worker_ids")[:100]
    ]
