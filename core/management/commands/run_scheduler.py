"""`manage.py run_scheduler`: the one process that enqueues all periodic work.

Stateless: every tick reads and writes its state in the database (``core/scheduler.py``), so
killing and restarting it loses nothing. It survives the database going away: a tick that
fails on a database error is logged, the connection is dropped, and the next tick is tried
after a back-off that doubles up to ``NEWSDESK_SCHEDULER_MAX_BACKOFF_SECONDS``; the first good
tick after that resets it. Run exactly one per site under a supervisor that restarts it
(systemd ``Restart=always``); ``--once`` does a single tick for cron or a systemd timer.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections, connections
from django.utils import timezone
from django.utils.crypto import get_random_string

from core import scheduler, task_health

logger = logging.getLogger("core.scheduler")


class Command(BaseCommand):
    help = "Enqueue periodic jobs (feed polling, scheduled publishing, Don't Miss) when due."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=None,
            help="Seconds between ticks (default NEWSDESK_SCHEDULER_TICK_SECONDS).",
        )
        parser.add_argument("--once", action="store_true", help="Run one tick and exit.")

    def handle(self, *args, interval, once, **options):
        self._configure_logging(options["verbosity"])
        tick_seconds = interval or float(settings.NEWSDESK_SCHEDULER_TICK_SECONDS)
        max_backoff = float(settings.NEWSDESK_SCHEDULER_MAX_BACKOFF_SECONDS)
        if once:
            report = scheduler.tick()
            self.stdout.write(_summary(report))
            return
        stop = threading.Event()

        def request_stop(signum, frame):
            logger.warning("Received %s: scheduler stopping", signal.strsignal(signum))
            stop.set()

        signal.signal(signal.SIGTERM, request_stop)
        signal.signal(signal.SIGINT, request_stop)
        process_id = f"scheduler-{get_random_string(16)}"
        started = timezone.now()
        logger.warning("Scheduler %s started, tick every %.1f s", process_id, tick_seconds)
        failures = 0
        while not stop.is_set():
            delay = tick_seconds
            try:
                close_old_connections()
                scheduler.tick()  # logs what it enqueues and recovers
                task_health.beat(process_id, "scheduler", started_at=started)
                if failures:
                    logger.warning("Scheduler reconnected after %d failed tick(s)", failures)
                failures = 0
            except DatabaseError:
                failures += 1
                delay = min(max_backoff, tick_seconds * 2 ** min(failures, 10))
                logger.error(
                    "Scheduler tick failed on a database error (%d in a row); retrying in %.1f s",
                    failures,
                    delay,
                    exc_info=True,
                )
                connections.close_all()
            except Exception:
                # A bug in one job's registration must not stop the others for good: log it
                # with its traceback and try again after the back-off.
                failures += 1
                delay = min(max_backoff, tick_seconds * 2 ** min(failures, 10))
                logger.exception("Scheduler tick failed; retrying in %.1f s", delay)
            stop.wait(delay)
        connections.close_all()
        sys.exit(0)

    def _configure_logging(self, verbosity: int) -> None:
        """Log to stderr even when the project's root logger is at WARNING (a service log)."""
        if not logger.handlers:
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
            logger.addHandler(handler)
            logger.propagate = False
        logger.setLevel(logging.DEBUG if verbosity > 1 else logging.INFO)
        for name in ("core.task_health",):
            logging.getLogger(name).setLevel(logging.INFO)


def _summary(report: scheduler.TickReport) -> str:
    parts = [f"enqueued: {', '.join(report.enqueued) or 'none'}"]
    if report.waiting:
        parts.append(f"still in flight: {', '.join(report.waiting)}")
    for recovery in report.recoveries:
        parts.append(
            f"interrupted task {recovery.result_id} ({recovery.task_path}) {recovery.action}"
        )
    return "; ".join(parts)
