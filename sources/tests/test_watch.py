"""The watch after publication against a fake outlet on 127.0.0.1 (core.testing.fake_web).

Sources here are watched directly (``start_watch``); which sources a published page makes
watched is tested in articles, and the editors' notifications in newsroom.
"""

from __future__ import annotations

import dataclasses
import io
import json
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from core.models import PeriodicJobState
from core.scheduler import tick_job
from core.scheduling import periodic_jobs
from core.testing.factories import make_locales
from core.testing.fake_web import FakeWeb
from sources.ingest.runs import ingest_due_feeds
from sources.models import Feed, SourceArticle, SourceEvent, SourceWatch
from sources.signals import source_event_recorded
from sources.testing.factories import make_outlet
from sources.watch.runs import check_watches, enqueue_due_checks
from sources.watch.schedule import CLAIM_LEASE, next_step, parse_schedule, start_watch

from .ingest_fixtures import BRIDGE, LIBRARY, page_html, serve_site

pytestmark = pytest.mark.django_db
PAGE = "/news/bridge.html"
HTML = "text/html; charset=utf-8"


@pytest.fixture
def events():
    seen: list[SourceEvent] = []

    def receiver(sender, *, event, **kwargs):
        seen.append(event)

    source_event_recorded.connect(receiver, dispatch_uid="test_watch.events")
    yield seen
    source_event_recorded.disconnect(dispatch_uid="test_watch.events")


def ingested(fake_web: FakeWeb) -> SourceArticle:
    """BRIDGE ingested from the outlet's feed, then gone from the feed (only LIBRARY is left)."""
    make_locales()
    outlet = make_outlet(language="en", homepage=fake_web.url("/"))
    feed = Feed.objects.create(outlet=outlet, url=serve_site(fake_web, [BRIDGE, LIBRARY]))
    ingest_due_feeds(feeds=[feed], cluster=False)
    serve_site(fake_web, [LIBRARY], feed_etag='"feed-v2"')  # BRIDGE left the feed...
    serve_page(fake_web, BRIDGE.paragraphs, etag='"bridge-v1"')  # ...but its page is still there
    return SourceArticle.objects.get(url=fake_web.url(PAGE))


def serve_page(fake_web: FakeWeb, paragraphs: list[str], etag: str) -> None:
    fake_web.add(PAGE, page_html(BRIDGE, paragraphs=paragraphs), content_type=HTML, etag=etag)


def watched(article: SourceArticle, hours_ago: float = 2) -> SourceWatch:
    return start_watch(article.pk, timezone.now() - timedelta(hours=hours_ago))


def the_job():
    return next(job for job in periodic_jobs() if job.name == "sources.watch_sources")


def page_requests(fake_web: FakeWeb):
    return fake_web.requests_for(PAGE)


# -- the schedule -----------------------------------------------------------------------------


def test_the_schedule_setting_reads_increasing_delays_and_refuses_others():
    assert parse_schedule("1h, 6h,1d,7d,30d") == [
        timedelta(hours=1),
        timedelta(hours=6),
        timedelta(days=1),
        timedelta(days=7),
        timedelta(days=30),
    ]
    assert parse_schedule(["30m", "2w"]) == [timedelta(minutes=30), timedelta(weeks=2)]
    for bad in ("", "1h,1h", "6h,1h", "1 hour", "1h,x"):
        with pytest.raises(ValueError):
            parse_schedule(bad)


def test_missed_steps_merge_into_one_check_and_the_schedule_ends():
    steps = parse_schedule("1h,6h,1d")
    anchor = timezone.now()
    assert next_step(anchor, anchor, steps) == (0, anchor + timedelta(hours=1))
    assert next_step(anchor, anchor + timedelta(hours=7), steps) == (2, anchor + timedelta(days=1))
    assert next_step(anchor, anchor + timedelta(days=2), steps) == (3, None)


@override_settings(NEWSDESK_SOURCE_WATCH_SCHEDULE="1h,6h")
def test_a_later_publication_restarts_the_schedule_an_earlier_one_does_not():
    outlet = make_outlet()
    article = SourceArticle.objects.create(outlet=outlet, url="https://o.example.org/a", title="A")
    first = timezone.now() - timedelta(days=3)
    watch = start_watch(article.pk, first)
    assert watch.next_check_at == first + timedelta(hours=1)

    later = timezone.now()
    assert start_watch(article.pk, later).next_check_at == later + timedelta(hours=1)
    assert start_watch(article.pk, first).anchor_at == later
    assert SourceWatch.objects.count() == 1


