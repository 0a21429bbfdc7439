"""Every feed in the shared corpora parses to what the upstream expected files describe, or
fails with FeedParseError, never another exception. A subset goes end to end: served with its
original bytes and Content-Type by a loopback server, fetched by the safe client, then parsed.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator

import pytest

from core.testing.fake_web import FakeWeb
from core.testing.shared_data import shared_data_dir
from sources.feeds import FeedParseError, ParsedFeed, parse_feed
from sources.fetching.client import Fetcher
from sources.tests.feed_fixtures import (
    Expectation,
    expectation_for,
    feed_files,
    normal_url,
    text_matches,
)

FEED_URL = "https://feeds.example.org/news/feed.xml"
FILES = feed_files() or ["feeds-real"]  # absent corpus: one case that skips with a message


def read_corpus(relative: str) -> bytes:
    return shared_data_dir(*relative.split("/")).read_bytes()


def assert_matches(feed: ParsedFeed, expected: Expectation, base: str) -> None:
    if expected.feed_title is not None:
        assert text_matches(feed.title, expected.feed_title), (feed.title, expected.feed_title)
    if expected.entries is None:
        return
    assert len(feed.entries) == len(expected.entries)
    for got, want in zip(feed.entries, expected.entries, strict=True):
        if want.title is not None:
            assert text_matches(got.title, want.title), (got.title, want.title)
        if want.link is not None:
            assert normal_url(got.link, base) == normal_url(want.link, base)


def assert_well_formed_entries(feed: ParsedFeed) -> None:
    for entry in feed.entries:
        assert entry.guid
        for moment in (entry.published, entry.updated):
            assert moment is None or moment.utcoffset() is not None


@pytest.mark.parametrize("relative", FILES)
def test_corpus_feed_parses_as_expected_or_fails_cleanly(relative: str) -> None:
    data = read_corpus(relative)
    expected = expectation_for(relative)
    if expected.must_fail:
        with pytest.raises(FeedParseError):
            parse_feed(data, url=FEED_URL)
        return
    try:
        feed = parse_feed(data, url=FEED_URL)
    except FeedParseError:
        assert expected.entries is None and expected.feed_title is None, (
            "the corpus has an expected parse for this feed"
        )
        return
    assert_matches(feed, expected, FEED_URL)
    assert_well_formed_entries(feed)


_DECLARED = re.compile(rb"^\s*<\?xml[^>]*encoding=[\"']([^\"']+)", re.I)


def _non_utf8_corpus_files() -> list[str]:
    found = []
    for relative in feed_files():
        data = read_corpus(relative)
        match = _DECLARED.match(data[:300])
        if data.isascii():
            continue  # declared legacy encoding but nothing outside ASCII to get wrong
        if match and match.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
            found.append(relative)
    return found or ["feeds-edgecases"]


@pytest.mark.parametrize("relative", _non_utf8_corpus_files())
def test_non_utf8_corpus_feeds_decode_to_expected_text(relative: str) -> None:
    data = read_corpus(relative)
    expected = expectation_for(relative)
    feed = parse_feed(data, url=FEED_URL)
    assert feed.encoding not in (None, "utf-8")
    texts = [feed.title] + [e.title for e in feed.entries] + [e.summary for e in feed.entries]
    assert not any("\ufffd" in t for t in texts), "some bytes did not decode"
    assert any(not t.isascii() for t in texts), "fixture has no non-ASCII text to check"
    assert_matches(feed, expected, FEED_URL)


# -- end to end: loopback server -> safe fetcher -> parser ---------------------------------

END_TO_END = [
    ("feeds-edgecases/rss-parser/latin2.rss", "application/rss+xml", None),
    ("feeds-edgecases/rss-parser/encoding-gb2312.xml", "text/xml; charset=gb2312", None),
    ("feeds-real/rss-parser/input/uolNoticias.rss", "application/rss+xml", None),
    ("feeds-real/rss-parser/input/encoding.rss", "text/xml", None),
    ("feeds-real/feed-rs/rss2/rss_2.0_encoding_1.xml", "text/xml; charset=ISO-8859-1", None),
    ("feeds-real/feed-rs/rss1/rss_1.0_iso8859.xml", "application/rdf+xml", None),
    ("feeds-real/rss-parser/input/guardian.rss", "application/rss+xml; charset=utf-8", "gzip"),
    ("feeds-real/rss-parser/input/heise.atom", "application/atom+xml", "gzip"),
    ("feeds-real/feed-rs/jsonfeed/jsonfeed_example_1.json", "application/feed+json", None),
    ("feeds-real/feed-rs/atom/atom_relative.xml", "application/atom+xml", None),
    ("feeds-real/feed-rs/rss2/rss_2.0_relurl_1.xml", "application/rss+xml", None),
]


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(min_host_delay=0.0) as f:
        yield f


@pytest.mark.parametrize(("relative", "content_type", "coding"), END_TO_END)
def test_corpus_feed_end_to_end_through_fetcher(
    relative: str, content_type: str, coding: str | None, fake_web: FakeWeb, fetcher: Fetcher
) -> None:
    data = read_corpus(relative)
    body = gzip.compress(data) if coding == "gzip" else data
    path = "/outlet/" + relative.rsplit("/", 1)[-1]
    fake_web.add(path, body, content_type=content_type, content_encoding=coding, etag='"e1"')
    result = fetcher.fetch(fake_web.url(path))
    assert result.body == data
    feed = parse_feed(result.body, url=result.url, content_type=result.content_type)
    assert_matches(feed, expectation_for(relative), result.url)
    assert_well_formed_entries(feed)
    again = fetcher.fetch(fake_web.url(path), etag=result.etag)
    assert again.not_modified
