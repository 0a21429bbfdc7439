"""The scheduler tick, interrupted-task recovery and scheduled publishing, in one process.

The real-process behaviour (SIGKILLed workers, database errors) is in
``test_scheduler_processes.py``; here each rule is checked on its own against the database
task backend's rows, with the clock passed in explicitly.
"""

from __future__ import annotations

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task

from core import scheduler, task_health
from core.models import PeriodicJobState, ProcessHeartbeat
from core.scheduling import periodic_jobs, register_periodic_job, unregister_periodic_job
from core.tasks import prune_task_results

pytestmark = pytest.mark.django_db

DB_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "ingest"]}
}


@task()
def noop() -> str:
    return "ok"


@pytest.fixture
def db_queue(settings):
    """The database task backend, as in production: enqueued tasks wait for a worker."""
    settings.TASKS = DB_TASKS


def rows(task_path: str | None = None):
    from django_tasks_db.models import DBTaskResult

    qs = DBTaskResult.objects.all()
    return qs.filter(task_path=task_path) if task_path else qs


def finish_all(status: str = "SUCCESSFUL") -> None:
    rows().filter(status__in=["READY", "RUNNING"]).update(status=status, finished_at=timezone.now())


def test_every_periodic_job_is_registered_once_with_a_task() -> None:
    names = {job.name for job in periodic_jobs()}
    assert {
        "sources.poll_feeds",
        "wagtail.publish_scheduled",
        "search.refresh_related",
        "core.prune_task_results",
    } <= names
    with pytest.raises(ValueError, match="already registered"):
        register_periodic_job("sources.poll_feeds", timedelta(seconds=5), noop)


def test_a_due_job_is_enqueued_once_and_not_again_while_in_flight(db_queue) -> None:
    now = timezone.now()
    report = scheduler.tick(now)
    assert set(report.enqueued) == {job.name for job in periodic_jobs()}
    assert rows().filter(status="READY").count() == len(periodic_jobs())

    # The worker is down for an hour: every tick finds the runs still queued, adds none.
    for minutes in range(1, 61, 7):
        later = scheduler.tick(now + timedelta(minutes=minutes))
        assert later.enqueued == [] and set(later.waiting) == set(report.enqueued)
    assert rows().count() == len(periodic_jobs())

    # Back up: once a run has finished the job is enqueued at its next due time, only once.
    finish_all()
    state = PeriodicJobState.objects.get(name="wagtail.publish_scheduled")
    assert scheduler.tick(state.next_run_at - timedelta(seconds=1)).enqueued == []
    due = scheduler.tick(now + timedelta(days=1))
    assert set(due.enqueued) == set(report.enqueued)
    state.refresh_from_db()
    assert state.runs == 2 and state.last_status == "READY"
    assert PeriodicJobState.objects.get(name="sources.poll_feeds").failures == 0


def test_a_failed_run_is_counted_logged_and_the_job_runs_again(db_queue, caplog) -> None:
    now = timezone.now()
    scheduler.tick(now)
    finish_all(status="FAILED")
    report = scheduler.tick(now + timedelta(hours=1))
    assert "sources.poll_feeds" in report.enqueued
    state = PeriodicJobState.objects.get(name="sources.poll_feeds")
    assert state.failures == 1
    assert "Periodic job sources.poll_feeds failed" in caplog.text


def running_row(worker_id: str, started_ago: timedelta, attempts: int = 1):
    result = noop.enqueue()
    row = rows().get(pk=result.id)
    row.status = "RUNNING"
    row.started_at = timezone.now() - started_ago
    row.worker_ids = [f"earlier-{n}" for n in range(attempts - 1)] + [worker_id]
    row.save()
    return row


