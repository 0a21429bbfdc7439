"""Stored originality checks (one per checked revision) and recorded publish overrides."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OriginalityCheck(models.Model):
    """The guard's report on one revision of an article, computed by a task, never in a request.

    ``fingerprint`` (integrity.checking.content_fingerprint) names the compared content, so the
    publish hook finds the check of exactly what is being published without scoring anything.
    ``report`` is the scorer's JSON plus the compared texts, for the side-by-side panel.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    page = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="originality_checks"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    fingerprint = models.CharField(max_length=64, db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    share = models.FloatField(_("share"), null=True, blank=True)
    quote_share = models.FloatField(_("share in quotes"), null=True, blank=True)
    flagged = models.BooleanField(_("above the threshold"), default=False)
    report = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("originality check")
        verbose_name_plural = _("originality checks")

    def __str__(self) -> str:
        return f"{self.page_id}@{self.revision_id}: {self.status} {self.share}"


class OriginalityOverride(models.Model):
    """An editor published above the threshold and said why; kept with the revision."""

    page = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="originality_overrides"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    originality_check = models.ForeignKey(
        OriginalityCheck, null=True, blank=True, on_delete=models.SET_NULL, related_name="overrides"
    )
    fingerprint = models.CharField(max_length=64, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("reason"))
    share = models.FloatField(_("share"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("originality override")
        verbose_name_plural = _("originality overrides")
        permissions = [
            (
                "publish_despite_originality",
                _("Can publish an article above the originality threshold, giving a reason"),
            )
        ]

    def __str__(self) -> str:
        return f"{self.page_id}@{self.revision_id} by {self.user_id}"
