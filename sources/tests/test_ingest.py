"""The ingest pipeline against real HTTP on 127.0.0.1 (core.testing.fake_web)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from django.utils import timezone

from core.testing.factories import make_locales
from core.testing.fake_web import FakeWeb
from sources.fetching.client import Fetcher
from sources.ingest import storage
from sources.ingest.runs import IngestSummary, ingest_due_feeds
from sources.models import Feed, SourceArticle, SourceArticleVersion
from sources.signals import source_article_changed
from sources.testing.factories import make_outlet

from .ingest_fixtures import BRIDGE, LIBRARY, page_html, serve_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(min_host_delay=0.0) as f:
        yield f


def make_feed(url: str, outlet=None, **kw) -> Feed:
    make_locales()
    return Feed.objects.create(outlet=outlet or make_outlet(language="en"), url=url, **kw)


def run(fetcher, feeds=None, **kw):
    return ingest_due_feeds(fetcher=fetcher, feeds=feeds, cluster=kw.pop("cluster", False), **kw)


def test_first_run_stores_each_entry_with_its_page_text_metadata_and_first_version(
    fake_web: FakeWeb, fetcher: Fetcher
) -> None:
    feed = make_feed(serve_site(fake_web, [BRIDGE, LIBRARY]))

    summary = run(fetcher)

    assert (summary.feeds_ok, summary.new, summary.failed) == (1, 2, 0)
    bridge = SourceArticle.objects.get(title=BRIDGE.title)
    assert bridge.url == fake_web.url("/news/bridge.html")
    assert bridge.feed == feed and bridge.outlet == feed.outlet
    assert "Engineers replaced the rusted steel cables" in bridge.text
    assert "<p>" in bridge.html and "Home" not in bridge.text
    assert bridge.authors == ["Mara Lindqvist"]
    assert bridge.published_at == BRIDGE.published and timezone.is_aware(bridge.published_at)
    assert bridge.language == "en"
    assert bridge.lead_image_url == fake_web.url("/img/bridge.jpg")
    assert bridge.lead_image_credit == "Ilse Haugen"
    assert bridge.status == SourceArticle.Status.NEW
    assert bridge.etag == '"bridge-v1"'
    assert [v.number for v in bridge.versions.all()] == [1]
    feed.refresh_from_db()
    assert feed.etag == '"feed-v1"' and feed.consecutive_failures == 0
    assert feed.last_success_at is not None and feed.next_poll_at > timezone.now()
    assert feed.title == "Velmora Courier" and feed.entry_count == 2


def test_second_run_over_unchanged_feed_creates_nothing_and_fetches_no_page(
    fake_web: FakeWeb, fetcher: Fetcher
) -> None:
    feed = make_feed(serve_site(fake_web, [BRIDGE, LIBRARY]))
    run(fetcher)
    counts = (SourceArticle.objects.count(), SourceArticleVersion.objects.count())
    requests_before = len(fake_web.requests)

    summary = run(fetcher, feeds=[Feed.objects.get(pk=feed.pk)])

    assert (summary.new, summary.updated, summary.unchanged, summary.feeds_ok) == (0, 0, 2, 1)
    assert (SourceArticle.objects.count(), SourceArticleVersion.objects.count()) == counts
    later = fake_web.requests[requests_before:]
    assert [r.path for r in later] == ["/feed.xml"]
    assert later[0].headers["if-none-match"] == '"feed-v1"'


def test_feed_served_without_validators_is_recognised_unchanged_by_its_hash(
    fake_web: FakeWeb, fetcher: Fetcher
) -> None:
    feed = make_feed(serve_site(fake_web, [BRIDGE], feed_etag=None, page_etags=False))
    run(fetcher)
    before = len(fake_web.requests)

    summary = run(fetcher, feeds=[Feed.objects.get(pk=feed.pk)])

    assert (summary.new, summary.unchanged) == (0, 1)
    assert [r.path for r in fake_web.requests[before:]] == ["/feed.xml"]


def test_not_due_feeds_are_skipped_and_inactive_feeds_never_polled(
    fake_web: FakeWeb, fetcher: Fetcher
) -> None:
    url = serve_site(fake_web, [BRIDGE])
    make_feed(url, next_poll_at=timezone.now() + timezone.timedelta(minutes=5))
    make_feed(url.replace("feed.xml", "feed.xml?x=1"), active=False)

    summary = run(fetcher)

    assert summary.attempts == 0 and fake_web.requests == []


def test_changed_article_gets_a_version_with_diff_and_announces_the_change(
    fake_web: FakeWeb, fetcher: Fetcher
) -> None:
    feed = make_feed(serve_site(fake_web, [BRIDGE]))
    run(fetcher)
    source = SourceArticle.objects.get()
    announced = []

    def receiver(sender, *, article, changed_at, **kwargs):
        announced.append((article.pk, article.versions.count(), changed_at))

    source_article_changed.connect(receiver, dispatch_uid="test_ingest.announced")
    corrected = [
        *BRIDGE.paragraphs[:3],
        "Correction: the final bill was a third above the estimate.",
    ]
    fake_web.add(
        "/news/bridge.html",
        page_html(BRIDGE, paragraphs=corrected),
        content_type="text/html; charset=utf-8",
        etag='"bridge-v2"',
    )
    changed = dataclasses.replace(BRIDGE, summary="Updated: " + BRIDGE.paragraphs[0])
    serve_site(fake_web, [changed], feed_etag='"feed-v2"')
    fake_web.add(  # the page route was just reset by serve_site; serve the correction again
        "/news/bridge.html",
        page_html(BRIDGE, paragraphs=corrected),
        content_type="text/html; charset=utf-8",
        etag='"bridge-v2"',
    )

    summary = run(fetcher, feeds=[Feed.objects.get(pk=feed.pk)])

    assert (summary.updated, summary.new) == (1, 0)
    source.refresh_from_db()
    assert "Correction: the final bill" in source.text
    versions = list(source.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert "-The council still has to explain" in versions[1].diff
    assert "+Correction: the final bill was a third above the estimate." in versions[1].diff
    source_article_changed.disconnect(dispatch_uid="test_ingest.announced")
    assert announced == [(source.pk, 2, source.changed_at)]


def test_broken_feeds_are_recorded_on_the_feed_and_the_run_goes_on(
    fake_web: FakeWeb, fetcher: Fetcher
) -> None:
    good = make_feed(serve_site(fake_web, [BRIDGE]))
    fake_web.add("/down.xml", b"oops", status=500)
    fake_web.add("/garbage.xml", b"\x00\x01 this is not a feed", content_type="application/xml")
    down = make_feed(fake_web.url("/down.xml"), outlet=good.outlet)
    garbage = make_feed(fake_web.url("/garbage.xml"), outlet=good.outlet)

    summary = run(fetcher)

    assert (summary.feeds_ok, summary.feeds_failed, summary.new) == (1, 2, 1)
    down.refresh_from_db()
    garbage.refresh_from_db()
    assert "HTTP 500" in down.last_error and down.consecutive_failures == 1
    assert down.next_poll_at > timezone.now() + timezone.timedelta(minutes=25)
    assert garbage.last_error.startswith("FeedParseError")
    assert len(summary.errors) == 2

    run(fetcher, feeds=[Feed.objects.get(pk=down.pk)])
    down.refresh_from_db()
    assert down.consecutive_failures == 2
    assert down.next_poll_at > timezone.now() + timezone.timedelta(minutes=55)


def test_killed_run_leaves_no_half_written_article_and_next_run_completes(
    fake_web: FakeWeb, fetcher: Fetcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    third = dataclasses.replace(LIBRARY, slug="third", title="Velmora ferry timetable changes")
    feed = make_feed(serve_site(fake_web, [BRIDGE, LIBRARY, third]))
    real_add_version = storage._add_version
    calls = {"n": 0}

    def dies_on_second_article(article, previous):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt("worker killed")  # not an Exception: nothing catches it
        return real_add_version(article, previous)

    monkeypatch.setattr(storage, "_add_version", dies_on_second_article)
    with pytest.raises(KeyboardInterrupt):
        run(fetcher)

    assert SourceArticle.objects.count() == 1  # the second article's row was rolled back
    assert all(a.versions.count() == 1 for a in SourceArticle.objects.all())
    feed.refresh_from_db()
    assert feed.etag == ""  # the feed is not marked as done

    monkeypatch.setattr(storage, "_add_version", real_add_version)
    summary = run(fetcher)

    assert (summary.new, summary.unchanged) == (2, 1)
    assert SourceArticle.objects.count() == 3
    assert SourceArticleVersion.objects.count() == 3
    feed.refresh_from_db()
    assert feed.etag == '"feed-v1"'


def test_page_that_cannot_be_fetched_keeps_the_feed_text_and_is_retried(
    fake_web: FakeWeb, fetcher: Fetcher
) -> None:
    feed = make_feed(serve_site(fake_web, [BRIDGE]))
    fake_web.add("/news/bridge.html", b"gone", status=503)

    summary = run(fetcher)

    assert (summary.failed, summary.new) == (1, 0)
    article = SourceArticle.objects.get()
    assert "HTTP 503" in article.fetch_error
    assert article.text == BRIDGE.paragraphs[0]  # the feed's description, nothing lost
    feed.refresh_from_db()
    assert feed.etag == ""  # so the next poll looks at the entries again

    serve_site(fake_web, [BRIDGE])
    summary = run(fetcher, feeds=[Feed.objects.get(pk=feed.pk)])

    assert summary.updated == 1
    article.refresh_from_db()
    assert article.fetch_error == "" and "rusted steel cables" in article.text
    assert article.versions.count() == 2


def test_redirected_page_is_stored_under_its_final_url_and_matched_by_feed_link(
    fake_web: FakeWeb, fetcher: Fetcher
) -> None:
    url = serve_site(fake_web, [BRIDGE])
    fake_web.add(
        "/news/bridge-final.html",
        page_html(BRIDGE),
        content_type="text/html; charset=utf-8",
        delay=0.2,
    )
    fake_web.redirect("/news/bridge.html", "/news/bridge-final.html", status=301)
    feed = make_feed(url)

    run(fetcher)
    fake_web.add("/feed.xml", fake_web._route_for("/feed.xml").body + b" ")  # no ETag now
    summary = run(fetcher, feeds=[Feed.objects.get(pk=feed.pk)])

    article = SourceArticle.objects.get()
    assert article.url == fake_web.url("/news/bridge-final.html")
    assert article.link == fake_web.url("/news/bridge.html")
    assert (summary.new, summary.unchanged) == (0, 1)


def test_oversized_page_is_refused_and_recorded(fake_web: FakeWeb) -> None:
    feed = make_feed(serve_site(fake_web, [BRIDGE]))
    fake_web.add("/news/bridge.html", b"<html>" + b"x" * 300_000, content_type="text/html")

    with Fetcher(min_host_delay=0.0, max_bytes=100_000) as small:
        summary = run(small, feeds=[feed])

    assert summary.failed == 1
    assert "TooLarge" in SourceArticle.objects.get().fetch_error


def test_entries_without_dates_guids_or_links_are_stored_once(
    fake_web: FakeWeb, fetcher: Fetcher
) -> None:
    fake_web.add(
        "/bare.xml",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Bare</title>'
        "<item><title>Notice one</title><description>First notice text.</description></item>"
        "<item><title>Notice two</title><description>Second notice text.</description></item>"
        "</channel></rss>",
        content_type="application/rss+xml",
    )
    feed = make_feed(fake_web.url("/bare.xml"))

    first = run(fetcher)
    fake_web.add("/bare.xml", fake_web._route_for("/bare.xml").body + b"\n")  # body changes
    second = run(fetcher, feeds=[Feed.objects.get(pk=feed.pk)])

    assert (first.new, second.new, second.unchanged) == (2, 0, 2)
    titles = sorted(SourceArticle.objects.values_list("title", flat=True))
    assert titles == ["Notice one", "Notice two"]
    assert all(a.published_at is None for a in SourceArticle.objects.all())
    assert all(a.url.startswith(feed.url + "#") for a in SourceArticle.objects.all())


def test_hostile_html_in_feed_and_page_is_stored_clean(fake_web: FakeWeb, fetcher: Fetcher) -> None:
    hostile = (
        '<script>alert("x")</script><img src="x" onerror="alert(1)">'
        '<a href="javascript:alert(2)">click</a>'
        '<svg><script>alert(3)</script><a xlink:href="javascript:alert(4)">s</a></svg>'
        '<p onclick="steal()">A paragraph with a handler, long enough to be kept as text.</p>'
    )
    story = dataclasses.replace(BRIDGE, summary=hostile, extra_html=hostile)
    make_feed(serve_site(fake_web, [story]))

    run(fetcher)

    article = SourceArticle.objects.get()
    stored = " ".join(
        [article.html, article.summary, *article.versions.values_list("html", flat=True)]
    )
    for forbidden in ("<script", "onerror", "javascript:", "onclick", "<svg", "alert("):
        assert forbidden not in stored.lower()
    assert "rusted steel cables" in article.text


def test_summary_json_reports_at_most_twenty_errors_and_counts_the_rest() -> None:
    summary = IngestSummary(failed=25)
    summary.errors = [f"https://outlet.example.org/{i}: HTTP 503" for i in range(25)]
    data = summary.as_json()
    assert len(data["errors"]) == 20 and data["errors_omitted"] == 5
    assert data["failed"] == 25
