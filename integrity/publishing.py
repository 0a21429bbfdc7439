"""The originality guard at the publication gate (articles/publish_gate.py).

Every way an article revision goes live asks :func:`refusal_for`: the editor's Publish button
(through ``before_publish_page``), the workflow's last approval, scheduled publishing, bulk
publishing and ``revision.publish()`` from code. The decision itself is
``guard.publish_decision``; when no check of exactly this content is stored yet (the task has not
run: publishing straight from the editor), the check is computed here, synchronously, so the
editor gets an answer instead of "still running" (one page against its few sources is well under
a second once the encoder is loaded; benchmarks/originality.py measures it).

A refused scheduled publication has nobody to show a message to: it is logged and the page's
editors are notified (admin notification and e-mail, core/notifications.py).
"""

from __future__ import annotations

import logging
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Revision
from wagtail.users.models import UserProfile

from articles.models import ArticlePage
from core.notifications import Message, notify

from .guard import PublishDecision, publish_decision, run_check
from .highlight import percent

logger = logging.getLogger(__name__)


def decide(page: ArticlePage, revision: Revision | None) -> PublishDecision:
    """``publish_decision`` for ``page`` (the content going live), scoring it now if need be."""
    decision = publish_decision(page)
    if decision.why == "pending" and revision is not None and revision.pk:
        run_check(revision.pk)  # the task will find this result by fingerprint and reuse it
        decision = publish_decision(page)
    return decision


def refusal_text(decision: PublishDecision) -> str:
    if decision.why == "pending":
        return _(
            "Not published: the originality check of this version is still running. It was "
            "saved as a draft; publish again in a moment."
        )
    if decision.why == "failed":
        return _("Not published: the originality check of this version failed.")
    share = decision.check.share if decision.check is not None else None
    return _(
        "Not published: %(share)s of this article is its sources' text, above the "
        "threshold. Rewrite the highlighted passages in your own words."
    ) % {"share": percent(share or 0)}


def refusal_for(page: Any, revision: Revision | None, user: Any, scheduled: bool) -> str | None:
    """The ``newsdesk_before_publish_article`` hook: why this revision may not go live."""
    if not isinstance(page, ArticlePage):
        return None
    decision = decide(page, revision)
    if decision.allowed:
        return None
    text = refusal_text(decision)
    if scheduled and revision is not None:
        logger.warning(
            "scheduled publication of article %s (revision %s) refused by the originality "
            "guard: %s",
            page.pk,
            revision.pk,
            decision.why,
        )
        notify_scheduled_refusal(page, revision, decision)
    return text


def _editors(page: ArticlePage, revision: Revision) -> list[AbstractBaseUser]:
    ids = {i for i in (page.owner_id, revision.user_id) if i}
    ids |= set(
        Revision.page_revisions.filter(object_id=str(page.pk))
        .exclude(user__isnull=True)
        .values_list("user_id", flat=True)
    )
    return list(get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("pk"))


def notify_scheduled_refusal(
    page: ArticlePage, revision: Revision, decision: PublishDecision
) -> int:
    """Tell the page's editors that its scheduled publication did not happen, and why."""

    def message_for(user: AbstractBaseUser) -> Message:
        with translation.override(UserProfile.get_for_user(user).get_preferred_language()):
            subject = _("Scheduled publication refused: %(title)s") % {
                "title": page.draft_title or page.title
            }
            body = "\n\n".join(
                [
                    refusal_text(decision),
                    _("The article stays a draft and is no longer scheduled."),
                ]
            )
        return Message(subject=subject, body=body, url=reverse("integrity:page", args=[page.pk]))

    key = f"integrity.scheduled-refusal:{revision.pk}"
    return len(notify(_editors(page, revision), key, message_for))
