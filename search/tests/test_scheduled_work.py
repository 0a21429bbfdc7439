"""Periodic work the scheduler does for search: scheduled publishing reaches the index, and
stale "Don't Miss" lists are refreshed (core/scheduler.py runs the jobs; core/tests has its rules).

Here rather than in core/tests: these build articles and read search's tables, which core must
not import.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.testing.factories import body_blocks, make_article
from core import scheduler
from search.models import IndexEntry, RelatedArticles
from search.related import refresh_stale

pytestmark = pytest.mark.django_db


def test_scheduled_article_goes_live_and_expires_on_the_scheduler_tick(settings) -> None:
    """Wagtail's publish_scheduled, run by the periodic job (tasks run at once in tests)."""
    settings.NEWSDESK_PUBLISH_SCHEDULED_SECONDS = 30
    article = make_article(live=False, title="Ferry timetable changes")
    article.go_live_at = timezone.now() + timedelta(minutes=5)
    revision = article.save_revision()
    revision.publish()  # go_live_at in the future: approved, not live
    article.refresh_from_db()
    assert not article.live and revision.approved_go_live_at is not None

    now = timezone.now()
    scheduler.tick(now)  # not yet due
    article.refresh_from_db()
    assert not article.live

    # Five minutes later: the revision's go-live time is moved into the past instead of the clock.
    past = timezone.now() - timedelta(seconds=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    scheduler.tick(now + timedelta(seconds=31))
    article.refresh_from_db()
    assert article.live and article.first_published_at is not None
    assert IndexEntry.objects.filter(pk=article.pk).exists()  # publishing signals still fire

    type(article).objects.filter(pk=article.pk).update(
        expire_at=timezone.now() - timedelta(seconds=1)
    )
    scheduler.tick(now + timedelta(seconds=62))
    article.refresh_from_db()
    assert not article.live and article.expired
    assert not IndexEntry.objects.filter(pk=article.pk).exists()


def test_stale_dont_miss_lists_are_refreshed() -> None:
    words = "harbour ferry timetable winter crossing island "
    first = make_article(title="Ferry crossing", body=body_blocks(words * 10))
    second = make_article(title="Winter ferry", body=body_blocks(words * 9))
    third = make_article(title="Island harbour", body=body_blocks(words * 8))
    assert refresh_stale() == 0  # publishing computed every list

    RelatedArticles.objects.filter(pk=first.pk).delete()  # the publish task was lost
    RelatedArticles.objects.filter(pk=second.pk).update(related_ids=[third.pk, 999_999])
    assert refresh_stale() == 2
    assert RelatedArticles.objects.filter(pk=first.pk).exists()
    assert 999_999 not in RelatedArticles.objects.get(pk=second.pk).related_ids
    assert refresh_stale() == 0
