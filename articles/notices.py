"""Adding a notice to a published article from code (the demo, scripts, other apps' actions).

Editors add notices in the page editor (the "Corrections and updates" inline panel); this is the
same change made programmatically: a new revision holding the notice, published, so the page,
its feeds and its structured data change together and the log says who did it.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from .models import ArticleNotice, ArticlePage, NoticeKind


def add_notice(
    page: ArticlePage,
    *,
    kind: str = NoticeKind.CORRECTION,
    text: str,
    date: datetime | None = None,
    user=None,
    publish: bool = True,
    translation_of: ArticleNotice | None = None,
) -> ArticleNotice:
    """Append a notice to the page's latest revision; publish it unless `publish` is False.

    `translation_of`: the original's notice this one translates (same translation key, so
    wagtail-localize treats the two as one translatable object).
    """
    # From the database: the caller's instance may hold an older latest revision.
    latest = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    notice = ArticleNotice(kind=kind, text=text, date=date or timezone.now(), locale=page.locale)
    if translation_of is not None:
        notice.translation_key = translation_of.translation_key
    latest.notices.add(notice)
    revision = latest.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    return ArticleNotice.objects.filter(page=page).order_by("-pk").first() if publish else notice
