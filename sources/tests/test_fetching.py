"""The safe fetch client against a real HTTP server on 127.0.0.1 (core.testing.fake_web).

No database is needed. The allow-list in test settings contains 127.0.0.1; tests that check the
SSRF refusals empty it or point at other names/addresses. Addresses outside loopback (10.x,
169.254.x) are refused before any packet is sent, which is exactly what those tests assert.
"""

from __future__ import annotations

import gzip
import tracemalloc
import zlib
from collections.abc import Iterator

import pytest

from core.testing.fake_web import FakeWeb
from sources.fetching.addresses import forbidden_reason
from sources.fetching.client import Fetcher, FetchResult
from sources.fetching.errors import (
    BlockedAddress,
    FetchTimeout,
    HTTPStatusError,
    RobotsDisallowed,
    TooLarge,
    TooManyRedirects,
    UnsupportedScheme,
)


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with make_fetcher() as f:
        yield f


def make_fetcher(**overrides: object) -> Fetcher:
    """A fetcher with no host spacing (tests would only wait) unless a test asks for it."""
    options: dict[str, object] = {"min_host_delay": 0.0}
    options.update(overrides)
    return Fetcher(**options)  # type: ignore[arg-type]


# -- SSRF ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.9.9.9",
        "10.1.2.3",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",  # noqa: S104 (a value under test, not a bind address)
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",
        "64:ff9b::a00:1",
        "2002:7f00:1::",
    ],
)
def test_internal_addresses_are_forbidden(address: str) -> None:
    assert forbidden_reason(address) is not None


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2001:4860:4860::8888"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert forbidden_reason(address) is None


def test_loopback_server_is_refused_without_the_allow_list(
    fake_web: FakeWeb, fetcher: Fetcher, settings
) -> None:
    settings.NEWSDESK_ALLOWED_FETCH_HOSTS = []
    fake_web.add("/secret", b"internal data")
    with pytest.raises(BlockedAddress, match="loopback"):
        fetcher.fetch(fake_web.url("/secret"))
    assert fake_web.requests == []


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://localhost/",
        "http://2130706433/",  # 127.0.0.1 written as one decimal number, resolved by the OS
        "http://0x7f.1/",
        "https://192.168.0.1/",
    ],
)
def test_urls_resolving_to_internal_addresses_are_refused(
    url: str, fetcher: Fetcher, settings
) -> None:
    settings.NEWSDESK_ALLOWED_FETCH_HOSTS = []
    with pytest.raises(BlockedAddress, match="NEWSDESK_ALLOWED_FETCH_HOSTS"):
        fetcher.fetch(url)


def test_allow_listed_hostname_may_resolve_to_loopback(
    fake_web: FakeWeb, fetcher: Fetcher, settings
) -> None:
    settings.NEWSDESK_ALLOWED_FETCH_HOSTS = ["localhost"]
    fake_web.add("/ok", b"fine")
    result = fetcher.fetch(f"http://localhost:{fake_web.port}/ok")
    assert result.body == b"fine"


def test_redirect_from_allowed_host_to_loopback_name_is_refused(
    fake_web: FakeWeb, fetcher: Fetcher
) -> None:
    fake_web.add("/secret", b"internal data")
    fake_web.redirect("/go", f"http://localhost:{fake_web.port}/secret")
    with pytest.raises(BlockedAddress, match="localhost"):
        fetcher.fetch(fake_web.url("/go"))
    assert fake_web.requests_for("/go")
    assert fake_web.requests_for("/secret") == []


@pytest.mark.parametrize(
    "target", ["http://10.0.0.1/", "http://169.254.169.254/latest/", "http://[::1]/"]
)
def test_redirect_to_internal_address_is_refused(
    target: str, fake_web: FakeWeb, fetcher: Fetcher
) -> None:
    fake_web.redirect("/go", target, status=301)
    with pytest.raises(BlockedAddress):
        fetcher.fetch(fake_web.url("/go"))


@pytest.mark.parametrize(
    "url",
    ["ftp://example.org/feed", "file:///etc/passwd", "gopher://example.org/", "javascript:1"],
)
def test_only_http_and_https_are_fetched(url: str, fetcher: Fetcher) -> None:
    with pytest.raises(UnsupportedScheme, match="only http and https"):
        fetcher.fetch(url)


def test_redirect_to_other_scheme_is_refused(fake_web: FakeWeb, fetcher: Fetcher) -> None:
    fake_web.redirect("/go", "file:///etc/passwd")
    with pytest.raises(UnsupportedScheme):
        fetcher.fetch(fake_web.url("/go"))


# -- size caps -----------------------------------------------------------------------------


