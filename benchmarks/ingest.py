"""Ingest speed: feed parsing and extraction against plain baselines, and end-to-end ingest.

    .venv/bin/python benchmarks/ingest.py [--page-limit N] [--no-trafilatura-eval]

1. Feed parsing: items/s of ``sources.feeds.parse_feed`` vs a plain ``feedparser.parse`` loop
   over every feed in ../shared/data/feeds-real and feeds-edgecases (same bytes, same process).
2. Extraction: pages/s of ``extract_article`` vs plain ``trafilatura.extract`` over the shared
   article pages (the loop of benchmarks/extraction.py).
3. End-to-end: a local mirror on 127.0.0.1 (core.testing.fake_web, real HTTP with ETags) serves
   every shared feed (their links point to real sites, so those feeds are ingested from their
   own content) and every shared article page, listed by mirror index feeds generated at run
   time. A fresh in-memory test database is migrated, then ``ingest_due_feeds`` runs twice:
   first run (everything new, clustering included) vs the unchanged second run.

Shared data is read in place and served from memory; nothing is copied into the repository.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from email.utils import format_datetime
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.test")
os.environ.pop("DATABASE_URL", None)  # the end-to-end run uses an in-memory SQLite database

import django  # noqa: E402

django.setup()

import feedparser  # noqa: E402
import trafilatura  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from core.testing.fake_web import FakeWeb  # noqa: E402
from core.testing.shared_data import shared_data_root  # noqa: E402
from sources.extraction import extract_article  # noqa: E402
from sources.feeds import FeedParseError, parse_feed  # noqa: E402
from sources.tests.extraction_quality import (  # noqa: E402
    fundus_pages,
    scrapinghub_pages,
    trafilatura_eval_pages,
)
from sources.tests.feed_fixtures import feed_files  # noqa: E402


def bench_feed_parsing(root: Path, rounds: int = 3) -> None:
    documents = [(root / rel).read_bytes() for rel in feed_files()]
    ours_items = plain_items = plain_crashes = 0
    ours_seconds = plain_seconds = 0.0
    for _ in range(rounds):
        started = time.perf_counter()
        for data in documents:
            try:
                plain_items += len(feedparser.parse(data).entries)
            except (ValueError, TypeError):  # plain feedparser crashes on some corpus feeds
                plain_crashes += 1
        plain_seconds += time.perf_counter() - started
        started = time.perf_counter()
        for data in documents:
            try:
                ours_items += len(parse_feed(data, url="http://127.0.0.1/feed").entries)
            except FeedParseError:
                pass
        ours_seconds += time.perf_counter() - started
    ours, plain = ours_items / ours_seconds, plain_items / plain_seconds
    print(f"feed parsing: {len(documents)} feeds x {rounds} rounds")
    print(f"  plain feedparser.parse: {plain:8.0f} items/s ({plain_items // rounds} items/round)")
    print(f"  parse_feed (ours):      {ours:8.0f} items/s ({ours_items // rounds} items/round)")
    print(f"  ratio ours/plain:       {ours / plain:8.2f}")
    print(f"  plain feedparser crashed on {plain_crashes // rounds} feed(s) per round")


def bench_extraction(pages: list, rounds: int = 1) -> None:
    inputs = [(p.html, p.url) for p in pages]
    for html, url in inputs[:3]:  # warm-up
        extract_article(html, url=url)
        trafilatura.extract(html)
    ours_seconds = plain_seconds = 0.0
    for _ in range(rounds):
        started = time.perf_counter()
        for html, _url in inputs:
            trafilatura.extract(html)
        plain_seconds += time.perf_counter() - started
        started = time.perf_counter()
        for html, url in inputs:
            extract_article(html, url=url)
        ours_seconds += time.perf_counter() - started
    count = len(inputs) * rounds
    ours, plain = count / ours_seconds, count / plain_seconds
    print(f"extraction: {len(inputs)} pages x {rounds} rounds")
    print(f"  plain trafilatura.extract: {plain:6.1f} pages/s")
    print(f"  extract_article (ours):    {ours:6.1f} pages/s")
    print(f"  ratio ours/plain:          {ours / plain:6.2f}")


def _index_feed(web: FakeWeb, name: str, paths: list[str]) -> str:
    now = format_datetime(timezone.now())
    items = "".join(
        f"<item><title>page {i}</title><link>{escape(web.url(p))}</link>"
        f"<guid>{escape(p)}</guid><pubDate>{now}</pubDate></item>"
        for i, p in enumerate(paths)
    )
    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name}</title>{items}'
    body += "</channel></rss>"
    web.add(f"/index/{name}.xml", body, content_type="application/rss+xml", etag=f'"{name}"')
    return web.url(f"/index/{name}.xml")


def bench_end_to_end(root: Path, pages: list, per_index: int = 100) -> None:
    from django.db import connection

    from core.testing.factories import make_locales
    from sources.fetching.client import Fetcher
    from sources.ingest.runs import ingest_due_feeds
    from sources.models import Feed, SourceArticle, SourceArticleVersion, Story
    from sources.testing.factories import make_outlet

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    make_locales()
    web = FakeWeb()
    try:
        outlet = make_outlet("Mirror", language="en")
        for i, rel in enumerate(feed_files()):
            web.add(f"/feeds/{i}", (root / rel).read_bytes(), content_type=None, etag=f'"f{i}"')
            Feed.objects.create(outlet=outlet, url=web.url(f"/feeds/{i}"), fetch_pages=False)
        paths = []
        for i, page in enumerate(pages):
            path = f"/pages/{i}.html"
            web.add(path, page.html, content_type="text/html", etag=f'"p{i}"')
            paths.append(path)
        for start in range(0, len(paths), per_index):
            url = _index_feed(web, f"pages-{start}", paths[start : start + per_index])
            Feed.objects.create(outlet=outlet, url=url)

        with Fetcher(min_host_delay=0.0) as fetcher:
            started = time.perf_counter()
            first = ingest_due_feeds(fetcher=fetcher, feeds=list(Feed.objects.all()))
            first_seconds = time.perf_counter() - started
            counts = (
                SourceArticle.objects.count(),
                SourceArticleVersion.objects.count(),
                Story.objects.count(),
            )
            started = time.perf_counter()
            second = ingest_due_feeds(fetcher=fetcher, feeds=list(Feed.objects.all()))
            second_seconds = time.perf_counter() - started
        after = (
            SourceArticle.objects.count(),
            SourceArticleVersion.objects.count(),
            Story.objects.count(),
        )
        print(
            f"end-to-end: {len(feed_files())} shared feeds + {len(pages)} shared pages "
            f"(behind {Feed.objects.count() - len(feed_files())} index feeds) on 127.0.0.1"
        )
        print(
            f"  first run:  {first_seconds:7.1f} s  feeds ok {first.feeds_ok}, failed "
            f"{first.feeds_failed}; new {first.new}, failed {first.failed}; "
            f"{counts[0]} articles, {counts[2]} stories"
        )
        print(
            f"  second run: {second_seconds:7.2f} s  new {second.new}, updated {second.updated}, "
            f"unchanged {second.unchanged}; rows before/after {counts} / {after}"
        )
        print(f"  ratio first/second: {first_seconds / second_seconds:7.1f}x")
        rate = (first.new + first.failed) / first_seconds
        print(f"  first-run throughput: {rate:.1f} articles/s (fetch+extract+store+cluster)")
    finally:
        web.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page-limit", type=int, default=0, help="use only the first N pages")
    parser.add_argument(
        "--no-trafilatura-eval", action="store_true", help="skip the 790 trafilatura-eval pages"
    )
    args = parser.parse_args()
    root = shared_data_root()
    if not root.exists():
        sys.exit(f"shared data not found at {root}")
    pages = list(scrapinghub_pages(root / "article-extraction-benchmark"))
    pages += list(fundus_pages(root / "fundus-news-pages"))
    if not args.no_trafilatura_eval:
        pages += list(trafilatura_eval_pages(root / "trafilatura-eval"))
    if args.page_limit:
        pages = pages[: args.page_limit]

    bench_feed_parsing(root)
    bench_extraction(pages)
    bench_end_to_end(root, pages)


if __name__ == "__main__":
    main()
