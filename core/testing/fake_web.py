"""A real HTTP server on 127.0.0.1 for tests that exercise outbound HTTP clients.

Why a real server instead of mocking the client: the standards require that product code runs
its real HTTP client against a fake that speaks the real protocol over loopback. This server
lets a test register routes (body, status, headers, delays, redirects, streamed or endless
bodies), answers conditional GETs with 304 the way real servers do, and records every request so
tests can assert what the client sent (User-Agent, If-None-Match, ...).

Usage::

    web = FakeWeb()  # or the ``fake_web`` pytest fixture from core.testing.fixtures
    web.add("/feed.xml", body=b"<rss/>", content_type="application/rss+xml", etag='"v1"')
    web.redirect("/old", "/feed.xml", status=301)
    web.stream("/endless", chunk=b"x" * 1024)  # never ends until the client hangs up
    url = web.url("/feed.xml")
    ...
    web.requests_for("/feed.xml")[0].headers["user-agent"]
    web.close()
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urljoin, urlsplit


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server saw it; header names are lower-cased for easy lookup."""

    method: str
    path: str
    headers: dict[str, str]
    received_at: float  # time.monotonic() when the request line was read


@dataclass
class Route:
    """What the server answers for one path.

    ``chunks`` (a callable returning an iterator of bytes) replaces ``body`` for streamed
    responses, which are sent without Content-Length and end when the iterator ends or the client
    disconnects.
    """

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    chunks: Callable[[], Iterator[bytes]] | None = None
    chunk_delay: float = 0.0
    etag: str | None = None
    last_modified: str | None = None
    send_content_length: bool = True


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    # HTTP/1.0 closes the connection after each response, which is what makes undeclared
    # (streamed) bodies and endless bodies well defined without chunked encoding.
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Stay quiet: pytest output is for assertions, not access logs."""

    def do_GET(self) -> None:  # noqa: N802 (name fixed by http.server)
        self._answer(include_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(include_body=False)

    def _answer(self, include_body: bool) -> None:
        web = self.server.fake_web
        headers = {k.lower(): v for k, v in self.headers.items()}
        web._record(RecordedRequest(self.command, self.path, headers, time.monotonic()))
        route = web._route_for(self.path)
        if route is None:
            self._send_simple(404, b"not found")
            return
        if route.delay:
            time.sleep(route.delay)
        if self._is_not_modified(route, headers):
            self.send_response(304)
            if route.etag:
                self.send_header("ETag", route.etag)
            if route.last_modified:
                self.send_header("Last-Modified", route.last_modified)
            self.end_headers()
            return
        self.send_response(route.status)
        for name, value in route.headers.items():
            self.send_header(name, value)
        if route.etag:
            self.send_header("ETag", route.etag)
        if route.last_modified:
            self.send_header("Last-Modified", route.last_modified)
        if route.chunks is None and route.send_content_length:
            if not any(k.lower() == "content-length" for k in route.headers):
                self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        if not include_body:
            return
        try:
            if route.chunks is None:
                self.wfile.write(route.body)
                return
            for chunk in route.chunks():
                if web._stopping.is_set():
                    return
                self.wfile.write(chunk)
                self.wfile.flush()
                if route.chunk_delay:
                    time.sleep(route.chunk_delay)
        except (BrokenPipeError, ConnectionResetError):
            # The client hung up (e.g. it hit its size cap): that is the expected end.
            return

    def _is_not_modified(self, route: Route, headers: dict[str, str]) -> bool:
        """RFC 9110: If-None-Match wins over If-Modified-Since when both are sent."""
        if route.status != 200:
            return False
        inm = headers.get("if-none-match")
        if inm is not None:
            if route.etag is None:
                return False
            tags = [t.strip() for t in inm.split(",")]
            return "*" in tags or route.etag in tags or _weak(route.etag) in map(_weak, tags)
        ims = headers.get("if-modified-since")
        if ims is not None and route.last_modified is not None:
            since = email.utils.parsedate_to_datetime(ims)
            modified = email.utils.parsedate_to_datetime(route.last_modified)
            return modified <= since
        return False

    def _send_simple(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _weak(tag: str) -> str:
    return tag[2:] if tag.startswith("W/") else tag


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake_web: FakeWeb


class FakeWeb:
    """A threaded HTTP server on 127.0.0.1 with a random free port and test-registered routes."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self._routes: dict[str, Route] = {}
        self._requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server = _Server((host, 0), _Handler)
        self._server.fake_web = self
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    # -- addresses ---------------------------------------------------------------------------

    @property
    def host(self) -> str:
        return self._server.server_address[0]

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str = "/") -> str:
        """Absolute URL of ``path`` on this server."""
        return urljoin(self.base_url + "/", path.lstrip("/"))

    # -- routes ------------------------------------------------------------------------------

    def add(
        self,
        path: str,
        body: bytes | str = b"",
        *,
        status: int = 200,
        content_type: str | None = "text/plain; charset=utf-8",
        headers: dict[str, str] | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        content_encoding: str | None = None,
        delay: float = 0.0,
        send_content_length: bool = True,
    ) -> Route:
        """Serve ``body`` at ``path``. ``delay`` sleeps before the status line is sent.

        ``content_encoding`` only sets the header: pass already-compressed bytes as ``body``.
        ``headers`` may override Content-Length to declare a size other than the real one.
        """
        all_headers = dict(headers or {})
        if content_type is not None:
            all_headers.setdefault("Content-Type", content_type)
        if content_encoding is not None:
            all_headers["Content-Encoding"] = content_encoding
        route = Route(
            body=body.encode("utf-8") if isinstance(body, str) else body,
            status=status,
            headers=all_headers,
            delay=delay,
            etag=etag,
            last_modified=last_modified,
            send_content_length=send_content_length,
        )
        self._set(path, route)
        return route

    def redirect(self, path: str, to: str, *, status: int = 302) -> Route:
        """Answer ``path`` with a redirect to another path here or to any absolute URL."""
        target = to if urlsplit(to).scheme else self.url(to)
        route = Route(status=status, headers={"Location": target})
        self._set(path, route)
        return route

    def stream(
        self,
        path: str,
        *,
        chunk: bytes = b"x" * 65536,
        count: int | None = None,
        chunk_delay: float = 0.0,
        content_type: str = "application/octet-stream",
        headers: dict[str, str] | None = None,
        chunks: Iterable[bytes] | None = None,
    ) -> Route:
        """Serve a body without Content-Length, ``count`` copies of ``chunk`` (None: endless).

        Endless streams stop when the client disconnects or the server closes.
        """

        def generate() -> Iterator[bytes]:
            if chunks is not None:
                yield from chunks
                return
            sent = 0
            while count is None or sent < count:
                yield chunk
                sent += 1

        all_headers = {"Content-Type": content_type, **(headers or {})}
        route = Route(headers=all_headers, chunks=generate, chunk_delay=chunk_delay)
        self._set(path, route)
        return route

    def _set(self, path: str, route: Route) -> None:
        with self._lock:
            self._routes[path] = route

    def _route_for(self, raw_path: str) -> Route | None:
        """Exact path-with-query match first, then the path alone."""
        with self._lock:
            if raw_path in self._routes:
                return self._routes[raw_path]
            return self._routes.get(urlsplit(raw_path).path)

    # -- request log ---------------------------------------------------------------------------

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received so far, oldest first (a copy)."""
        with self._lock:
            return list(self._requests)

    def requests_for(self, path: str) -> list[RecordedRequest]:
        """Requests whose path (ignoring the query string) equals ``path``."""
        return [r for r in self.requests if urlsplit(r.path).path == path]

    # -- lifecycle -------------------------------------------------------------------------------

    def close(self) -> None:
        """Stop serving; streams in progress end at their next chunk."""
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FakeWeb:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
