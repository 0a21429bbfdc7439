"""The state of each watched source and what its outlet did to it after we published.

State lives in rows, not in a process: the scheduler and workers can be killed at any moment,
and a restarted one must know which source is due, which check is in flight and which change
was already announced (one notification per change, not per re-fetch).
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SourceWatch(models.Model):
    """When a source article is checked next, and how its last check went."""

    class Status(models.TextChoices):
        PENDING = "pending", _("not checked yet")
        UNCHANGED = "unchanged", _("unchanged")
        CHANGED = "changed", _("changed")
        CORRECTED = "corrected", _("corrected by the outlet")
        WITHDRAWN = "withdrawn", _("withdrawn")
        FAILED = "failed", _("check failed")

    article = models.OneToOneField(
        "sources.SourceArticle",
        verbose_name=_("source article"),
        on_delete=models.CASCADE,
        related_name="watch",
    )
    anchor_at = models.DateTimeField(
        _("watched since"), help_text=_("The publication the schedule counts from.")
    )
    step = models.PositiveSmallIntegerField(_("next step of the schedule"), default=0)
    next_check_at = models.DateTimeField(_("next check"), null=True, blank=True, db_index=True)
    # Set when a check task is enqueued; a task lost with its worker frees the source again
    # once this has passed, so a crash delays a check but never drops it.
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)
    last_checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    last_status = models.CharField(
        _("last result"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    last_http_status = models.PositiveSmallIntegerField(_("last HTTP status"), null=True)
    last_error = models.TextField(_("last error"), blank=True)
    consecutive_failures = models.PositiveSmallIntegerField(default=0)
    checks = models.PositiveIntegerField(_("checks"), default=0)
    withdrawn_at = models.DateTimeField(_("withdrawn since"), null=True, blank=True)

    class Meta:
        verbose_name = _("source watch")
        verbose_name_plural = _("source watches")

    def __str__(self) -> str:
        return f"watch of source article {self.article_id}"


class SourceEvent(models.Model):
    """Something the outlet did to an article after we stored it: one row per change."""

    class Kind(models.TextChoices):
        CHANGED = "changed", _("text changed")
        CORRECTED = "corrected", _("correction or update note")
        WITHDRAWN = "withdrawn", _("withdrawn")

    article = models.ForeignKey(
        "sources.SourceArticle",
        verbose_name=_("source article"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    version = models.ForeignKey(
        "sources.SourceArticleVersion",
        verbose_name=_("version"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("the outlet's note"), blank=True)
    detail = models.CharField(_("detail"), max_length=1000, blank=True)
    detected_at = models.DateTimeField(_("detected at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("source event")
        verbose_name_plural = _("source events")
        ordering = ["-detected_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: source article {self.article_id}"
