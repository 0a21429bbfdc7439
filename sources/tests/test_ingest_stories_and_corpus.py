"""Ingest groups reports of one event into a Story (across outlets and languages), and every
shared corpus feed is either ingested with its expected entries or recorded as failed."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from core.testing.factories import make_locales
from core.testing.fake_web import FakeWeb
from core.testing.shared_data import shared_data_dir
from sources.fetching.client import Fetcher
from sources.ingest.runs import ingest_due_feeds
from sources.ingest.stories import cluster_pending
from sources.models import Feed, SourceArticle, Story
from sources.testing.factories import make_outlet

from .feed_fixtures import expectation_for, feed_files, text_matches
from .ingest_fixtures import BRIDGE, LIBRARY, serve_site
from .ingest_fixtures import Story as FixtureStory

pytestmark = pytest.mark.django_db

BRIDGE_RU = FixtureStory(
    slug="most",
    title="В Вельморе после двух лет ремонта снова открыли портовый мост",
    paragraphs=[
        "Старый портовый мост Вельморы в понедельник утром снова открыли для движения после "
        "двух лет ремонта, который обошёлся городу гораздо дороже, чем планировал совет.",
        "Инженеры заменили проржавевшие стальные тросы и заново построили оба съезда, сообщил "
        "мэр на короткой церемонии, на которую пришли несколько сотен жителей и городской оркестр.",
        "Владельцы паромов, перевозивших жителей через залив, пока мост был закрыт, ожидают, что "
        "число их пассажиров резко сократится в ближайшие недели.",
    ],
    author="Анна Соколова",
    language="ru",
    published=datetime(2026, 3, 2, 12, 0, tzinfo=UTC),
)


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(min_host_delay=0.0) as f:
        yield f


def test_reports_of_one_event_across_outlets_and_languages_share_a_story(
    fake_web: FakeWeb, fetcher: Fetcher
) -> None:
    make_locales()
    reprint = dataclasses.replace(BRIDGE, slug="bridge-wire", title=BRIDGE.title + " (wire)")
    Feed.objects.create(
        outlet=make_outlet("Courier", language="en"),
        url=serve_site(fake_web, [BRIDGE, LIBRARY], prefix="/courier"),
    )
    Feed.objects.create(
        outlet=make_outlet("Wire", language="en"),
        url=serve_site(fake_web, [reprint], prefix="/wire"),
    )
    Feed.objects.create(
        outlet=make_outlet("Ladoga", language="ru"),
        url=serve_site(fake_web, [BRIDGE_RU], prefix="/ladoga", language="ru"),
    )

    ingest_due_feeds(fetcher=fetcher)

    by_title = {a.title: a for a in SourceArticle.objects.all()}
    bridge, wire = by_title[BRIDGE.title], by_title[reprint.title]
    russian, library = by_title[BRIDGE_RU.title], by_title[LIBRARY.title]
    assert bridge.story_id is not None
    assert wire.story_id == bridge.story_id  # same-language near-duplicate
    assert russian.story_id == bridge.story_id  # cross-language, via embeddings
    assert library.story_id not in (None, bridge.story_id)
    assert Story.objects.count() == 2
    assert all(a.signature for a in by_title.values())


def test_articles_left_without_story_by_a_killed_run_are_clustered_by_the_next(
    fake_web: FakeWeb, fetcher: Fetcher
) -> None:
    make_locales()
    Feed.objects.create(outlet=make_outlet(language="en"), url=serve_site(fake_web, [BRIDGE]))
    ingest_due_feeds(fetcher=fetcher, cluster=False)  # as if killed before clustering
    assert SourceArticle.objects.get().story_id is None

    assert cluster_pending() == 1
    assert SourceArticle.objects.get().story_id is not None
    assert cluster_pending() == 0


def _corpus_files() -> list[str]:
    files = feed_files()
    return files or ["(shared data missing)"]


@pytest.mark.parametrize("relative", _corpus_files())
def test_every_corpus_feed_is_ingested_as_expected_or_recorded_as_failed(
    relative: str, fake_web: FakeWeb, fetcher: Fetcher
) -> None:
    path = shared_data_dir(relative)
    fake_web.add("/feed", path.read_bytes(), content_type=None)
    make_locales()
    feed = Feed.objects.create(outlet=make_outlet(), url=fake_web.url("/feed"), fetch_pages=False)
    expected = expectation_for(relative)

    summary = ingest_due_feeds(fetcher=fetcher, cluster=False)

    feed.refresh_from_db()
    if summary.feeds_failed:
        assert expected.entries is None or expected.must_fail, feed.last_error
        assert feed.last_error and feed.consecutive_failures == 1
        return
    assert not expected.must_fail
    titles = list(SourceArticle.objects.filter(feed=feed).values_list("title", flat=True))
    assert summary.new + summary.failed == len(titles)
    for entry in expected.entries or ():
        if entry.title and entry.title.strip():
            wanted = entry.title.strip()[:500]
            assert any(text_matches(got, wanted) for got in titles), (wanted, titles[:5])
    again = ingest_due_feeds(fetcher=fetcher, feeds=[Feed.objects.get(pk=feed.pk)], cluster=False)
    assert (again.new, again.updated) == (0, 0)