# -- outcomes ---------------------------------------------------------------------------------


def test_the_periodic_job_refetches_a_source_that_left_the_feed_conditionally(fake_web, events):
    article = ingested(fake_web)
    assert article.etag == '"bridge-v1"'
    watch = watched(article)
    before = len(page_requests(fake_web))

    assert tick_job(the_job(), timezone.now()) is True  # enqueues; the test backend runs it

    request = page_requests(fake_web)[before]
    assert request.headers["if-none-match"] == '"bridge-v1"'
    assert request.headers["user-agent"].startswith("NewsdeskBot")
    watch.refresh_from_db()
    assert (watch.last_status, watch.last_http_status, watch.checks) == ("unchanged", 304, 1)
    assert watch.step == 1 and watch.next_check_at == watch.anchor_at + timedelta(hours=6)
    assert watch.claimed_until is None
    assert article.versions.count() == 1 and events == []
    assert PeriodicJobState.objects.get(name="sources.watch_sources").runs == 1


def test_an_edit_is_stored_as_a_new_version_with_its_diff_and_one_event(fake_web, events):
    article = ingested(fake_web)
    watch = watched(article)
    edited = [*BRIDGE.paragraphs[:3], "The council now says the bill matched its estimate."]
    serve_page(fake_web, edited, etag='"bridge-v2"')

    summary = check_watches([watch.pk])

    assert summary.outcomes == {"changed": 1}
    article.refresh_from_db()
    assert article.etag == '"bridge-v2"' and "matched its estimate" in article.text
    version = article.versions.get(number=2)
    assert "+The council now says the bill matched its estimate." in version.diff
    assert [(e.kind, e.version_id, e.note) for e in events] == [("changed", version.pk, "")]

    # Re-fetching the same text (the server ignores conditional requests) adds nothing.
    fake_web.add(PAGE, page_html(BRIDGE, paragraphs=edited), content_type=HTML)
    SourceWatch.objects.filter(pk=watch.pk).update(next_check_at=timezone.now())
    assert check_watches([watch.pk]).outcomes == {"unchanged": 1}
    assert article.versions.count() == 2 and len(events) == 1


def test_an_appended_correction_is_flagged_and_quoted(fake_web, events):
    article = ingested(fake_web)
    watch = watched(article)
    note = "Correction: an earlier version gave the cost of the repairs as twice the estimate."
    serve_page(fake_web, [*BRIDGE.paragraphs, note], etag='"bridge-v2"')

    assert check_watches([watch.pk]).outcomes == {"corrected": 1}

    assert [(e.kind, e.note) for e in events] == [("corrected", note)]
    assert SourceWatch.objects.get(pk=watch.pk).last_status == "corrected"


@pytest.mark.parametrize(
    "answer, detail",
    [
        ("404", "HTTP 404"),
        ("410", "HTTP 410"),
        ("home", "redirected to the outlet's home page"),
    ],
)
def test_a_withdrawn_source_is_recorded_once(fake_web, events, answer, detail):
    article = ingested(fake_web)
    watch = watched(article, hours_ago=30)
    if answer == "home":
        fake_web.add("/", "<html><body><h1>Velmora Courier</h1></body></html>", content_type=HTML)
        fake_web.redirect(PAGE, "/", status=301)
    else:
        fake_web.add(PAGE, "gone", status=int(answer))

    assert check_watches([watch.pk]).outcomes == {"withdrawn": 1}

    watch.refresh_from_db()
    assert watch.withdrawn_at is not None and watch.last_status == "withdrawn"
    assert [e.kind for e in events] == ["withdrawn"] and events[0].detail.startswith(detail)
    assert article.versions.count() == 1  # the text we based the page on stays

    SourceWatch.objects.filter(pk=watch.pk).update(next_check_at=timezone.now())
    assert check_watches([watch.pk]).outcomes == {"withdrawn": 1}
    assert len(events) == 1  # still gone: no second event


