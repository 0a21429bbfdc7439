"""Scheduler and worker state kept in the database, so no process holds state of its own.

WHY in the database: the scheduler and the workers may be killed at any moment (SIGKILL, OOM,
a host reboot); whatever they knew must survive them. A restarted scheduler reads when each job
last ran and which task run is still in flight from ``PeriodicJobState``; the recovery of
interrupted tasks reads which worker was alive recently from ``ProcessHeartbeat``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class PeriodicJobState(models.Model):
    """When one registered periodic job is due, and its last enqueued run."""

    name = models.CharField(max_length=100, primary_key=True)
    next_run_at = models.DateTimeField()
    last_enqueued_at = models.DateTimeField(null=True, blank=True)
    # The django-tasks result id of the last run: the scheduler enqueues no new run while that
    # one is still READY or RUNNING, so an outage never piles up runs of the same job.
    last_result_id = models.CharField(max_length=64, blank=True)
    last_status = models.CharField(max_length=16, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    runs = models.PositiveIntegerField(default=0)
    failures = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "periodic job state"

    def __str__(self) -> str:
        return f"{self.name}: next {self.next_run_at:%Y-%m-%d %H:%M:%S}"


class ProcessHeartbeat(models.Model):
    """A task worker or scheduler that says, every few seconds, that it is alive.

    A RUNNING task whose worker has stopped beating was interrupted (the worker was killed or
    lost its host): the task backend itself would leave it RUNNING for ever.
    """

    WORKER = "worker"
    SCHEDULER = "scheduler"

    process_id = models.CharField(max_length=64, primary_key=True)
    kind = models.CharField(max_length=16, choices=[(WORKER, WORKER), (SCHEDULER, SCHEDULER)])
    host = models.CharField(max_length=255, blank=True)
    pid = models.PositiveIntegerField(null=True, blank=True)
    started_at = models.DateTimeField()
    last_seen = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "process heartbeat"

    def __str__(self) -> str:
        return f"{self.kind} {self.process_id} at {self.last_seen:%H:%M:%S}"


class AdminNotification(models.Model):
    """A message for one admin user: shown on their dashboard until read, and e-mailed once.

    WHY a model of our own: Wagtail 8 has no in-admin notification for its users (its e-mail
    notifications cover moderation and comments only, and messages last one request). ``key``
    names what the message is about, so the same change never notifies a user twice however
    often it is seen (core/notifications.py).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="newsdesk_notifications"
    )
    key = models.CharField(max_length=200)
    subject = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "admin notification"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="core_notification_once_per_key")
        ]

    def __str__(self) -> str:
        return self.subject
