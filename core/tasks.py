"""Periodic tasks owned by no single app: Wagtail's scheduled publishing."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command
from django_tasks import task

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
