"""The originality guard's rules: run a check for a revision, decide whether it may be published,
record an editor's reason for publishing above the threshold.

Checks run in a task (``integrity.tasks``), enqueued whenever an article revision is saved (a
draft, a submission, the revision a publish is about to make live); the request never scores.
When publishing, the hook compares the content being published with stored checks by
fingerprint: a check below the threshold lets it through, one above it (or none yet: the task is
still running) refuses with a message saying why and what to do.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Literal

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.models import Revision

from articles.models import ArticlePage

from .checking import content_fingerprint, measure_page
from .models import OriginalityCheck, OriginalityOverride

logger = logging.getLogger(__name__)

OVERRIDE_PERMISSION = "integrity.publish_despite_originality"


def run_check(revision_id: int) -> OriginalityCheck | None:
    """Measure one revision of an article and store the result (None: not an article revision).

    A check of identical content (same fingerprint) is reused rather than re-scored: saving a
    draft twice, then publishing it, scores once.
    """
    revision = Revision.page_revisions.filter(pk=revision_id).first()
    if revision is None:
        return None
    page = revision.as_object()
    if not isinstance(page, ArticlePage):
        return None
    fingerprint = content_fingerprint(page)
    check = OriginalityCheck.objects.create(
        page_id=page.pk, revision=revision, fingerprint=fingerprint
    )
    previous = (
        OriginalityCheck.objects.filter(
            page_id=page.pk, fingerprint=fingerprint, status=OriginalityCheck.Status.DONE
        )
        .exclude(pk=check.pk)
        .first()
    )
    try:
        if previous is not None:
            share, quote_share, flagged, report = (
                previous.share,
                previous.quote_share,
                previous.flagged,
                previous.report,
            )
        else:
            result = measure_page(page)
            report = result.as_json()
            report["article_text"] = result.article_full_text
            report["source_texts"] = list(result.source_full_texts)
            share, quote_share = result.report.share, result.report.quote_share
            flagged = result.report.flagged
    except Exception as exc:  # noqa: BLE001 - a failed check is stored and shown, never lost
        logger.exception("originality check of revision %s failed", revision_id)
        check.status = OriginalityCheck.Status.FAILED
        check.error = f"{type(exc).__name__}: {exc}"
        check.finished_at = timezone.now()
        check.save(update_fields=["status", "error", "finished_at"])
        return check
    check.share, check.quote_share, check.flagged, check.report = (
        share,
        quote_share,
        flagged,
        report,
    )
    check.status = OriginalityCheck.Status.DONE
    check.finished_at = timezone.now()
    check.save(update_fields=["share", "quote_share", "flagged", "report", "status", "finished_at"])
    return check


def latest_check(page: ArticlePage) -> OriginalityCheck | None:
    return OriginalityCheck.objects.filter(page_id=page.pk).select_related("revision").first()


@dataclass(frozen=True)
class PublishDecision:
    allowed: bool
    why: Literal["below", "override", "pending", "flagged", "failed"]
    check: OriginalityCheck | None = None


def publish_decision(page: ArticlePage) -> PublishDecision:
    """May this content (``page`` as the editor is publishing it) go live?"""
    fingerprint = content_fingerprint(page)
    checks = OriginalityCheck.objects.filter(page_id=page.pk, fingerprint=fingerprint)
    check = checks.filter(status=OriginalityCheck.Status.DONE).first()
    if check is None:
        failed = checks.filter(status=OriginalityCheck.Status.FAILED).first()
        if failed is not None:
            return _unless_overridden(page, fingerprint, PublishDecision(False, "failed", failed))
        return PublishDecision(False, "pending", checks.first())
    if not check.flagged:
        return PublishDecision(True, "below", check)
    return _unless_overridden(page, fingerprint, PublishDecision(False, "flagged", check))


def _unless_overridden(
    page: ArticlePage, fingerprint: str, refusal: PublishDecision
) -> PublishDecision:
    if OriginalityOverride.objects.filter(page_id=page.pk, fingerprint=fingerprint).exists():
        return PublishDecision(True, "override", refusal.check)
    return refusal


def can_override(user: User | AnonymousUser) -> bool:
    return bool(user.is_authenticated and user.has_perm(OVERRIDE_PERMISSION))


@transaction.atomic
def publish_with_reason(page: ArticlePage, user: User, reason: str) -> OriginalityOverride:
    """Record why the latest revision goes live above the threshold, then publish it."""
    if not can_override(user):
        raise PermissionDenied("publishing above the originality threshold needs the permission")
    reason = reason.strip()
    if not reason:
        raise ValueError("a reason is required")
    revision = page.latest_revision
    if revision is None:
        raise ValueError("the page has no revision to publish")
    content = revision.as_object()
    fingerprint = content_fingerprint(content)
    check = (
        OriginalityCheck.objects.filter(page_id=page.pk, fingerprint=fingerprint)
        .exclude(status=OriginalityCheck.Status.PENDING)
        .first()
    )
    override = OriginalityOverride.objects.create(
        page_id=page.pk,
        revision=revision,
        originality_check=check,
        fingerprint=fingerprint,
        user=user,
        reason=reason,
        share=check.share if check else None,
    )
    revision.publish(user=user)
    return override
