"""Per-outlet extraction rules: selectors take precedence over trafilatura where they match, and
a rule that stops matching is recorded for the feed-health report."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from core.testing.factories import make_locales
from core.testing.fake_web import FakeWeb
from sources.extraction import extract_article
from sources.fetching.client import Fetcher
from sources.ingest.runs import ingest_due_feeds
from sources.models import ExtractionRule, Feed, SourceArticle
from sources.testing.factories import make_outlet

from .ingest_fixtures import BRIDGE, rss

# Our own page (fictional outlet): the real story sits in an odd container after a long
# "related stories" block, the headline is not the <title>, the byline is a data attribute.
ODD_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Velmora Courier - news from the bay</title>
<meta property="og:image" content="/img/logo.png"></head><body>
<div class="promo"><h1>Subscribe to the Velmora Courier today</h1>
<p>Our newsletter brings you every story from the bay, every morning, for free, forever.</p>
<p>Readers who subscribe get the crossword, the tide tables and the ferry timetable too.</p></div>
<div class="x-story" data-writer="Ilse Haugen">
<span class="x-head">Ferry fares in Velmora fall for the winter</span>
<span class="x-when" data-ts="2026-11-30T08:15:00+01:00">yesterday</span>
<img class="x-photo" src="/img/ferry.jpg" alt="">
<section class="x-text"><p>The ferry company cut its winter fares by a fifth on Monday.</p>
<p>Commuters welcomed the cut but asked for later evening crossings.</p></section>
</div></body></html>"""

SELECTORS = {
    "title": ".x-story .x-head",
    "body": "section.x-text",
    "published": "//span[@class='x-when']/@data-ts",
    "author": "//div[@class='x-story']/@data-writer",
    "image": "img.x-photo",
}


def test_selectors_override_trafilatura_where_they_match() -> None:
    plain = extract_article(ODD_PAGE, url="https://courier.example.org/ferry")
    ruled = extract_article(ODD_PAGE, url="https://courier.example.org/ferry", selectors=SELECTORS)

    assert plain.title != "Ferry fares in Velmora fall for the winter"
    assert ruled.title == "Ferry fares in Velmora fall for the winter"
    assert ruled.text.startswith("The ferry company cut its winter fares")
    assert "newsletter" not in ruled.text and "<p>" in ruled.html
    assert ruled.published_at == datetime(2026, 11, 30, 7, 15, tzinfo=UTC)
    assert ruled.authors == ["Ilse Haugen"]
    assert ruled.image_url == "https://courier.example.org/img/ferry.jpg"
    assert set(ruled.rule_matched) == set(SELECTORS) and ruled.rule_missed == ()


def test_a_selector_that_matches_nothing_keeps_trafilaturas_value_and_is_reported() -> None:
    plain = extract_article(ODD_PAGE, url="https://courier.example.org/ferry")
    ruled = extract_article(
        ODD_PAGE,
        url="https://courier.example.org/ferry",
        selectors={"title": "h1.gone", "author": SELECTORS["author"]},
    )

    assert ruled.title == plain.title
    assert ruled.authors == ["Ilse Haugen"]
    assert ruled.rule_missed == ("title",)


@pytest.mark.django_db
def test_invalid_selectors_are_refused_when_saved() -> None:
    make_locales()
    rule = ExtractionRule(outlet=make_outlet(), title="div[[", body="//p[")

    with pytest.raises(ValidationError) as error:
        rule.clean()

    assert set(error.value.message_dict) == {"title", "body"}
    with pytest.raises(ValidationError):
        ExtractionRule(outlet=rule.outlet).clean()  # no selector at all


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(min_host_delay=0.0) as f:
        yield f


@pytest.mark.django_db
def test_ingest_uses_the_outlets_rule_and_records_when_it_stops_matching(
    fake_web: FakeWeb, fetcher: Fetcher
) -> None:
    make_locales()
    outlet = make_outlet(language="en")
    fake_web.add("/news/ferry.html", ODD_PAGE, content_type="text/html; charset=utf-8")
    story = BRIDGE.__class__(slug="ferry", title="Ferry", paragraphs=["Ferry fares fall."])
    fake_web.add(
        "/feed.xml",
        rss([(story, fake_web.url("/news/ferry.html"))]),
        content_type="application/rss+xml",
    )
    feed = Feed.objects.create(outlet=outlet, url=fake_web.url("/feed.xml"))
    rule = ExtractionRule.objects.create(outlet=outlet, **SELECTORS)

    ingest_due_feeds(fetcher=fetcher, feeds=[feed], cluster=False)

    article = SourceArticle.objects.get()
    assert article.title == "Ferry fares in Velmora fall for the winter"
    assert article.authors == ["Ilse Haugen"]
    rule.refresh_from_db()
    assert rule.missed_fields == [] and rule.last_matched_at is not None

    # The outlet redesigns its pages: the rule's title selector finds nothing any more.
    fake_web.add(
        "/news/ferry.html",
        ODD_PAGE.replace("x-head", "headline").replace("winter", "cold season"),
        content_type="text/html; charset=utf-8",
    )
    Feed.objects.filter(pk=feed.pk).update(content_hash="", etag="")
    SourceArticle.objects.update(entry_hash="")
    ingest_due_feeds(fetcher=fetcher, feeds=[Feed.objects.get(pk=feed.pk)], cluster=False)

    rule.refresh_from_db()
    assert rule.missed_fields == ["title"]
    assert rule.last_checked_url == fake_web.url("/news/ferry.html")


@pytest.mark.django_db
@pytest.mark.parametrize("by", ["host", "name"])
def test_ingest_url_applies_the_outlets_rule_like_feed_ingest(
    fake_web: FakeWeb, settings, by: str
) -> None:
    """`manage.py ingest_url <page>` and a feed's pages share one extraction step
    (sources.ingest.rules.extract_page): the outlet's selectors apply to both."""
    settings.NEWSDESK_FETCH_MIN_HOST_DELAY = 0.0
    make_locales()
    outlet = make_outlet("Velmora Courier", language="en", homepage=fake_web.url("/"))
    rule = ExtractionRule.objects.create(outlet=outlet, **SELECTORS)
    fake_web.add("/news/ferry.html", ODD_PAGE, content_type="text/html; charset=utf-8")
    args = ["--outlet", "velmora courier"] if by == "name" else []

    call_command("ingest_url", fake_web.url("/news/ferry.html"), *args, stdout=StringIO())

    article = SourceArticle.objects.get()
    assert article.outlet == outlet
    assert article.title == "Ferry fares in Velmora fall for the winter"
    assert article.authors == ["Ilse Haugen"]
    assert "newsletter" not in article.text
    rule.refresh_from_db()
    assert rule.last_checked_url == fake_web.url("/news/ferry.html")
    assert rule.missed_fields == [] and rule.last_matched_at is not None


@pytest.mark.django_db
def test_ingest_url_of_a_new_outlet_extracts_with_trafilatura(fake_web: FakeWeb, settings) -> None:
    settings.NEWSDESK_FETCH_MIN_HOST_DELAY = 0.0
    make_locales()
    other = make_outlet("Elsewhere Gazette", language="en")
    ExtractionRule.objects.create(outlet=other, **SELECTORS)  # another outlet's rule
    fake_web.add("/news/ferry.html", ODD_PAGE, content_type="text/html; charset=utf-8")

    call_command("ingest_url", fake_web.url("/news/ferry.html"), stdout=StringIO())

    article = SourceArticle.objects.get()
    assert article.outlet != other
    assert article.title != "Ferry fares in Velmora fall for the winter"
    assert ExtractionRule.objects.get().last_checked_at is None
