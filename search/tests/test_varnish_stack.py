"""Through a real Varnish (deploy/varnish/default.vcl) in front of real gunicorn processes.

The stack is `deploy/stack.py` itself (what `make stack` runs), started in a temporary directory
with a file SQLite database (the processes cannot see pytest's test database), the machine's
Redis under a key prefix of its own, a worker and the scheduler. Edits are made the way an
operator would, by `manage.py shell` against the stack's environment, so publishing, the task
queue, the purge task and Varnish all run for real.

Missing varnishd fails these tests (CI installs it: .ci/run); it never skips them.
"""

from __future__ import annotations

import http.client
import re
import time

import pytest

from core.testing.stack import running_stack, wait_for

VISIBLE_WITHIN = 2.0

SETUP = """
from articles.testing.factories import make_article, make_section, make_site
make_site()
section = make_section("en", title="World", slug="world")
for slug, title in [("ferry", "Harbour ferry resumes"), ("bridge", "Bridge repairs begin"),
                    ("lighthouse", "Lighthouse reopens")]:
    make_article(section, title=title, slug=slug, tags=["Transport"])
"""


@pytest.fixture(scope="module")
def stack():
    with running_stack() as running:
        running.shell(SETUP)
        # Let the worker index the articles (stored "Don't Miss") before pages are cached.
        running.settle()
        yield running


def visible(check, what: str) -> float:
    return wait_for(check, VISIBLE_WITHIN, what)


def test_reader_pages_are_cached_and_cookies_do_not_split_them(stack):
    body = stack.cached("/en/world/ferry/")
    assert "Harbour ferry resumes" in body
    status, headers, _ = stack.get("/en/world/ferry/", cookie="csrftoken=abc; _ga=1")
    assert headers["X-Cache"] == "HIT"
    assert "xkey" not in {k.lower() for k in headers}


def test_an_editor_session_is_passed_and_never_stored(stack):
    stack.cached("/en/world/bridge/")
    _status, headers, _ = stack.get("/en/world/bridge/", cookie="sessionid=not-a-session")
    assert headers["X-Cache"] == "MISS"
    assert stack.get("/en/world/bridge/")[1]["X-Cache"] == "HIT"
    _status, headers, _ = stack.get("/en/search/?q=ferry")
    assert "private" in headers["Cache-Control"]
    assert stack.get("/en/search/?q=ferry")[1]["X-Cache"] == "MISS"


def test_a_published_edit_and_its_dont_miss_card_are_fresh_within_2_seconds(stack):
    assert "Harbour ferry resumes" in stack.cached("/en/world/ferry/")
    assert "Harbour ferry resumes" in stack.cached("/en/world/bridge/")  # its Don't Miss card
    stack.shell(
        "from articles.models import ArticlePage\n"
        "p = ArticlePage.objects.get(slug='ferry')\n"
        "p.title = 'Harbour ferry runs at dawn'\n"
        "p.save_revision().publish()\n"
    )
    visible(lambda: "Harbour ferry runs at dawn" in stack.get("/en/world/ferry/")[2], "article")
    visible(
        lambda: "Harbour ferry runs at dawn" in stack.get("/en/world/bridge/")[2],
        "Don't Miss card on another article",
    )
    # Fresh again, it is cached again.
    assert "Harbour ferry runs at dawn" in stack.cached("/en/world/ferry/")


def test_an_unpublished_article_leaves_the_cache_its_listings_and_feeds(stack):
    listings = [
        "/en/",
        "/en/world/",
        "/en/tags/transport/",
        "/en/feed/rss/",
        "/sitemap-news-en.xml",
    ]
    assert "Lighthouse reopens" in stack.cached("/en/world/lighthouse/")
    for path in listings:
        assert "Lighthouse reopens" in stack.cached(path) or "lighthouse" in stack.cached(path)
    stack.shell(
        "from articles.models import ArticlePage\n"
        "ArticlePage.objects.get(slug='lighthouse').unpublish()\n"
    )
    visible(lambda: stack.get("/en/world/lighthouse/")[0] == 404, "article gone")
    for path in listings:
        visible(lambda path=path: "lighthouse" not in stack.get(path)[2].lower(), path)


def test_cached_pages_are_served_while_the_web_processes_are_down(stack):
    body = stack.cached("/en/world/bridge/")
    stack.supervisorctl("stop", "web1", "web2")
    try:
        status, headers, stale = stack.get("/en/world/bridge/")
        assert status == 200 and stale == body
        status, _headers, _ = stack.get("/en/never-cached/")
        assert status == 503
    finally:
        stack.start_web()


def purge_from(
    stack, source_ip: str, path: str, xkey: str | None = None, headers: dict | None = None
) -> tuple[int, str]:
    """A PURGE sent from `source_ip` (any 127.x address reaches Varnish on loopback)."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", stack.port, timeout=10, source_address=(source_ip, 0)
    )
    headers = {**({"xkey-purge": xkey} if xkey else {}), **(headers or {})}
    try:
        connection.request("PURGE", path, headers=headers)
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


def test_purges_are_refused_from_outside_the_purgers_acl(stack):
    stack.cached("/en/world/bridge/")
    status, body = purge_from(stack, "127.0.0.2", "/en/world/bridge/")
    assert status == 405 and "not allowed from 127.0.0.2" in body
    status, _ = purge_from(stack, "127.0.0.2", "/", xkey="all")
    assert status == 405
    assert stack.get("/en/world/bridge/")[1]["X-Cache"] == "HIT"  # still stored
    status, _ = purge_from(stack, "127.0.0.1", "/en/world/bridge/")
    assert status == 200
    assert stack.get("/en/world/bridge/")[1]["X-Cache"] == "MISS"


def test_a_soft_purge_serves_the_old_copy_while_one_fetch_replaces_it(stack):
    stack.cached("/en/world/bridge/")
    time.sleep(2.2)
    _status, headers, _ = stack.get("/en/world/bridge/")
    age_before = int(headers["Age"])
    assert age_before >= 2
    status, body = purge_from(
        stack, "127.0.0.1", "/en/world/bridge/", headers={"X-Newsdesk-Soft-Purge": "1"}
    )
    assert status == 200 and "Soft-purged 1 objects" in body
    # The next reader does not wait for the backend: the expired copy, then a fresh one.
    assert stack.get("/en/world/bridge/")[1]["X-Cache"] == "HIT"
    visible(lambda: int(stack.get("/en/world/bridge/")[1]["Age"]) < age_before, "refreshed copy")

    pk = stack.shell(
        "from articles.models import ArticlePage\n"
        "print(ArticlePage.objects.get(slug='bridge').pk)\n"
    ).split()[-1]
    status, body = purge_from(stack, "127.0.0.1", "/", headers={"xkey-softpurge": f"p{pk}"})
    purged = re.search(r"Soft-purged (\d+) objects", body)
    assert status == 200 and purged and int(purged.group(1)) >= 1  # the page, its cards' hosts


def test_with_the_web_processes_down_a_soft_purged_page_is_served_and_a_hard_purged_one_is_not(
    stack,
):
    soft = stack.cached("/en/world/bridge/")
    stack.cached("/en/world/ferry/")
    stack.supervisorctl("stop", "web1", "web2")
    try:
        purge_from(stack, "127.0.0.1", "/en/world/bridge/", headers={"X-Newsdesk-Soft-Purge": "1"})
        purge_from(stack, "127.0.0.1", "/en/world/ferry/")
        status, _headers, body = stack.get("/en/world/bridge/")
        assert status == 200 and body == soft
        assert stack.get("/en/world/ferry/")[0] == 503
    finally:
        stack.start_web()
