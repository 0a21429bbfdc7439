"""The production stack when things break: PostgreSQL restarted under load, web processes down
or SIGKILLed, cached copies past their lifetime.

The stack is `deploy/stack.py` (what `make stack` runs) on a PostgreSQL server of the test's
own (`core.testing.stack.PrivatePostgres`: initdb in a temporary directory), so that the test
can stop and start it without disturbing the machine's server that other tests use. Pages live
one second in Varnish here (`NEWSDESK_HTTP_S_MAXAGE=1`, no stale-while-revalidate), so every
copy the test reads during an outage is an expired one kept only for stale-if-error.

Missing varnishd or PostgreSQL binaries fail these tests (CI installs them); they never skip.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter

import pytest

from core.testing.stack import PrivatePostgres, Stack, private_postgres, running_stack, wait_for

SHORT_LIVED = {
    "NEWSDESK_HTTP_S_MAXAGE": "1",
    "NEWSDESK_HTTP_STALE_WHILE_REVALIDATE": "0",
    "NEWSDESK_PUBLISH_SCHEDULED_SECONDS": "1",
    "NEWSDESK_SCHEDULER_TICK_SECONDS": "0.5",
    "NEWSDESK_SCHEDULER_MAX_BACKOFF_SECONDS": "2",
    "NEWSDESK_WORKER_MAX_BACKOFF_SECONDS": "2",
}
RECOVERY = 60.0  # seconds the processes may take to notice the database is back (busy machine)

SETUP = """
from articles.testing.factories import make_article, make_section, make_site
make_site()
section = make_section("en", title="World", slug="world")
for slug, title in [("ferry", "Harbour ferry resumes"), ("bridge", "Bridge repairs begin")]:
    make_article(section, title=title, slug=slug)
"""

SCHEDULE = """
import json
from datetime import timedelta
from django.utils import timezone
from articles.models import SectionPage
from articles.testing.factories import make_article
page = make_article(SectionPage.objects.get(slug="world"), title="Night tram returns",
                    slug="night-tram", live=False)
