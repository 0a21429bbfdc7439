"""Pytest fixtures shared by every app; loaded through ``pytest_plugins`` in the root conftest."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator

import pytest

from core.testing.fake_web import FakeWeb


@pytest.fixture
def fake_web() -> Iterator[FakeWeb]:
    """A fresh local HTTP server on 127.0.0.1 (random port), closed after the test."""
    web = FakeWeb()
    try:
        yield web
    finally:
        web.close()


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    """Each test starts with an empty cache and no remembered Site/home/section lookups.

    WHY: the database is rolled back between tests but caches are not; a Site or page row
    remembered by one test (core/routing.py, core/fragment_cache.py) must not answer the next,
    and one test's searches must not count against the next one's rate limit.
    """
    from django.core.cache import cache

    from core.fragment_cache import forget_local_entries
    from core.routing import forget_all

    cache.clear()
    forget_all()
    forget_local_entries()
    yield
    cache.clear()
    forget_all()
    forget_local_entries()


@pytest.fixture
def redis_server(tmp_path) -> Iterator[subprocess.Popen]:
    """A throw-away redis-server on a free port (`.url`); torn down even if a test kills it."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail("redis-server is not installed (.ci/run expects the machine's Redis)")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(  # noqa: S603 - the machine's redis-server, fixed arguments
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail("redis-server did not start")
            time.sleep(0.05)
    process.url = f"redis://127.0.0.1:{port}/0"  # type: ignore[attr-defined]
    try:
        yield process
    finally:
        process.kill()
        process.wait(timeout=10)
