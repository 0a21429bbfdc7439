"""The loopback test server speaks plain HTTP correctly (checked with the stdlib client)."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from core.testing.fake_web import FakeWeb

# No proxies from the environment: the request must reach 127.0.0.1 directly.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with OPENER.open(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_routes_serve_body_status_and_headers(fake_web: FakeWeb) -> None:
    fake_web.add("/a", "тело", content_type="text/plain; charset=utf-8", headers={"X-T": "1"})
    status, headers, body = get(fake_web.url("/a"))
    assert (status, body.decode(), headers["X-T"]) == (200, "тело", "1")
    assert get(fake_web.url("/missing"))[0] == 404


def test_conditional_requests_get_304(fake_web: FakeWeb) -> None:
    fake_web.add("/f", b"x", etag='"abc"', last_modified="Tue, 03 Mar 2026 10:00:00 GMT")
    assert get(fake_web.url("/f"), **{"If-None-Match": '"abc"'})[0] == 304
    assert get(fake_web.url("/f"), **{"If-None-Match": 'W/"abc", "zzz"'})[0] == 304
    assert get(fake_web.url("/f"), **{"If-None-Match": '"old"'})[0] == 200
    since_later = {"If-Modified-Since": "Wed, 04 Mar 2026 10:00:00 GMT"}
    assert get(fake_web.url("/f"), **since_later)[0] == 304
    since_earlier = {"If-Modified-Since": "Mon, 02 Mar 2026 10:00:00 GMT"}
    assert get(fake_web.url("/f"), **since_earlier)[0] == 200


def test_request_log_records_headers_and_query(fake_web: FakeWeb) -> None:
    fake_web.add("/q", b"ok")
    get(fake_web.url("/q?page=2"), **{"User-Agent": "Probe/1"})
    (request,) = fake_web.requests_for("/q")
    assert request.path == "/q?page=2" and request.headers["user-agent"] == "Probe/1"


@pytest.mark.parametrize("status", [301, 302])
def test_redirects_point_to_paths_on_the_server(fake_web: FakeWeb, status: int) -> None:
    fake_web.add("/new", b"moved here")
    fake_web.redirect("/old", "/new", status=status)
    assert get(fake_web.url("/old"))[2] == b"moved here"


def test_stream_sends_counted_chunks_without_length(fake_web: FakeWeb) -> None:
    fake_web.stream("/s", chunk=b"ab", count=3)
    status, headers, body = get(fake_web.url("/s"))
    assert (status, body) == (200, b"ababab")
    assert "Content-Length" not in headers