def test_declared_content_length_over_cap_is_refused(fake_web: FakeWeb) -> None:
    fake_web.add("/big", b"x" * 5000)
    with make_fetcher(max_bytes=1000) as fetcher, pytest.raises(TooLarge, match="declares 5000"):
        fetcher.fetch(fake_web.url("/big"))


def test_undeclared_endless_body_stops_at_cap(fake_web: FakeWeb) -> None:
    fake_web.stream("/endless", chunk=b"y" * 4096)
    with make_fetcher(max_bytes=100_000) as fetcher, pytest.raises(TooLarge, match="body"):
        fetcher.fetch(fake_web.url("/endless"))


def test_body_exactly_at_cap_is_accepted(fake_web: FakeWeb) -> None:
    fake_web.stream("/exact", chunk=b"z" * 1000, count=10)
    with make_fetcher(max_bytes=10_000) as fetcher:
        assert len(fetcher.fetch(fake_web.url("/exact")).body) == 10_000


def test_gzip_bomb_is_stopped_without_inflating_it(fake_web: FakeWeb) -> None:
    bomb = gzip.compress(b"\0" * 60_000_000, compresslevel=9)
    assert len(bomb) < 100_000
    fake_web.add("/bomb.xml", bomb, content_type="application/xml", content_encoding="gzip")
    tracemalloc.start()
    try:
        with make_fetcher(max_bytes=1_000_000) as fetcher:
            with pytest.raises(TooLarge, match=r"decompressed \(gzip\)"):
                fetcher.fetch(fake_web.url("/bomb.xml"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000, f"peak allocation {peak} bytes: the bomb was inflated"


def test_gzip_and_deflate_bodies_are_decoded(fake_web: FakeWeb, fetcher: Fetcher) -> None:
    text = "Привет, мир! " * 200
    fake_web.add("/gz", gzip.compress(text.encode()), content_encoding="gzip")
    fake_web.add("/zlib", zlib.compress(text.encode()), content_encoding="deflate")
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    fake_web.add(
        "/raw-deflate", raw.compress(text.encode()) + raw.flush(), content_encoding="deflate"
    )
    for path in ("/gz", "/zlib", "/raw-deflate"):
        assert fetcher.fetch(fake_web.url(path)).body.decode() == text


# -- time limits ---------------------------------------------------------------------------


def test_server_slow_to_answer_hits_read_timeout(fake_web: FakeWeb) -> None:
    fake_web.add("/slow", b"late", delay=2.0)
    with make_fetcher(read_timeout=0.3) as fetcher, pytest.raises(FetchTimeout, match="slow"):
        fetcher.fetch(fake_web.url("/slow"))


def test_slow_drip_body_hits_total_deadline(fake_web: FakeWeb) -> None:
    # Each chunk arrives well within the read timeout, so only the total deadline can stop it.
    fake_web.stream("/drip", chunk=b"d" * 10, chunk_delay=0.1)
    with make_fetcher(read_timeout=5.0, deadline=0.8) as fetcher:
        with pytest.raises(FetchTimeout, match="deadline"):
            fetcher.fetch(fake_web.url("/drip"))


# -- redirects -----------------------------------------------------------------------------


def test_redirects_are_followed_and_reported(fake_web: FakeWeb, fetcher: Fetcher) -> None:
    fake_web.add("/final", b"here")
    fake_web.redirect("/a", "/b", status=301)
    fake_web.redirect("/b", "/final", status=302)
    result = fetcher.fetch(fake_web.url("/a"))
    assert result.body == b"here"
    assert result.url == fake_web.url("/final")
    assert result.redirects == (fake_web.url("/a"), fake_web.url("/b"))


def test_redirect_chain_longer_than_limit_is_refused(fake_web: FakeWeb) -> None:
    for i in range(6):
        fake_web.redirect(f"/r{i}", f"/r{i + 1}")
    fake_web.add("/r6", b"too far")
    with make_fetcher(max_redirects=3) as fetcher, pytest.raises(TooManyRedirects):
        fetcher.fetch(fake_web.url("/r0"))
    assert fake_web.requests_for("/r6") == []


def test_redirect_loop_is_refused(fake_web: FakeWeb, fetcher: Fetcher) -> None:
    fake_web.redirect("/ping", "/pong")
    fake_web.redirect("/pong", "/ping")
    with pytest.raises(TooManyRedirects, match="loops"):
        fetcher.fetch(fake_web.url("/ping"))


# -- protocol manners ----------------------------------------------------------------------


def test_conditional_get_sends_etag_and_reports_not_modified(
    fake_web: FakeWeb, fetcher: Fetcher
) -> None:
    fake_web.add("/feed", b"<rss/>", etag='"v7"', last_modified="Tue, 03 Mar 2026 10:00:00 GMT")
    first = fetcher.fetch(fake_web.url("/feed"))
    assert (first.not_modified, first.etag, first.body) == (False, '"v7"', b"<rss/>")
    second = fetcher.fetch(
        fake_web.url("/feed"), etag=first.etag, last_modified=first.last_modified
    )
    assert second.not_modified and second.status == 304 and second.body == b""
    assert second.etag == '"v7"'
    sent = fake_web.requests_for("/feed")[1].headers
    assert sent["if-none-match"] == '"v7"'
    assert sent["if-modified-since"] == "Tue, 03 Mar 2026 10:00:00 GMT"


def test_if_modified_since_alone_gets_not_modified(fake_web: FakeWeb, fetcher: Fetcher) -> None:
    fake_web.add("/feed", b"<rss/>", last_modified="Tue, 03 Mar 2026 10:00:00 GMT")
    result = fetcher.fetch(fake_web.url("/feed"), last_modified="Wed, 04 Mar 2026 10:00:00 GMT")
    assert result.not_modified
    stale = fetcher.fetch(fake_web.url("/feed"), last_modified="Mon, 02 Mar 2026 10:00:00 GMT")
    assert not stale.not_modified and stale.body == b"<rss/>"


def test_user_agent_comes_from_settings(fake_web: FakeWeb, fetcher: Fetcher, settings) -> None:
    settings.NEWSDESK_USER_AGENT = "NewsdeskTest/2.0 (+https://example.org/bot)"
    fake_web.add("/page", b"ok")
    fetcher.fetch(fake_web.url("/page"))
    agents = {r.headers["user-agent"] for r in fake_web.requests}
    assert agents == {"NewsdeskTest/2.0 (+https://example.org/bot)"}


def test_result_carries_headers_and_charset(fake_web: FakeWeb, fetcher: Fetcher) -> None:
    fake_web.add("/feed", b"x", content_type="application/rss+xml; charset=windows-1251")
    result = fetcher.fetch(fake_web.url("/feed"))
    assert isinstance(result, FetchResult)
    assert result.encoding == "windows-1251"
    assert result.headers["content-type"] == "application/rss+xml; charset=windows-1251"
    assert result.elapsed >= 0


def test_error_status_raises_with_status(fake_web: FakeWeb, fetcher: Fetcher) -> None:
    fake_web.add("/gone", b"no", status=410)
    with pytest.raises(HTTPStatusError, match="410") as caught:
        fetcher.fetch(fake_web.url("/gone"))
    assert caught.value.status == 410


def test_robots_disallow_is_respected(fake_web: FakeWeb, fetcher: Fetcher) -> None:
    fake_web.add("/robots.txt", "User-agent: *\nDisallow: /private/\n")
    fake_web.add("/private/page", b"secret")
    fake_web.add("/public/page", b"open")
    with pytest.raises(RobotsDisallowed, match="/private/page"):
        fetcher.fetch(fake_web.url("/private/page"))
    assert fetcher.fetch(fake_web.url("/public/page")).body == b"open"
    assert fake_web.requests_for("/private/page") == []
    assert len(fake_web.requests_for("/robots.txt")) == 1  # cached per host


def test_robots_rules_for_our_agent_apply(fake_web: FakeWeb, fetcher: Fetcher, settings) -> None:
    settings.NEWSDESK_USER_AGENT = "NewsdeskBot/0.1 (+https://example.org)"
    fake_web.add("/robots.txt", "User-agent: NewsdeskBot\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    fake_web.add("/page", b"x")
    with pytest.raises(RobotsDisallowed):
        fetcher.fetch(fake_web.url("/page"))


def test_missing_robots_allows_everything(fake_web: FakeWeb, fetcher: Fetcher) -> None:
    fake_web.add("/page", b"x")  # /robots.txt answers 404
    assert fetcher.fetch(fake_web.url("/page")).body == b"x"


def test_robots_server_error_blocks_for_now(fake_web: FakeWeb, fetcher: Fetcher) -> None:
    fake_web.add("/robots.txt", b"oops", status=503)
    fake_web.add("/page", b"x")
    with pytest.raises(RobotsDisallowed, match="could not be read"):
        fetcher.fetch(fake_web.url("/page"))


def test_requests_to_one_host_are_spaced(fake_web: FakeWeb) -> None:
    fake_web.add("/a", b"1")
    fake_web.add("/b", b"2")
    with make_fetcher(min_host_delay=0.5) as fetcher:
        fetcher.fetch(fake_web.url("/a"))
        fetcher.fetch(fake_web.url("/b"))
    times = [r.received_at for r in fake_web.requests]  # robots.txt, /a, /b
    assert len(times) == 3
    gaps = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
    # Server-side arrival times carry a few ms of scheduling jitter around the client's 0.5 s
    # slots; unthrottled, these requests arrive within milliseconds of each other.
    assert min(gaps) >= 0.4, gaps
