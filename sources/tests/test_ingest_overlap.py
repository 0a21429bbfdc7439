"""Two ingest runs of the same feed at once (a slow poll and the next tick, or a manual run).

The runs are real threads with their own database connections, on PostgreSQL the test
database itself and on SQLite a file copy of it (an in-memory test database cannot take two
writers). Both runs are held until each has looked for the article inside its transaction
and found nothing, so both insert it: exactly the race that made the second run die on an
IntegrityError and mark the feed failed with a back-off. Their clustering steps overlap the
same way: both sign the same new articles, and the second must not re-cluster what the first
already put in Stories (which would leave the first one's Stories empty).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from django.db import connection, connections

from core.testing.factories import make_locales
from core.testing.fake_web import FakeWeb
from sources.fetching.client import Fetcher
from sources.ingest import storage, stories
from sources.ingest.records import ArticleData
from sources.ingest.runs import IngestSummary, ingest_due_feeds
from sources.models import Feed, SourceArticle, SourceArticleVersion, Story
from sources.testing.factories import make_outlet

from .ingest_fixtures import BRIDGE, LIBRARY, serve_site

T = TypeVar("T")
# Long enough for both runs to arrive, shorter than SQLite's busy timeout: there (one writer at a
# time, BEGIN IMMEDIATE) the second run waits for the first one's transaction instead.
MEET_TIMEOUT = 2.0


def in_thread(work: Callable[[], T]) -> T:
    """Run ``work`` on a new thread (so on a new database connection) and return its result."""
    results: list[T] = []
    errors: list[BaseException] = []

    def target() -> None:
        try:
            results.append(work())
        except BaseException as exc:  # noqa: BLE001 - re-raised in the test's thread below
            errors.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(timeout=120)
    if errors:
        raise errors[0]
    return results[0]


@pytest.fixture
def shared_database(
    restore_migrated_data: None,
    django_db_serialized_rollback: None,
    transactional_db: None,
    tmp_path: Path,
) -> Iterator[Callable[[], None]]:
    """Returns ``publish()``: after it, new threads' connections see the rows created so far.

    The overlap needs real transactions, whose teardown empties every table; the serialized
    rollback and ``restore_migrated_data`` put back what migrations created (Wagtail's root page
    and collection) for the next test and for the files that run later in the same worker.
    """
    if connection.vendor != "sqlite":
        yield lambda: None
        return
    original = connections.settings["default"]
    path = tmp_path / "overlap.sqlite3"

    def publish() -> None:
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        connections.settings["default"] = {**original, "NAME": str(path)}

    yield publish
    connections.settings["default"] = original


@pytest.fixture
def both_runs_meet(monkeypatch: pytest.MonkeyPatch) -> threading.Barrier:
    """Hold each run at its first look-up inside a transaction until the other got there too."""
    barrier = threading.Barrier(2, timeout=MEET_TIMEOUT)
    real_find_existing = storage.find_existing
    waited: set[int] = set()

    def find_then_meet(outlet, data):
        found = real_find_existing(outlet, data)
        me = threading.get_ident()
        if connection.in_atomic_block and me not in waited:
            waited.add(me)
            try:
                barrier.wait()
            except threading.BrokenBarrierError:
                pass  # the other run is waiting for our transaction (SQLite): go on alone
        return found

    monkeypatch.setattr(storage, "find_existing", find_then_meet)
    return barrier


def test_two_overlapping_runs_of_one_feed_both_succeed_and_store_each_article_once(
    fake_web: FakeWeb, shared_database: Callable[[], None], both_runs_meet: threading.Barrier
) -> None:
    make_locales()
    feed = Feed.objects.create(
        outlet=make_outlet(language="en"), url=serve_site(fake_web, [BRIDGE, LIBRARY])
    )
    shared_database()
    summaries: dict[str, IngestSummary] = {}
    errors: list[BaseException] = []

    def run(name: str) -> None:
        try:
            with Fetcher(min_host_delay=0.0) as fetcher:
                feeds = [Feed.objects.select_related("outlet").get(pk=feed.pk)]
                summaries[name] = ingest_due_feeds(fetcher=fetcher, feeds=feeds, cluster=False)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(name,)) for name in ("tick", "manual")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    tick, manual = summaries["tick"], summaries["manual"]
    assert (tick.feeds_failed, manual.feeds_failed, tick.failed, manual.failed) == (0, 0, 0, 0)
    assert tick.errors == manual.errors == []
    assert tick.feeds_ok == manual.feeds_ok == 1
    assert tick.new + manual.new == 2 and tick.unchanged + manual.unchanged == 2

    def stored() -> tuple:
        polled = Feed.objects.get(pk=feed.pk)
        return (
            sorted(SourceArticle.objects.values_list("title", flat=True)),
            sorted(SourceArticleVersion.objects.values_list("article__title", "number")),
            polled.consecutive_failures,
            polled.last_error,
        )

    titles, versions, failures, last_error = in_thread(stored)
    assert titles == sorted([BRIDGE.title, LIBRARY.title])
    assert versions == sorted([(BRIDGE.title, 1), (LIBRARY.title, 1)])
    assert (failures, last_error) == (0, "")


def test_two_overlapping_clustering_steps_leave_no_empty_story(
    shared_database: Callable[[], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    outlet = make_outlet(language="en")
    for story in (BRIDGE, LIBRARY):
        url = f"https://courier.example.org/{story.slug}"
        text = "\n\n".join(story.paragraphs)
        storage.store_article(
            outlet, None, ArticleData(url=url, link=url, title=story.title, text=text)
        )
    shared_database()
    barrier = threading.Barrier(2, timeout=MEET_TIMEOUT)
    real_assign = stories.assign_stories

    def assign_then_meet(signatures, candidates):
        planned = real_assign(signatures, candidates)
        try:
            barrier.wait()  # both runs planned Stories for the same unclustered articles
        except threading.BrokenBarrierError:
            pass
        return planned

    monkeypatch.setattr(stories, "assign_stories", assign_then_meet)
    errors: list[BaseException] = []

    def cluster() -> None:
        try:
            stories.cluster_pending()
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=cluster) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)

    assert errors == []

    def clustered() -> tuple:
        used = set(SourceArticle.objects.values_list("story_id", flat=True))
        return used, set(Story.objects.values_list("pk", flat=True))

    used, made = in_thread(clustered)
    assert None not in used and used == made  # every article in a Story, no Story left empty
