"""Tasks owned by no single app: Wagtail's scheduled publishing, task-row pruning, the e-mails
of admin notifications."""

from __future__ import annotations

from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django_tasks import task

from .notifications import send_emails
from .task_health import forget_silent_processes

# Higher than the default (0): a page due to go live is not kept waiting behind queued
# indexing or purge work on the same worker.
PUBLISH_PRIORITY = 50


@task(priority=PUBLISH_PRIORITY)
def publish_scheduled_task() -> str:
    """Publish revisions whose ``go_live_at`` has passed and unpublish pages past ``expire_at``.

    WHY Wagtail's own command: it is the maintained implementation (pages and snippets with
    DraftStateMixin, log entries "wagtail.publish.scheduled", the page_published signals our
    indexing and cache purging listen to); this task only gives it a schedule.
    """
    out = StringIO()
    call_command("publish_scheduled", stdout=out)
    return out.getvalue()


@task()
def prune_task_results() -> str:
    """Delete finished task results older than ``NEWSDESK_TASK_RESULTS_KEEP_DAYS``.

    WHY: the scheduler adds a result row per run (publishing alone, every 30 s, adds ~2,900 a
    day); django-tasks-db's own pruning command does the deleting. Failed results are kept
    twice as long, to be looked at. Heartbeats of processes gone for a day go too.
    """
    days = int(settings.NEWSDESK_TASK_RESULTS_KEEP_DAYS)
    out = StringIO()
    call_command(
        "prune_db_task_results",
        "--queue-name",
        "*",
        "--min-age-days",
        str(days),
        "--failed-min-age-days",
        str(days * 2),
        stdout=out,
    )
    forget_silent_processes()
    return out.getvalue()


@task()
def send_notification_emails(notification_ids: list[int]) -> int:
    """E-mail new admin notifications (core/notifications.py) after their transaction commits."""
    return send_emails(notification_ids)
