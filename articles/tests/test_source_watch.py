"""Which sources the watch after publication re-fetches, and the flags its events raise."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.source_updates import sources_to_watch
from articles.testing.factories import make_article
from sources.models import SourceEvent, SourceWatch
from sources.testing.factories import make_source_article
from sources.watch.events import record_event
from sources.watch.schedule import ensure_watches

pytestmark = pytest.mark.django_db


def test_the_sources_of_live_pages_are_watched_from_their_first_publication():
    source, draft_only = make_source_article(), make_source_article()
    page = make_article(sources=[source])
    make_article(sources=[draft_only], live=False)

    assert ensure_watches() == 1
    watch = SourceWatch.objects.get()
    assert watch.article == source and watch.anchor_at == page.first_published_at
    assert watch.next_check_at == page.first_published_at + timedelta(hours=1)
    assert sources_to_watch() == [] and ensure_watches() == 0  # nothing new: nothing to do


def test_a_later_page_on_a_watched_source_restarts_its_schedule():
    source = make_source_article()
    make_article(sources=[source])
    ensure_watches()
    SourceWatch.objects.update(anchor_at=timezone.now() - timedelta(days=40), next_check_at=None)

    later = make_article(sources=[source])

    assert ensure_watches() == 1
    watch = SourceWatch.objects.get()
    assert watch.anchor_at == later.first_published_at and watch.step == 0
    assert watch.next_check_at is not None


def test_a_withdrawn_source_flags_the_pages_based_on_it():
    source = make_source_article()
    page = make_article(sources=[source])
    draft = make_article(sources=[source], live=False)

    record_event(source, SourceEvent.Kind.WITHDRAWN, timezone.now(), detail="HTTP 410")

    assert page.source_links.get().source_updated_at is not None
    assert draft.source_links.get().source_updated_at is None