def test_a_redirect_to_another_article_address_is_not_a_withdrawal(fake_web, events):
    article = ingested(fake_web)
    watch = watched(article)
    fake_web.add("/2026/bridge-reopens.html", page_html(BRIDGE), content_type=HTML)
    fake_web.redirect(PAGE, "/2026/bridge-reopens.html", status=301)

    assert check_watches([watch.pk]).outcomes == {"unchanged": 1}
    assert events == []


def test_a_failed_check_is_retried_and_then_the_schedule_moves_on(fake_web, events):
    article = ingested(fake_web)
    watch = watched(article)
    fake_web.add(PAGE, "down", status=503)

    check_watches([watch.pk])
    watch.refresh_from_db()
    assert (watch.last_status, watch.last_http_status, watch.step) == ("failed", 503, 0)
    assert "503" in watch.last_error
    assert timedelta(minutes=59) < watch.next_check_at - watch.last_checked_at <= timedelta(hours=1)
    assert events == []


# -- crashes and restarts ----------------------------------------------------------------------


def test_a_check_lost_with_its_worker_is_picked_again_after_the_claim_expires(fake_web):
    article = ingested(fake_web)
    watch = watched(article)
    lost: list[list[int]] = []

    summary = enqueue_due_checks(lost.append)  # a worker took the task and died

    assert summary.enqueued == 1 and lost == [[watch.pk]]
    watch.refresh_from_db()
    assert watch.claimed_until is not None and watch.checks == 0
    assert enqueue_due_checks(lost.append).enqueued == 0  # claimed: not handed out twice

    later = timezone.now() + CLAIM_LEASE + timedelta(minutes=1)
    again: list[list[int]] = []
    assert enqueue_due_checks(again.append, now=later).enqueued == 1
    assert check_watches(again[0]).checked == 1
    watch.refresh_from_db()
    assert watch.checks == 1 and watch.claimed_until is None and watch.step == 1
    # The lost task, if it ever runs, finds the source checked already and leaves it alone.
    assert check_watches(lost[0]).checked == 0


def test_sources_of_different_outlets_go_to_different_tasks(fake_web):
    article = ingested(fake_web)
    other = dataclasses.replace(BRIDGE, slug="elsewhere")
    outlet = make_outlet(language="en")
    remote = SourceArticle.objects.create(
        outlet=outlet, url=f"http://localhost:{fake_web.port}/news/{other.slug}.html", title="B"
    )
    watched(article)
    watched(remote)
    tasks: list[list[int]] = []

    enqueue_due_checks(tasks.append)

    assert sorted(len(ids) for ids in tasks) == [1, 1]


# -- the command ------------------------------------------------------------------------------


def test_the_command_checks_due_sources_and_prints_json(fake_web, events):
    article = ingested(fake_web)
    watched(article)
    serve_page(fake_web, [*BRIDGE.paragraphs, "Update: the ferry still runs."], '"bridge-v2"')
    out = io.StringIO()

    call_command("watch_sources", "--json", stdout=out, stderr=io.StringIO())

    summary = json.loads(out.getvalue().strip().splitlines()[-1])
    assert (summary["checked"], summary["outcomes"]) == (1, {"corrected": 1})
    assert [e.note for e in events] == ["Update: the ferry still runs."]
    out = io.StringIO()
    call_command("watch_sources", "--json", stdout=out)  # nothing due any more
    assert json.loads(out.getvalue())["checked"] == 0


def test_the_command_with_all_checks_before_the_step_and_fails_when_every_check_fails(fake_web):
    article = ingested(fake_web)
    watch = start_watch(article.pk, timezone.now())  # the first step is an hour away
    fake_web.add(PAGE, "down", status=500)

    with pytest.raises(CommandError, match="every check failed"):
        call_command("watch_sources", "--all", stdout=io.StringIO(), stderr=io.StringIO())

    watch.refresh_from_db()
    assert watch.checks == 1 and watch.last_status == "failed"


def test_a_page_without_article_text_is_a_failed_check_not_an_emptied_article(fake_web, events):
    article = ingested(fake_web)
    watch = watched(article)
    fake_web.add(PAGE, "<html><head><title>x</title></head><body></body></html>", content_type=HTML)

    assert check_watches([watch.pk]).outcomes == {"failed": 1}

    assert article.versions.count() == 1 and events == []
    assert SourceWatch.objects.get(pk=watch.pk).last_error  # says why
