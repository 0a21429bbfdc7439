"""Real ``run_worker`` and ``run_scheduler`` processes: SIGKILL mid-task, database errors.

Each test starts the processes it needs (``core/testing/processes.py``), waits for what must
happen with a deadline (polling, never a fixed sleep), and kills every process it started in
teardown. Intervals are shortened through the environment (one second per job, ticks of 0.3 s,
a worker counts as dead after 3 s of silence) so a test takes seconds, not minutes; process
start-up on a loaded two-core machine is what the generous deadlines are for.
"""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from articles.testing.factories import make_article
from core.task_health import WORKER_LOST_PATH
from core.testing.processes import Processes, as_aware, wait_until

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BLOCK = "core.testing.periodic_probe.tasks.block_until_released"
PERIODIC_TASKS = {
    "core.tasks.publish_scheduled_task",
    "sources.tasks.poll_feeds",
    "sources.tasks.watch_sources",
    "search.tasks.refresh_related_task",
    "core.tasks.prune_task_results",
    BLOCK,
}
START_UP = 120  # seconds a process may take to import Django and Wagtail on a busy machine
SOON = 60
WORKER_FAILED = "Worker loop failed on a database error"


@pytest.fixture
def probe_dir(tmp_path: Path) -> Path:
    path = tmp_path / "probe"
    path.mkdir()
    return path


