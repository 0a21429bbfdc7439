"""Takedown: an editor withdraws a published article (and its translations) with a reason.

WHY unpublish rather than a filter: every place readers or machines find an article (home,
section and tag listings, feeds, sitemaps, search, "Don't Miss", the API) already asks for live
pages, and Wagtail's unpublish signal already drives the search removal and the front-cache
purge (core/purge.py). A withdrawal row beside the page then turns the URL's 404 into
410 Gone with a short notice in the page's language (articles/models/withdrawn.py).

Both actions are logged with Wagtail's log entries ("articles.withdraw" / "articles.restore",
registered in articles/wagtail_hooks.py) with who and why, on every language's page.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log

from .models import ArticlePage, ArticleWithdrawal

WITHDRAW_ACTION = "articles.withdraw"
RESTORE_ACTION = "articles.restore"
PERMISSION = "articles.withdraw_article"


class WithdrawalError(Exception):
    """The article cannot be withdrawn or restored in its current state."""


def can_withdraw(user) -> bool:
    return bool(user and user.has_perm(PERMISSION))


def translations_of(page: ArticlePage) -> list[ArticlePage]:
    """The article in every language, itself first."""
    others = ArticlePage.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    return [page, *others.order_by("pk")]


def is_withdrawn(page: ArticlePage) -> bool:
    return ArticleWithdrawal.objects.filter(page_id=page.pk).exists()


def withdraw(page: ArticlePage, *, reason: str, user=None) -> list[ArticlePage]:
    """Take the article down in every language; returns the pages withdrawn.

    A translation that was never published gets no row (its URL was never public), but an
    already-withdrawn one keeps its first reason and date.
    """
    reason = reason.strip()
    if not reason:
        raise WithdrawalError("A withdrawal needs a reason.")
    withdrawn = []
    with transaction.atomic():
        for version in translations_of(page):
            if not version.live or is_withdrawn(version):
                continue
            ArticleWithdrawal.objects.create(
                page=version,
                reason=reason,
                withdrawn_by=user,
                withdrawn_at=timezone.now(),
                revision=version.live_revision,
            )
            # The withdraw permission is the one that counts: an editor may hold it without the
            # page-tree unpublish permission (a legal desk, say).
            UnpublishPageAction(version, user=user, log_action=True).execute(
                skip_permission_checks=True
            )
            log(instance=version, action=WITHDRAW_ACTION, user=user, data={"reason": reason})
            withdrawn.append(version)
    if not withdrawn:
        raise WithdrawalError("The article is not published in any language.")
    return withdrawn


def restore(page: ArticlePage, *, user=None, note: str = "") -> list[ArticlePage]:
    """Republish what was live when the article was withdrawn, in every language withdrawn."""
    restored = []
    with transaction.atomic():
        for version in translations_of(page):
            withdrawal = ArticleWithdrawal.objects.filter(page_id=version.pk).first()
            if withdrawal is None:
                continue
            revision = withdrawal.revision or version.get_latest_revision()
            withdrawal.delete()
            data = {"reason": withdrawal.reason, "note": note.strip()}
            log(instance=version, action=RESTORE_ACTION, user=user, data=data)
            if revision is not None:
                PublishPageRevisionAction(revision, user=user, log_action=True).execute(
                    skip_permission_checks=True
                )
            restored.append(version)
    if not restored:
        raise WithdrawalError("The article is not withdrawn.")
    return restored
