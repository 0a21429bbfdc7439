"""Through a real Varnish (deploy/varnish/default.vcl) in front of real gunicorn processes.

The stack is `deploy/stack.py` itself (what `make stack` runs), started in a temporary directory
with a file SQLite database (the processes cannot see pytest's test database), the machine's
Redis under a key prefix of its own, a worker and the scheduler. Edits are made the way an
operator would, by `manage.py shell` against the stack's environment, so publishing, the task
queue, the purge task and Varnish all run for real.

Missing varnishd fails these tests (CI installs it: .ci/run); it never skips them.
"""

from __future__ import annotations

import os
import secrets
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
VISIBLE_WITHIN = 2.0

SETUP = """
from articles.testing.factories import make_article, make_section, make_site
make_site()
section = make_section("en", title="World", slug="world")
for slug, title in [("ferry", "Harbour ferry resumes"), ("bridge", "Bridge repairs begin"),
                    ("lighthouse", "Lighthouse reopens")]:
    make_article(section, title=title, slug=slug, tags=["Transport"])
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Stack:
    def __init__(self, directory: Path, port: int):
        self.dir = directory
        self.base = f"http://127.0.0.1:{port}"
        self.env = {**os.environ, **self._read_env()}

    def _read_env(self) -> dict[str, str]:
        env = {}
        for line in (self.dir / "env").read_text().splitlines():
            if "=" in line and not line.startswith("#"):
                key, value = line.split("=", 1)
                env[key] = shlex.split(value)[0] if value else ""
        return env

    def shell(self, code: str) -> None:
        subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=REPO,
            env=self.env,
            check=True,
            capture_output=True,
        )

    def get(self, path: str, cookie: str | None = None) -> tuple[int, dict, str]:
        headers = {"Cookie": cookie} if cookie else {}
        request = urllib.request.Request(self.base + path, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()

    def supervisorctl(self, *args: str) -> None:
        ctl = Path(sys.executable).parent / "supervisorctl"
        subprocess.run([str(ctl), "-c", str(self.dir / "supervisord.conf"), *args], check=True)

    def cached(self, path: str) -> str:
        """Fetch until Varnish answers from its cache; the body."""
        for _ in range(20):
            status, headers, body = self.get(path)
            assert status == 200, (path, status)
            if headers.get("X-Cache") == "HIT":
                return body
            time.sleep(0.1)
        raise AssertionError(f"{path} never came from the cache")

    def wait_until(self, check, what: str) -> float:
        """Seconds until check() holds; fails after VISIBLE_WITHIN."""
        start = time.monotonic()
        while True:
            if check():
                return time.monotonic() - start
            if time.monotonic() - start > VISIBLE_WITHIN:
                raise AssertionError(f"{what}: not within {VISIBLE_WITHIN} s")
            time.sleep(0.05)


@pytest.fixture(scope="module")
def stack():
    assert shutil.which("varnishd"), "varnishd is missing: apt-get install varnish varnish-modules"
    assert shutil.which("redis-server") or _redis_up(), "Redis is needed (redis-server)"
    directory = Path(tempfile.mkdtemp(prefix="newsdesk-stack-test-"))
    port = free_port()
    script = [sys.executable, str(REPO / "deploy" / "stack.py")]
    common = ["--dir", str(directory)]
    env = {
        **os.environ,
        # Shared, stored "Don't Miss" and a short interval: what the assertions below rely on.
        "NEWSDESK_SEARCH_RATE_LIMIT": "0",
    }
    try:
        subprocess.run(
            [
                *script,
                "start",
                *common,
                "--port",
                str(port),
                "--database-url",
                f"sqlite:///{directory / 'stack.sqlite3'}",
                "--cache-prefix",
                f"test-{secrets.token_hex(4)}",
                "--workers",
                "1",
                "--no-demo",
                "--timeout",
                "300",
            ],
            cwd=REPO,
            env=env,
            check=True,
            timeout=1200,
        )
        running = Stack(directory, port)
        running.shell(SETUP)
        # Let the worker index the articles (stored "Don't Miss") before pages are cached.
        time.sleep(3)
        yield running
    finally:
        subprocess.run([*script, "stop", *common], cwd=REPO, env=env, check=False, timeout=120)
        shutil.rmtree(directory, ignore_errors=True)


def _redis_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


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
    stack.wait_until(
        lambda: "Harbour ferry runs at dawn" in stack.get("/en/world/ferry/")[2], "article"
    )
    stack.wait_until(
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
    stack.wait_until(lambda: stack.get("/en/world/lighthouse/")[0] == 404, "article gone")
    for path in listings:
        stack.wait_until(lambda path=path: "lighthouse" not in stack.get(path)[2].lower(), path)


def test_cached_pages_are_served_while_the_web_processes_are_down(stack):
    body = stack.cached("/en/world/bridge/")
    stack.supervisorctl("stop", "web1", "web2")
    try:
        status, headers, stale = stack.get("/en/world/bridge/")
        assert status == 200 and stale == body
        status, _headers, _ = stack.get("/en/never-cached/")
        assert status == 503
    finally:
        stack.supervisorctl("start", "web1", "web2")
