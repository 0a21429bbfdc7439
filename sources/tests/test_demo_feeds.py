"""The demo's own static feeds ingest offline, and the ferry story groups all three outlets."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.testing.factories import make_locales
from core.testing.fake_web import FakeWeb
from sources.demo import DEMO_OUTLETS, install_demo_feeds
from sources.fetching.client import Fetcher
from sources.ingest.runs import ingest_due_feeds
from sources.models import Feed, SourceArticle

pytestmark = pytest.mark.django_db
STATIC = Path(__file__).resolve().parents[1] / "static"


def serve_static_tree(web: FakeWeb) -> None:
    """Serve sources/static/ under /static/ as runserver does in the demo."""
    for path in (STATIC / "demo-feeds").rglob("*"):
        if path.is_file():
            kind = "application/rss+xml" if path.suffix == ".xml" else "text/html; charset=utf-8"
            web.add(f"/static/{path.relative_to(STATIC)}", path.read_bytes(), content_type=kind)


def test_demo_feeds_ingest_offline_and_cluster_the_shared_story(fake_web: FakeWeb) -> None:
    make_locales()
    serve_static_tree(fake_web)
    feeds = install_demo_feeds(fake_web.base_url)
    assert install_demo_feeds(fake_web.base_url) == feeds  # idempotent
    assert Feed.objects.count() == len(DEMO_OUTLETS)

    with Fetcher(min_host_delay=0.0) as fetcher:
        summary = ingest_due_feeds(fetcher=fetcher)

    assert (summary.feeds_ok, summary.feeds_failed, summary.new, summary.failed) == (3, 0, 6, 0)
    ferry = (
        SourceArticle.objects.filter(url__contains="ferry")
        | SourceArticle.objects.filter(url__contains="faehre")
        | SourceArticle.objects.filter(url__contains="parom")
    )
    stories = {a.story_id for a in ferry}
    assert len(ferry) == 3 and len(stories) == 1 and None not in stories
    assert (
        SourceArticle.objects.exclude(story_id__in=stories).values("story").distinct().count() == 3
    )
    assert {a.language for a in ferry} == {"de", "en", "ru"}
    assert all(a.authors and a.published_at for a in SourceArticle.objects.all())
