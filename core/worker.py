"""The task worker that outlives a database restart: django-tasks-db's loop, restarted on errors.

WHY: django-tasks-db's ``db_worker`` exits on any database error other than a lock it sees
while claiming a task, and on SQLite even a lock held a little longer than the busy timeout
escapes (``BEGIN IMMEDIATE`` fails before its own lock check). Behind a supervisor that is only
a restart, but a worker started by hand (``make demo``) or by a supervisor that gave up after a
few quick exits is then gone until someone notices. ``ResilientWorker`` keeps the library's
loop and claiming logic as they are and only wraps them: a ``DatabaseError`` that escapes is
logged, every connection is dropped, and the loop starts again after a back-off that doubles up
to ``NEWSDESK_WORKER_MAX_BACKOFF_SECONDS``; the first loop that runs again logs "Worker
reconnected".

A task that was running when the error escaped may be left RUNNING (the library could not
record its outcome). The worker then carries on under a new worker id, so the old id falls
silent and the scheduler's recovery (``core.task_health.recover_interrupted_tasks``) retries or
fails that task by the same rule as a task of a killed worker: one rule, one place.
"""

from __future__ import annotations

import logging
import threading
from types import FrameType
from typing import Any

from django.db import DatabaseError, connections
from django_tasks_db.management.commands.db_worker import Worker

from . import task_health

logger = logging.getLogger("django_tasks_db")


def backoff_seconds(failures: int, interval: float, maximum: float) -> float:
    """Seconds to wait after ``failures`` failed loops in a row: doubling, capped."""
    base = max(interval, 0.1)
    return min(maximum, base * 2 ** min(max(failures - 1, 0), 10))


class ResilientWorker(Worker):
    """A ``db_worker`` loop that comes back after the database does."""

    def __init__(self, *, max_backoff: float, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.max_backoff = max_backoff
        self.base_worker_id = self.worker_id
        self.restarts = 0
        self._stop = threading.Event()

    def shutdown(self, signum: int, frame: FrameType | None) -> None:
        self._stop.set()  # wakes a back-off wait at once
        super().shutdown(signum, frame)

    def run(self) -> None:
        task_health.start_beating(self.worker_id)
        failures = 0
        while self.running:
            try:
                if failures:
                    # The library's loop only logs this once it has claimed nothing or something:
                    # say it here so operators see the recovery next to the failure.
                    logger.warning(
                        "Worker reconnected after %d failed attempt(s); worker_id=%s",
                        failures,
                        self.worker_id,
                    )
                super().run()
                return  # --batch or --max-tasks finished it
            except DatabaseError:
                failures += 1
                delay = backoff_seconds(failures, self.interval, self.max_backoff)
                logger.error(
                    "Worker loop failed on a database error (%d in a row); retrying in %.1f s",
                    failures,
                    delay,
                    exc_info=True,
                )
                connections.close_all()
                self._take_new_identity()
                self.startup_delay = False
                if self._stop.wait(delay):
                    return

    def _take_new_identity(self) -> None:
        """Leave the old id silent so a task it held is recovered like a killed worker's."""
        self.restarts += 1
        suffix = f"-r{self.restarts}"
        self.worker_id = f"{self.base_worker_id[: 64 - len(suffix)]}{suffix}"
        task_health.start_beating(self.worker_id)
