"""Worker heartbeats, and recovery of tasks that a dead worker left RUNNING.

WHY: django-tasks-db marks a task RUNNING when a worker claims it and only ever changes that
status from inside the same worker. A worker killed with SIGKILL (or by the OOM killer, or with
its host) leaves the row RUNNING for ever: nothing retries it, nothing reports it. So each
worker process beats (a daemon thread updates its ``ProcessHeartbeat`` row every
``NEWSDESK_TASK_HEARTBEAT_SECONDS``) from the moment it starts (``core.worker``) or starts its
first task, and the scheduler
calls ``recover_interrupted_tasks`` on every tick: a RUNNING task whose worker has not beaten for
``NEWSDESK_TASK_DEAD_AFTER_SECONDS`` is put back to READY (the same row: its ``worker_ids``
then count the attempts) until ``NEWSDESK_TASK_MAX_ATTEMPTS``, then marked FAILED with
``WorkerLost`` as its exception and logged as an error, so it shows wherever failures show.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

logger = logging.getLogger(__name__)

WORKER_LOST_PATH = "core.task_health.WorkerLost"


class WorkerLost(Exception):  # noqa: N818 - the name is what shows as the task's exception
    """Recorded as the exception of a task whose worker died while running it."""


def heartbeat_interval() -> float:
    return float(settings.NEWSDESK_TASK_HEARTBEAT_SECONDS)


def dead_after() -> timedelta:
    return timedelta(seconds=float(settings.NEWSDESK_TASK_DEAD_AFTER_SECONDS))


def max_attempts() -> int:
    return max(1, int(settings.NEWSDESK_TASK_MAX_ATTEMPTS))


def beat(process_id: str, kind: str, started_at: datetime | None = None) -> None:
    """Record that this process is alive now (creates its row on the first beat)."""
    from .models import ProcessHeartbeat

    now = timezone.now()
    updated = ProcessHeartbeat.objects.filter(pk=process_id).update(last_seen=now)
    if not updated:
        ProcessHeartbeat.objects.update_or_create(
            pk=process_id,
            defaults={
                "kind": kind,
                "host": socket.gethostname()[:255],
                "pid": os.getpid(),
                "started_at": started_at or now,
                "last_seen": now,
            },
        )


class _WorkerBeater:
    """One daemon thread per worker process; it dies with the process, which is the point."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._worker_id: str | None = None
        self._thread: threading.Thread | None = None

    def ensure_running(self, worker_id: str) -> None:
        with self._lock:
            self._worker_id = worker_id
            if self._thread is not None and self._thread.is_alive():
                return
            self._thread = threading.Thread(
                target=self._run, name="newsdesk-heartbeat", daemon=True
            )
            self._thread.start()

    def _run(self) -> None:
        stop = threading.Event()
        while not stop.wait(heartbeat_interval()):
            worker_id = self._worker_id
            if worker_id is None:
                continue
            try:
                beat(worker_id, "worker")
            except DatabaseError:
                # Database restarting or locked: say so and try again next beat; the recovery
                # only acts after several missed beats, so one failure changes nothing.
                logger.warning("worker heartbeat failed; retrying", exc_info=True)
                connection.close()


_beater = _WorkerBeater()


def start_beating(worker_id: str) -> None:
    """Beat for ``worker_id`` from now on (a worker calls it at start and when it takes a new id).

    The thread beats the latest id given; an id no longer given falls silent, which is what lets
    the scheduler recover a task still RUNNING under it.
    """
    _beater.ensure_running(worker_id)


def on_task_started(sender: Any, task_result: Any, **kwargs: Any) -> None:
    """``task_started`` receiver: beat now, and keep beating while this worker lives.

    Only tasks run by a ``db_worker`` count: the immediate backend runs tasks inside the caller,
    whose life is not a worker's.
    """
    from django_tasks import task_backends
    from django_tasks_db.backend import DatabaseBackend

    if not task_result.worker_ids or not isinstance(
        task_backends[task_result.backend], DatabaseBackend
    ):
        return
    worker_id = task_result.worker_ids[-1]
    try:
        beat(worker_id, "worker")
    except DatabaseError:
        logger.warning("worker heartbeat failed at task start", exc_info=True)
    _beater.ensure_running(worker_id)


@dataclass(frozen=True)
class Recovery:
    """What was done to one interrupted task."""

    result_id: str
    task_path: str
    attempts: int
    action: str  # "retried" or "failed"

    def as_json(self) -> dict:
        return {
            "id": self.result_id,
            "task": self.task_path,
            "attempts": self.attempts,
            "action": self.action,
        }


def _last_sign_of_life(started_at: datetime, worker_id: str | None, beats: dict) -> datetime:
    seen = beats.get(worker_id)
    return max(started_at, seen) if seen else started_at


def recover_interrupted_tasks(now: datetime | None = None) -> list[Recovery]:
    """Retry (or, after too many attempts, fail) RUNNING tasks whose worker is gone.

    Each change is a compare-and-set on (status, started_at), so a worker that was only slow
    and finishes meanwhile, or a second scheduler, never has its outcome overwritten.
    """
    from django_tasks_db.models import DBTaskResult

    from .models import ProcessHeartbeat

    now = now or timezone.now()
    limit = dead_after()
    running = list(
        DBTaskResult.objects.filter(status="RUNNING").values(
            "id", "task_path", "started_at", "worker_ids"
        )
    )
    if not running:
        return []
    worker_ids = {row["worker_ids"][-1] for row in running if row["worker_ids"]}
    beats = dict(ProcessHeartbeat.objects.filter(pk__in=worker_ids).values_list("pk", "last_seen"))
    recoveries = []
    for row in running:
        worker_id = row["worker_ids"][-1] if row["worker_ids"] else None
        started = row["started_at"] or now
        if now - _last_sign_of_life(started, worker_id, beats) < limit:
            continue
        attempts = len(row["worker_ids"])
        same = DBTaskResult.objects.filter(
            pk=row["id"], status="RUNNING", started_at=row["started_at"]
        )
        if attempts < max_attempts():
            changed = same.update(status="READY", started_at=None)
            action = "retried"
            log = logger.warning
        else:
            changed = same.update(
                status="FAILED",
                finished_at=now,
                exception_class_path=WORKER_LOST_PATH,
                traceback=(
                    f"WorkerLost: worker {worker_id} stopped while running this task "
                    f"(attempt {attempts} of {max_attempts()}); not retried again.\n"
                ),
            )
            action = "failed"
            log = logger.error
        if changed:
            log(
                "Interrupted task %s (%s) %s after attempt %d: worker %s silent since %s",
                row["id"],
                row["task_path"],
                action,
                attempts,
                worker_id,
                _last_sign_of_life(started, worker_id, beats).isoformat(),
            )
            recoveries.append(Recovery(str(row["id"]), row["task_path"], attempts, action))
    return recoveries


def forget_silent_processes(older_than: timedelta = timedelta(days=1)) -> int:
    """Drop heartbeat rows of processes gone for long (every restart adds a worker id)."""
    from .models import ProcessHeartbeat

    deleted, _ = ProcessHeartbeat.objects.filter(last_seen__lt=timezone.now() - older_than).delete()
    return deleted
