"""Per-feed keep/block rules: which entries reach the inbox; patterns cannot hang ingest."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from django.core.exceptions import ValidationError

from core.testing.factories import make_locales
from core.testing.fake_web import FakeWeb
from sources import feed_rules
from sources.fetching.client import Fetcher
from sources.ingest.runs import ingest_due_feeds
from sources.models import BlockedEntry, Feed, FeedRule, SourceArticle
from sources.testing.factories import make_outlet

from .ingest_fixtures import BRIDGE, LIBRARY, serve_site

pytestmark = pytest.mark.django_db
PATHOLOGICAL = "(a|aa)+$"


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(min_host_delay=0.0) as f:
        yield f


def feed_for(web: FakeWeb) -> Feed:
    make_locales()
    return Feed.objects.create(
        outlet=make_outlet(language="en"), url=serve_site(web, [BRIDGE, LIBRARY])
    )


def titles() -> set[str]:
    return set(SourceArticle.objects.values_list("title", flat=True))


def test_a_block_rule_keeps_an_entry_out_and_its_page_is_not_fetched_again(
    fake_web: FakeWeb, fetcher: Fetcher
) -> None:
    feed = feed_for(fake_web)
    FeedRule.objects.create(
        feed=feed, action="block", kind="words", target="title", pattern="library, zoo"
    )

    summary = ingest_due_feeds(fetcher=fetcher, feeds=[feed], cluster=False)

    assert titles() == {BRIDGE.title}
    assert summary.blocked == 1 and summary.new == 1
    assert BlockedEntry.objects.filter(feed=feed, title=LIBRARY.title).exists()
    # Title matched before the fetch: the library page was never requested.
    assert not any("library" in r.path for r in fake_web.requests)


def test_keep_rules_admit_only_matching_entries_judged_on_the_full_text(
    fake_web: FakeWeb, fetcher: Fetcher
) -> None:
    feed = feed_for(fake_web)
    # "cables" is only in the bridge story's page text, not in its title or feed summary.
    FeedRule.objects.create(
        feed=feed, action="keep", kind="regex", target="text", pattern=r"steel\s+cables?"
    )

    summary = ingest_due_feeds(fetcher=fetcher, feeds=[feed], cluster=False)

    assert titles() == {BRIDGE.title}
    assert summary.blocked == 1


def test_saving_a_rule_lets_blocked_entries_be_judged_again(fake_web: FakeWeb, fetcher) -> None:
    feed = feed_for(fake_web)
    rule = FeedRule.objects.create(feed=feed, action="block", kind="words", pattern="Velmora")
    ingest_due_feeds(fetcher=fetcher, feeds=[feed], cluster=False)
    assert titles() == set()

    rule.pattern = "zoo"
    rule.save()
    Feed.objects.filter(pk=feed.pk).update(content_hash="", etag="")
    ingest_due_feeds(fetcher=fetcher, feeds=[Feed.objects.get(pk=feed.pk)], cluster=False)

    assert titles() == {BRIDGE.title, LIBRARY.title}


def test_a_pathological_pattern_is_refused_when_saved() -> None:
    make_locales()
    rule = FeedRule(
        feed=Feed(outlet=make_outlet()), action="block", kind="regex", pattern=PATHOLOGICAL
    )

    with pytest.raises(ValidationError) as error:
        rule.clean()

    assert "too slow" in str(error.value)
    with pytest.raises(ValidationError):
        FeedRule(feed=rule.feed, action="block", kind="regex", pattern="(unclosed").clean()


def test_a_pattern_that_times_out_at_ingest_is_abandoned_cleanly(
    fake_web: FakeWeb, fetcher: Fetcher, settings
) -> None:
    settings.NEWSDESK_FEED_RULE_TIMEOUT = 0.01
    feed = feed_for(fake_web)
    # Written around validation (an old row, a shell): ingest must still not hang on it.
    FeedRule.objects.bulk_create(
        [FeedRule(feed=feed, action="block", kind="regex", target="text", pattern=PATHOLOGICAL)]
    )
    rule = FeedRule.objects.get(feed=feed)
    slow_text = "a" * 5000 + "!"

    verdict = feed_rules.evaluate([rule], "title", slow_text)

    assert verdict.admitted and verdict.timed_out == [rule]


def test_timeouts_during_a_run_keep_the_entry_and_are_reported(
    fake_web: FakeWeb, fetcher, settings
) -> None:
    settings.NEWSDESK_FEED_RULE_TIMEOUT = 0.01
    long_a = dataclass_story()
    make_locales()
    feed = Feed.objects.create(
        outlet=make_outlet(language="en"), url=serve_site(fake_web, [long_a])
    )
    FeedRule.objects.bulk_create(
        [FeedRule(feed=feed, action="block", kind="regex", target="text", pattern=PATHOLOGICAL)]
    )

    summary = ingest_due_feeds(fetcher=fetcher, feeds=[feed], cluster=False)

    assert titles() == {long_a.title}
    assert any("timed out" in error for error in summary.errors)
    assert "timed out" in FeedRule.objects.get(feed=feed).last_error


def dataclass_story():
    return dataclasses.replace(
        BRIDGE,
        slug="aaa",
        title="Long aaa story",
        paragraphs=["a" * 3000 + "!"],
        summary="a" * 3000 + "!",
    )