page.go_live_at = timezone.now() + timedelta(seconds=%d)
page.save_revision().publish()
print(json.dumps({"go_live_at": page.go_live_at.isoformat()}))
"""


@pytest.fixture(scope="module")
def postgres():
    with private_postgres() as server:
        yield server


@pytest.fixture(scope="module")
def stack(postgres: PrivatePostgres):
    with running_stack(database_url=postgres.url("newsdesk_stack"), env=SHORT_LIVED) as running:
        running.shell(SETUP)
        running.settle()
        yield running


def direct(stack: Stack, path: str, web: int = 0) -> int:
    """Status of `path` straight from one gunicorn process, not through Varnish."""
    try:
        return stack.get(path, base=f"http://127.0.0.1:{stack.web_ports[web]}", timeout=5)[0]
    except OSError:
        return 0  # refused or timed out: the process is not answering


class Readers:
    """Threads reading one page through Varnish in a loop; counts the statuses they got."""

    def __init__(self, stack: Stack, path: str, threads: int = 4):
        self.stack, self.path = stack, path
        self.statuses: Counter[int] = Counter()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._read, daemon=True) for _ in range(threads)]

    def _read(self) -> None:
        while not self._stop.is_set():
            try:
                status = self.stack.get(self.path, timeout=10)[0]
            except OSError:
                status = 0
            with self._lock:
                self.statuses[status] += 1

    def __enter__(self) -> Readers:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=15)


def test_an_expired_copy_is_served_while_the_web_processes_are_down(stack: Stack) -> None:
    body = stack.cached("/en/world/bridge/")
    time.sleep(1.5)  # past s-maxage: only stale-if-error keeps this copy now
    stack.supervisorctl("stop", "web1", "web2")
    try:
        status, headers, stale = stack.get("/en/world/bridge/")
        assert status == 200 and stale == body
        assert int(headers["Age"]) >= 1
        assert stack.get("/en/never-cached/")[0] == 503
    finally:
        stack.supervisorctl("start", "web1", "web2")
    for web in (0, 1):
        wait_for(lambda web=web: direct(stack, "/en/world/bridge/", web) == 200, RECOVERY, "webs")
    # Varnish's health probe sees them again too: a page it never stored is served.
    wait_for(lambda: stack.get("/en/world/ferry/")[0] == 200, RECOVERY, "Varnish healthy again")


def test_a_reader_cannot_ask_for_an_expired_copy_with_the_internal_markers(stack: Stack) -> None:
    stack.cached("/en/world/bridge/")
    time.sleep(1.5)  # expired: a healthy site fetches it again rather than serve it
    forged = {"X-Newsdesk-Stale": "1"}
    status, headers, _ = stack.get("/en/world/bridge/", headers=forged)
    assert status == 200 and headers["X-Cache"] == "MISS"


def test_the_site_recovers_by_itself_after_postgresql_restarts_under_load(
    stack: Stack, postgres: PrivatePostgres
) -> None:
    stack.cached("/en/world/ferry/")
    scheduled = json.loads(stack.shell(SCHEDULE % 8).strip().splitlines()[-1])
    with Readers(stack, "/en/world/ferry/") as readers:
        postgres.stop()  # an outage, not only a blink: every connection is cut and refused
        try:
            wait_for(lambda: direct(stack, "/readyz") == 503, RECOVERY, "readiness to fail")
            assert direct(stack, "/healthz") == 200  # liveness does not depend on the database
            time.sleep(3)  # readers keep coming while the database is away
        finally:
            postgres.start()
        # Nobody restarts a process: the web processes answer again by themselves...
        wait_for(lambda: direct(stack, "/en/world/ferry/") == 200, RECOVERY, "web0 recovered")
        wait_for(lambda: direct(stack, "/en/world/ferry/", 1) == 200, RECOVERY, "web1 recovered")
        assert direct(stack, "/readyz") == 200
    # ... readers through the cache never saw an error: expired copies covered the outage ...
    assert readers.statuses and set(readers.statuses) == {200}, readers.statuses
    # ... and the worker and the scheduler carried on: the scheduled article goes live.
    wait_for(
        lambda: direct(stack, "/en/world/night-tram/") == 200,
        RECOVERY,
        f"the article scheduled for {scheduled['go_live_at']} to go live",
        step=0.5,
    )
    logs = stack.dir / "logs"
    assert "Scheduler reconnected" in (logs / "scheduler.log").read_text()


def supervised_pid(stack: Stack, name: str) -> int:
    ctl = [
        os.path.join(os.path.dirname(sys.executable), "supervisorctl"),
        "-c",
        str(stack.dir / "supervisord.conf"),
        "pid",
        name,
    ]
    return int(subprocess.run(ctl, check=True, capture_output=True, text=True).stdout.strip())


def test_sigkilled_web_and_worker_processes_come_back_and_readers_see_no_error(
    stack: Stack,
) -> None:
    stack.cached("/en/world/ferry/")
    with Readers(stack, "/en/world/ferry/") as readers:
        for name in ("web1", "worker"):
            old = supervised_pid(stack, name)
            os.kill(old, signal.SIGKILL)
            wait_for(
                lambda name=name, old=old: supervised_pid(stack, name) not in (0, old),
                RECOVERY,
                f"{name} restarted by the supervisor",
                step=0.2,
            )
        wait_for(lambda: direct(stack, "/en/world/ferry/") == 200, RECOVERY, "web1 answers")
    assert readers.statuses and set(readers.statuses) == {200}, readers.statuses
    # The restarted worker runs tasks: an edit published now reaches readers through a purge.
    stack.shell(
        "from articles.models import ArticlePage\n"
        "p = ArticlePage.objects.get(slug='ferry')\n"
        "p.title = 'Harbour ferry adds a night crossing'\n"
        "p.save_revision().publish()\n"
    )
    wait_for(lambda: "night crossing" in stack.get("/en/world/ferry/")[2], RECOVERY, "the edit")