def test_a_task_whose_worker_stopped_beating_is_retried_then_reported(
    db_queue, settings, caplog
) -> None:
    settings.NEWSDESK_TASK_DEAD_AFTER_SECONDS = 30
    settings.NEWSDESK_TASK_MAX_ATTEMPTS = 2
    now = timezone.now()
    alive = running_row("alive", timedelta(minutes=10))
    task_health.beat("alive", "worker")
    young = running_row("just-claimed", timedelta(seconds=5))  # no beat yet: within grace
    dead = running_row("killed", timedelta(minutes=10))
    ProcessHeartbeat.objects.create(
        process_id="killed", kind="worker", started_at=now, last_seen=now - timedelta(minutes=2)
    )
    doomed = running_row("killed-again", timedelta(minutes=10), attempts=2)

    recoveries = {r.result_id: r.action for r in task_health.recover_interrupted_tasks()}

    assert recoveries == {str(dead.pk): "retried", str(doomed.pk): "failed"}
    for row in (alive, young, dead, doomed):
        row.refresh_from_db()
    assert alive.status == young.status == "RUNNING"
    assert dead.status == "READY" and dead.started_at is None  # a worker will claim it again
    assert doomed.status == "FAILED" and doomed.exception_class_path == task_health.WORKER_LOST_PATH
    assert "worker killed-again stopped while running this task" in doomed.traceback
    assert "retried after attempt 1" in caplog.text and "failed after attempt 2" in caplog.text

    # Reported where operators look: the status command lists it.
    call_command("scheduler_status", "--json", stdout=(out := StringIO()))
    status = json.loads(out.getvalue())
    assert [t["id"] for t in status["interrupted_tasks"]] == [str(doomed.pk)]
    assert {t["id"] for t in status["running_tasks"]} == {str(alive.pk), str(young.pk)}
    # And the result API says FAILED with the WorkerLost error, as for any failed task.
    result = noop.get_result(str(doomed.pk))
    assert result.status == "FAILED" and result.errors[0].exception_class_path.endswith(
        "WorkerLost"
    )


def test_a_periodic_run_interrupted_by_a_dead_worker_unblocks_its_job(db_queue, settings) -> None:
    settings.NEWSDESK_TASK_DEAD_AFTER_SECONDS = 30
    settings.NEWSDESK_TASK_MAX_ATTEMPTS = 1
    now = timezone.now()
    scheduler.tick(now)
    state = PeriodicJobState.objects.get(name="sources.poll_feeds")
    rows().filter(pk=state.last_result_id).update(
        status="RUNNING", started_at=now - timedelta(minutes=5), worker_ids=["gone"]
    )
    report = scheduler.tick(now + timedelta(hours=1))
    assert [(r.result_id, r.action) for r in report.recoveries] == [
        (state.last_result_id, "failed")
    ]
    assert "sources.poll_feeds" in report.enqueued  # the job goes on with a new run
    state.refresh_from_db()
    assert state.failures == 1 and state.last_status == "READY"


def test_heartbeats_start_only_for_tasks_run_by_a_database_worker() -> None:
    noop.enqueue()  # the immediate backend of the test settings: no worker, no heartbeat
    assert not ProcessHeartbeat.objects.exists()


def test_run_scheduler_once_and_status_report(db_queue) -> None:
    call_command("run_scheduler", "--once", stdout=(out := StringIO()))
    assert "enqueued:" in out.getvalue() and "sources.poll_feeds" in out.getvalue()
    call_command("scheduler_status", stdout=(text := StringIO()))
    assert "sources.poll_feeds" in text.getvalue() and "NOT healthy" in text.getvalue()
    with pytest.raises(Exception, match="not healthy"):
        call_command("scheduler_status", "--check", stdout=StringIO())


def test_a_job_registered_later_is_one_registration(db_queue) -> None:
    register_periodic_job("test.noop", timedelta(seconds=60), noop)
    try:
        assert "test.noop" in scheduler.tick().enqueued
        assert rows(noop.module_path).count() == 1
    finally:
        unregister_periodic_job("test.noop")


def test_old_task_results_and_heartbeats_are_pruned(db_queue) -> None:
    old, recent = noop.enqueue(), noop.enqueue()
    long_ago = timezone.now() - timedelta(days=20)
    rows().filter(pk=old.id).update(status="SUCCESSFUL", finished_at=long_ago)
    rows().filter(pk=recent.id).update(status="SUCCESSFUL", finished_at=timezone.now())
    ProcessHeartbeat.objects.create(
        process_id="gone", kind="worker", started_at=long_ago, last_seen=long_ago
    )
    task_health.beat("here", "worker")
    prune_task_results.call()
    assert list(rows().values_list("pk", flat=True)) == [rows().get(pk=recent.id).pk]
    assert list(ProcessHeartbeat.objects.values_list("pk", flat=True)) == ["here"]