@pytest.fixture
def procs(restore_migrated_data, tmp_path: Path, probe_dir: Path):
    """A process runner for the test's database; every process it started is killed after."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsdesk.settings.processtest",
        "PROBE_DIR": str(probe_dir),
        "NEWSDESK_SCHEDULER_TICK_SECONDS": "0.3",
        "NEWSDESK_SCHEDULER_MAX_BACKOFF_SECONDS": "1",
        "NEWSDESK_PUBLISH_SCHEDULED_SECONDS": "1",
        "NEWSDESK_INGEST_POLL_SECONDS": "1",
        "NEWSDESK_SOURCE_WATCH_POLL_SECONDS": "1",
        "NEWSDESK_RELATED_REFRESH_SECONDS": "1",
        "NEWSDESK_TASK_PRUNE_SECONDS": "1",
        "NEWSDESK_TASK_HEARTBEAT_SECONDS": "0.5",
        "NEWSDESK_TASK_DEAD_AFTER_SECONDS": "3",
        "NEWSDESK_TASK_MAX_ATTEMPTS": "2",
    }
    runner = Processes(env, tmp_path)
    try:
        yield runner
    finally:
        runner.stop_all()


def start_worker(procs: Processes, worker_id: str) -> None:
    procs.start(
        worker_id,
        "run_worker",
        "--queue-name",
        "*",
        "--interval",
        "0.2",
        "--no-startup-delay",
        "--no-reload",
        "--worker-id",
        worker_id,
        PROBE_APP_NAME=worker_id,
    )


def start_scheduler(procs: Processes) -> None:
    procs.start("scheduler", "run_scheduler", PROBE_APP_NAME="nd-scheduler")


def blocked_run(procs: Processes, worker_id: str) -> dict | None:
    for run in procs.db.tasks(BLOCK):
        if run["status"] == "RUNNING" and run["worker_ids"][-1:] == [worker_id]:
            return run
    return None


def successful_runs(procs: Processes, task_path: str) -> set[str]:
    return {run["id"] for run in procs.db.tasks(task_path) if run["status"] == "SUCCESSFUL"}


def schedule_article(go_live_in: timedelta):
    article = make_article(live=False, title="Harbour reopens")
    article.go_live_at = timezone.now() + go_live_in
    article.save_revision().publish()
    article.refresh_from_db()
    assert not article.live
    return article


def page_state(procs: Processes, page_id: int):
    live, first_published = procs.db.rows(
        "SELECT live, first_published_at FROM wagtailcore_page WHERE id = %s", (page_id,)
    )[0]
    return bool(live), as_aware(first_published)


def test_killed_worker_mid_task_is_retried_then_reported_and_every_job_resumes(
    procs: Processes, probe_dir: Path
) -> None:
    article = schedule_article(timedelta(seconds=2))  # due while the workers are being killed
    start_scheduler(procs)
    start_worker(procs, "w1")

    # w1 runs the blocking job; SIGKILL it in the middle of that task.
    first = wait_until(lambda: blocked_run(procs, "w1"), START_UP, "w1 to block", procs.logs)
    procs.kill("w1")
    assert procs.db.tasks(BLOCK)[-1]["status"] == "RUNNING"  # what the task backend leaves

    # The scheduler notices w1's silence and hands the same run back; w2 picks it up (attempt 2).
    start_worker(procs, "w2")
    retried = wait_until(lambda: blocked_run(procs, "w2"), START_UP, "the retry", procs.logs)
    assert retried["id"] == first["id"] and retried["worker_ids"] == ["w1", "w2"]
    before_second_kill = {path: successful_runs(procs, path) for path in PERIODIC_TASKS}
    procs.kill("w2")

    # Attempts exhausted (NEWSDESK_TASK_MAX_ATTEMPTS=2): reported as failed, not run again.
    def reported():
        run = next(r for r in procs.db.tasks(BLOCK) if r["id"] == first["id"])
        return run if run["status"] == "FAILED" else None

    failed = wait_until(reported, SOON, "the interrupted task to be failed", procs.logs)
    assert failed["exception"] == WORKER_LOST_PATH
    assert "Interrupted task" in procs.log("scheduler") and "failed after attempt 2" in (
        procs.log("scheduler")
    )

    # A worker comes back and, with nobody running any command, every periodic job runs again.
    (probe_dir / "release").touch()
    start_worker(procs, "w3")

    def all_resumed():
        return all(
            successful_runs(procs, path) - before_second_kill[path] for path in PERIODIC_TASKS
        )

    wait_until(all_resumed, START_UP, "every periodic job to run after the restart", procs.logs)
    live, first_published = wait_until(
        lambda: page_state(procs, article.pk)[0] and page_state(procs, article.pk),
        SOON,
        "the scheduled article to go live",
        procs.logs,
    )
    assert first_published >= article.go_live_at  # never before its time
    assert procs.running["scheduler"].poll() is None  # the scheduler never stopped

    report = json.loads(procs.command("scheduler_status", "--json", timeout=START_UP))
    interrupted = [t["id"].replace("-", "") for t in report["interrupted_tasks"]]
    assert first["id"].replace("-", "") in interrupted
    assert {job["name"] for job in report["jobs"]} >= {
        "wagtail.publish_scheduled",
        "sources.poll_feeds",
        "search.refresh_related",
        "probe.block",
    }
    assert any(p["id"] == "w3" and p["alive"] for p in report["processes"])


def test_scheduled_article_goes_live_on_time_with_real_processes(procs: Processes) -> None:
    start_scheduler(procs)
    start_worker(procs, "w1")
    (Path(procs.env["PROBE_DIR"]) / "release").touch()  # the probe job must not block here
    wait_until(
        lambda: successful_runs(procs, "core.tasks.publish_scheduled_task"),
        START_UP,
        "the processes to start",
        procs.logs,
    )
    # Scheduled by another process while these run, as an editor in the admin would.
    output = procs.command("shell", "--no-imports", "-c", SCHEDULE_ARTICLE, timeout=START_UP)
    created = json.loads(output.strip().splitlines()[-1])
    go_live_at = as_aware(created["go_live_at"])
    live, first_published = wait_until(
        lambda: page_state(procs, created["pk"])[0] and page_state(procs, created["pk"]),
        SOON,
        "the scheduled article to go live",
        procs.logs,
    )
    # Publish job every 1 s plus a tick of 0.3 s here; production's 30 s keeps it in a minute.
    assert timedelta(0) <= first_published - go_live_at < timedelta(seconds=10)


SCHEDULE_ARTICLE = """
import json
from datetime import UTC, timedelta
from django.utils import timezone
from articles.testing.factories import make_article
page = make_article(live=False, title="Ferry strike ends")
page.go_live_at = timezone.now() + timedelta(seconds=2)
page.save_revision().publish()
page.refresh_from_db()
assert not page.live
print(json.dumps({"pk": page.pk, "go_live_at": page.go_live_at.astimezone(UTC).isoformat()}))
"""


def test_scheduler_and_worker_survive_a_database_error_and_resume(procs: Processes) -> None:
    start_scheduler(procs)
    start_worker(procs, "w1")
    (Path(procs.env["PROBE_DIR"]) / "release").touch()
    publish = "core.tasks.publish_scheduled_task"
    wait_until(lambda: successful_runs(procs, publish), START_UP, "a first run", procs.logs)

    if procs.db.sqlite_path is not None:
        # Hold the write lock longer than the processes' busy timeout (0.5 s): every tick fails.
        holder = sqlite3.connect(procs.db.sqlite_path, isolation_level=None, timeout=10)
        try:
            holder.execute("BEGIN IMMEDIATE")
            wait_until(
                lambda: "failed on a database error" in procs.log("scheduler"),
                SOON,
                "the scheduler to hit the locked database",
                procs.logs,
            )
            # django-tasks-db's own db_worker exits here; run_worker must wait and come back.
            wait_until(
                lambda: WORKER_FAILED in procs.log("w1"),
                SOON,
                "the worker to hit the locked database",
                procs.logs,
            )
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        wait_until(
            lambda: "Scheduler reconnected" in procs.log("scheduler"),
            SOON,
            "the scheduler to recover",
            procs.logs,
        )
        wait_until(
            lambda: "Worker reconnected" in procs.log("w1"),
            SOON,
            "the worker to recover",
            procs.logs,
        )
    else:
        # Cut the scheduler's and the worker's PostgreSQL connections, as a server restart would.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE application_name IN ('nd-scheduler', 'w1') "
                "AND datname = current_database()"
            )
            assert cursor.fetchone()[0] >= 1
    after = successful_runs(procs, publish)
    wait_until(
        lambda: successful_runs(procs, publish) - after,
        SOON,
        "a run enqueued after the database error",
        procs.logs,
    )
    assert procs.running["scheduler"].poll() is None
    assert procs.running["w1"].poll() is None  # the same worker process ran it
