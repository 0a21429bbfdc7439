"""ingest / ingest_url / add_feed commands, and the polling task."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from core.scheduling import periodic_jobs
from core.testing.factories import make_locales
from core.testing.fake_web import FakeWeb
from sources.models import Feed, Outlet, SourceArticle
from sources.tasks import poll_feeds
from sources.testing.factories import make_outlet

from .ingest_fixtures import BRIDGE, LIBRARY, page_html, serve_site

pytestmark = pytest.mark.django_db
REPO = Path(__file__).resolve().parents[2]
JSON_KEYS = {"feeds_ok", "feeds_failed", "new", "updated", "unchanged", "failed", "seconds"}


@pytest.fixture(autouse=True)
def no_host_spacing(settings):
    settings.NEWSDESK_FETCH_MIN_HOST_DELAY = 0.0
    make_locales()


def last_json_line(text: str) -> dict:
    return json.loads(text.strip().splitlines()[-1])


def test_ingest_json_prints_the_summary_on_the_last_line(fake_web: FakeWeb) -> None:
    Feed.objects.create(
        outlet=make_outlet(language="en"), url=serve_site(fake_web, [BRIDGE, LIBRARY])
    )
    first, second = StringIO(), StringIO()

    call_command("ingest", "--json", stdout=first, stderr=StringIO())
    call_command("ingest", "--json", "--all", stdout=second, stderr=StringIO())

    one, two = last_json_line(first.getvalue()), last_json_line(second.getvalue())
    assert JSON_KEYS <= set(one)
    assert (one["feeds_ok"], one["new"], one["failed"]) == (1, 2, 0)
    assert (two["new"], two["updated"], two["unchanged"]) == (0, 0, 2)
    assert isinstance(one["seconds"], float) and one["seconds"] >= 0


def test_ingest_without_json_prints_a_readable_summary(fake_web: FakeWeb) -> None:
    Feed.objects.create(outlet=make_outlet(language="en"), url=serve_site(fake_web, [BRIDGE]))
    out = StringIO()

    call_command("ingest", stdout=out, stderr=StringIO())

    text = out.getvalue()
    assert "feeds ok" in text and "new articles" in text and "seconds" in text


def test_ingest_with_only_failing_feeds_exits_non_zero(fake_web: FakeWeb) -> None:
    fake_web.add("/gone.xml", b"", status=404)
    Feed.objects.create(outlet=make_outlet(), url=fake_web.url("/gone.xml"))
    out, err = StringIO(), StringIO()

    with pytest.raises(CommandError, match="nothing could be fetched"):
        call_command("ingest", "--json", stdout=out, stderr=err)

    assert last_json_line(out.getvalue())["feeds_failed"] == 1
    assert "404" in err.getvalue()


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:{port}/feed.xml",  # resolves to loopback, host not allow-listed
        "http://10.20.30.40/feed.xml",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:{port}/feed.xml",
        "http://127.0.0.1:{port}/to-localhost",  # allowed host redirecting to a refused one
    ],
)
def test_ingest_url_refuses_private_addresses_with_a_clear_message(
    fake_web: FakeWeb, url: str
) -> None:
    serve_site(fake_web, [BRIDGE])
    fake_web.redirect("/to-localhost", f"http://localhost:{fake_web.port}/feed.xml")
    out, err = StringIO(), StringIO()

    with pytest.raises(CommandError, match="refused") as caught:
        call_command("ingest_url", url.format(port=fake_web.port), "--json", stdout=out, stderr=err)

    assert caught.value.returncode == 1
    summary = last_json_line(out.getvalue())
    assert (summary["failed"], summary["new"]) == (1, 0)
    assert "SSRF" in err.getvalue() or "address" in err.getvalue()
    assert SourceArticle.objects.count() == 0 and Feed.objects.count() == 0


def test_ingest_url_process_exits_non_zero_for_a_refused_address() -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "newsdesk.settings.test"}
    done = subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", "ingest_url", "http://10.9.8.7/rss", "--json"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert done.returncode == 1
    assert "refused to connect" in done.stderr and "private-network" in done.stderr
    assert last_json_line(done.stdout)["failed"] == 1


def test_ingest_url_detects_a_feed_registers_it_and_ingests_its_entries(fake_web: FakeWeb):
    url = serve_site(fake_web, [BRIDGE, LIBRARY])
    out = StringIO()

    call_command("ingest_url", url, "--outlet", "Velmora Courier", "--json", stdout=out)

    summary = last_json_line(out.getvalue())
    assert (summary["feeds_ok"], summary["new"]) == (1, 2)
    feed = Feed.objects.get(url=url)
    assert feed.outlet.name == "Velmora Courier"
    assert set(SourceArticle.objects.values_list("outlet__name", flat=True)) == {"Velmora Courier"}


def test_ingest_url_detects_an_article_page_and_stores_one_article(fake_web: FakeWeb):
    fake_web.add("/story", page_html(BRIDGE), content_type="text/html; charset=utf-8")
    out = StringIO()

    call_command("ingest_url", fake_web.url("/story"), "--json", stdout=out)
    call_command("ingest_url", fake_web.url("/story"), "--json", stdout=(again := StringIO()))

    assert last_json_line(out.getvalue())["new"] == 1
    assert last_json_line(again.getvalue())["unchanged"] == 1
    article = SourceArticle.objects.get()
    assert article.title == BRIDGE.title and "rusted steel cables" in article.text
    assert article.feed is None and Feed.objects.count() == 0
    assert article.outlet.homepage == fake_web.url("/")


def test_ingest_url_on_something_neither_feed_nor_page_fails_clearly(fake_web: FakeWeb):
    fake_web.add("/data.bin", b"\x89PNG\r\n\x1a\n binary", content_type="image/png")
    err = StringIO()

    with pytest.raises(CommandError):
        call_command("ingest_url", fake_web.url("/data.bin"), stdout=StringIO(), stderr=err)

    assert "neither an HTML page nor a feed" in err.getvalue()


def test_add_feed_registers_the_feed_and_outlet_once() -> None:
    out = StringIO()

    call_command("add_feed", "https://courier.example.org/rss", "--outlet", "Courier", stdout=out)
    call_command("add_feed", "https://courier.example.org/rss", "--outlet", "Courier", stdout=out)

    assert Feed.objects.get().outlet == Outlet.objects.get(name="Courier")
    assert "Added" in out.getvalue() and "Already following" in out.getvalue()
    with pytest.raises(CommandError, match="not an http"):
        call_command("add_feed", "ftp://x.example.org/rss", "--outlet", "Courier")


def test_polling_task_ingests_due_feeds_and_is_one_periodic_job(fake_web: FakeWeb) -> None:
    Feed.objects.create(outlet=make_outlet(language="en"), url=serve_site(fake_web, [BRIDGE]))

    result = poll_feeds.enqueue()  # the test settings run tasks immediately
    assert result.return_value["new"] == 1
    # The scheduler enqueues it (no self-requeuing chain), on the queue of its own.
    (job,) = [job for job in periodic_jobs() if job.task.module_path == poll_feeds.module_path]
    assert job.task.queue_name == "ingest"
