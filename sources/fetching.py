"""The one safe HTTP client for every outbound fetch (feeds, articles, robots.txt).

Why one client: the newsroom fetches URLs that come from outside (feeds list article links,
servers send redirects), so every request must be protected the same way against

* SSRF: a URL or a redirect pointing at loopback, the private network or cloud metadata
  (169.254.169.254). The address check runs *at connection time on the exact IP we connect to*
  (a custom httpcore network backend), after DNS resolution, on every hop of a redirect chain.
  Because the socket is opened to the very address that was checked, a DNS rebinding answer
  between "check" and "connect" cannot slip through. Hosts listed in
  ``settings.NEWSDESK_ALLOWED_FETCH_HOSTS`` skip the check (tests use 127.0.0.1; a newsroom may
  allow an internal mirror). Proxies from the environment are ignored (``trust_env=False``)
  because a proxy would connect on our behalf, beyond the check.
* Resource exhaustion: connect/read timeouts plus a total deadline checked while streaming,
  a body cap checked against Content-Length, against the raw bytes and against the *decoded*
  bytes (we decompress ourselves with a bounded output size, so a gzip bomb stops at the cap
  instead of inflating in memory).
* Rudeness: an identifiable User-Agent (``settings.NEWSDESK_USER_AGENT``), robots.txt honoured
  (cached per host and fetched through this same client), a minimum delay between requests to
  one host (per process), and conditional GET so unchanged feeds cost a 304.

Use ``fetch(url)`` for the process-wide default fetcher or build a ``Fetcher`` with other limits.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
import types
import urllib.robotparser
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from email.message import Message
from urllib.parse import urlsplit

import httpcore
import httpx
from django.conf import settings

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
ROBOTS_MAX_BYTES = 512 * 1024
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------


class FetchError(Exception):
    """Base class: the URL could not be fetched. ``url`` is the URL that failed."""

    def __init__(self, message: str, *, url: str = "") -> None:
        super().__init__(message)
        self.url = url


class UnsupportedScheme(FetchError):
    """Only http and https URLs are fetched."""


class BlockedAddress(FetchError):
    """The host resolves to an address we never connect to (loopback, private, ...)."""


class TooLarge(FetchError):
    """The body (declared, raw or decompressed) exceeds the size cap."""


class TooManyRedirects(FetchError):
    """The redirect chain is longer than the limit."""


class FetchTimeout(FetchError):
    """Connecting, reading or the whole fetch took longer than allowed."""


class RobotsDisallowed(FetchError):
    """robots.txt of the host forbids our User-Agent to fetch this path."""


class HTTPStatusError(FetchError):
    """The server answered with an error status (4xx/5xx). ``status`` holds it."""

    def __init__(self, message: str, *, url: str = "", status: int = 0) -> None:
        super().__init__(message, url=url)
        self.status = status


# --------------------------------------------------------------------------------------------
# Result
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FetchResult:
    """What a fetch returned. ``body`` is already decompressed; empty when ``not_modified``.

    ``headers`` has lower-case names (repeated headers joined by ", "). ``encoding`` is the
    charset named in Content-Type, or None: callers that parse XML should pass the bytes and
    the Content-Type on rather than decode here, because the document may declare its own.
    """

    url: str
    status: int
    headers: Mapping[str, str]
    body: bytes
    etag: str | None
    last_modified: str | None
    not_modified: bool
    encoding: str | None
    content_type: str | None
    elapsed: float
    redirects: tuple[str, ...] = ()


# --------------------------------------------------------------------------------------------
# Address checks
# --------------------------------------------------------------------------------------------


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """IPv4 address hidden inside an IPv6 one (mapped ::ffff:a.b.c.d, 6to4, Teredo, NAT64)."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in ipaddress.ip_network("64:ff9b::/96"):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def forbidden_reason(address: str) -> str | None:
    """Why we refuse to connect to ``address``, or None when it is a public address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            reason = forbidden_reason(str(inner))
            return f"{reason} (embedded in IPv6 {ip})" if reason else None
    checks = (
        ("is_unspecified", "unspecified"),
        ("is_loopback", "loopback"),
        ("is_link_local", "link-local"),
        ("is_multicast", "multicast"),
        ("is_private", "private-network"),
        ("is_reserved", "reserved"),
    )
    for attribute, label in checks:
        if getattr(ip, attribute):
            return f"{label} address {ip}"
    if not ip.is_global:
        return f"non-public address {ip}"
    return None


def _allowed_hosts() -> set[str]:
    hosts = getattr(settings, "NEWSDESK_ALLOWED_FETCH_HOSTS", []) or []
    return {h.strip().lower().strip("[]") for h in hosts if h.strip()}


def is_allowed_host(host: str) -> bool:
    """Hosts on the allow-list skip the address check (e.g. 127.0.0.1 in tests)."""
    return host.lower().strip("[]") in _allowed_hosts()


Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    """All addresses ``host`` resolves to (IPv4 and IPv6), in resolver order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses: list[str] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        if sockaddr[0] not in addresses:
            addresses.append(str(sockaddr[0]))
    return addresses


def checked_addresses(host: str, port: int, resolver: Resolver = resolve) -> list[str]:
    """Resolve ``host`` and return the addresses we may connect to, or raise BlockedAddress.

    Any forbidden address in the answer refuses the host: a name that resolves to both a
    public and an internal address is a classic rebinding set-up, not an accident.
    """
    try:
        addresses = resolver(host, port)
    except (OSError, UnicodeError) as exc:
        raise FetchError(
            f"cannot resolve host {host!r}: {exc}. Check the spelling of the URL's host name."
        ) from exc
    if is_allowed_host(host):
        return addresses
    for address in addresses:
        reason = forbidden_reason(address)
        if reason:
            raise BlockedAddress(
                f"refused to connect to {host!r}: it resolves to a {reason}. Internal addresses "
                "are never fetched (SSRF protection); if this host is a trusted internal "
                "mirror, add it to NEWSDESK_ALLOWED_FETCH_HOSTS."
            )
    if not addresses:
        raise FetchError(f"host {host!r} resolved to no address.")
    return addresses


class _CheckedBackend(httpcore.SyncBackend):
    """Network backend that resolves, checks and connects to the checked IP itself.

    httpcore asks the backend to open a TCP connection to (host, port); TLS is started after
    that with the original host name for SNI and certificate checks, so pinning the IP here
    keeps HTTPS verification intact while closing the DNS-rebinding window.
    """

    def __init__(self, resolver: Resolver) -> None:
        self._resolver = resolver

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = checked_addresses(host, port, self._resolver)
        last_error: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last_error = exc
        assert last_error is not None  # noqa: S101 (addresses is never empty here)
        raise last_error


class _CheckedTransport(httpx.HTTPTransport):
    """httpx's transport with the connection pool rebuilt on the checking backend.

    httpx offers no public hook for the network backend, so the pool is replaced right after
    construction with the same options httpx itself would use.
    """

    def __init__(self, resolver: Resolver, limits: httpx.Limits) -> None:
        super().__init__(trust_env=False, limits=limits)
        ssl_context = httpx.create_ssl_context(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_CheckedBackend(resolver),
        )


# --------------------------------------------------------------------------------------------
# Politeness and robots.txt
# --------------------------------------------------------------------------------------------


class HostThrottle:
    """Keeps at least ``min_delay`` seconds between the starts of requests to one host.

    In-process only: several worker processes each keep their own spacing.
    """

    def __init__(self, min_delay: float) -> None:
        self.min_delay = min_delay
        self._next_slot: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> None:
        """Block until this host may be contacted again, and book the slot."""
        if self.min_delay <= 0:
            return
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next_slot.get(host, 0.0))
            self._next_slot[host] = slot + self.min_delay
        if slot > now:
            time.sleep(slot - now)


@dataclass
class _RobotsEntry:
    parser: urllib.robotparser.RobotFileParser
    expires: float
    note: str = ""  # why everything is disallowed when robots.txt could not be read


# --------------------------------------------------------------------------------------------
# Decoding with a cap
# --------------------------------------------------------------------------------------------


class _CappedDecoder:
    """Decompresses gzip/deflate incrementally, never producing more than the cap allows."""

    def __init__(self, content_encoding: str, url: str) -> None:
        codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1:
            raise FetchError(
                f"unsupported Content-Encoding {content_encoding!r} (stacked codings).", url=url
            )
        self.coding = codings[0] if codings else None
        if self.coding in ("gzip", "x-gzip"):
            self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self.coding == "deflate":
            self._d = zlib.decompressobj(zlib.MAX_WBITS)
        elif self.coding is None:
            self._d = None
        else:
            raise FetchError(
                f"unsupported Content-Encoding {self.coding!r}: we only ask for gzip or "
                "deflate, so the server ignored Accept-Encoding.",
                url=url,
            )
        self._produced = False
        self._raw_tried = False

    def decode(self, data: bytes, room: int) -> bytes:
        """Decode ``data``; return at most ``room + 1`` bytes so the caller can see overflow."""
        if self._d is None:
            return data
        try:
            return self._decode(data, room)
        except zlib.error:
            # Some servers send raw deflate without the zlib header: retry once that way.
            if self.coding == "deflate" and not self._produced and not self._raw_tried:
                self._raw_tried = True
                self._d = zlib.decompressobj(-zlib.MAX_WBITS)
                return self._decode(data, room)
            raise

    def _decode(self, data: bytes, room: int) -> bytes:
        assert self._d is not None  # noqa: S101
        out = bytearray()
        # max_length bounds the output of each call: a bomb inflates at most room + 1 bytes.
        while data and len(out) <= room:
            out += self._d.decompress(data, room + 1 - len(out))
            if self._d.eof and self._d.unused_data:
                # Concatenated gzip members: start a fresh decompressor for the next one.
                data = self._d.unused_data
                self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)
                continue
            data = self._d.unconsumed_tail
        if out:
            self._produced = True
        return bytes(out)

    def flush(self) -> bytes:
        return self._d.flush() if self._d is not None else b""


# --------------------------------------------------------------------------------------------
# The fetcher
# --------------------------------------------------------------------------------------------


def _charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    msg = Message()
    msg["content-type"] = content_type
    charset = msg.get_param("charset")
    return str(charset).strip().lower() if isinstance(charset, str) and charset.strip() else None


class Fetcher:
    """A configured safe client. Thread-safe for concurrent ``fetch`` calls.

    ``max_bytes`` caps the decoded body; ``deadline`` caps the whole fetch including redirects
    and the robots.txt check; ``min_host_delay`` spaces requests to one host.
    """

    def __init__(
        self,
        *,
        connect_timeout: float = 10.0,
        read_timeout: float = 20.0,
        deadline: float = 60.0,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_redirects: int = 5,
        min_host_delay: float = 1.0,
        respect_robots: bool = True,
        robots_ttl: float = 3600.0,
        user_agent: str | None = None,
        resolver: Resolver = resolve,
        throttle: HostThrottle | None = None,
    ) -> None:
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.respect_robots = respect_robots
        self.robots_ttl = robots_ttl
        self._user_agent = user_agent
        self.throttle = throttle or HostThrottle(min_host_delay)
        self._robots: dict[str, _RobotsEntry] = {}
        self._robots_lock = threading.Lock()
        limits = httpx.Limits(max_connections=20, max_keepalive_connections=10)
        self._client = httpx.Client(
            transport=_CheckedTransport(resolver, limits),
            follow_redirects=False,
            trust_env=False,
        )

    @property
    def user_agent(self) -> str:
        return self._user_agent or settings.NEWSDESK_USER_AGENT

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- public ----------------------------------------------------------------------------

    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str | None = None,
        max_bytes: int | None = None,
    ) -> FetchResult:
        """GET ``url`` following redirects safely; see the module docstring for the rules.

        Pass the ``etag``/``last_modified`` stored from the previous fetch to get a cheap
        ``not_modified`` result when nothing changed.
        """
        started = time.monotonic()
        deadline_at = started + self.deadline
        return self._get(
            url,
            etag=etag,
            last_modified=last_modified,
            accept=accept,
            max_bytes=self.max_bytes if max_bytes is None else max_bytes,
            started=started,
            deadline_at=deadline_at,
            check_robots=self.respect_robots,
        )

    # -- internals -------------------------------------------------------------------------

    def _get(
        self,
        url: str,
        *,
        etag: str | None,
        last_modified: str | None,
        accept: str | None,
        max_bytes: int,
        started: float,
        deadline_at: float,
        check_robots: bool,
    ) -> FetchResult:
        current = _parse_url(url)
        redirects: list[str] = []
        while True:
            if check_robots:
                self._check_robots(current, deadline_at)
            headers = {
                "User-Agent": self.user_agent,
                "Accept-Encoding": "gzip, deflate",
                "Accept": accept or "*/*",
            }
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            self.throttle.wait(current.host)
            result = self._one_request(current, headers, max_bytes, started, deadline_at)
            if isinstance(result, FetchResult):
                if redirects:
                    result = _with_redirects(result, tuple(redirects))
                return result
            # A redirect: result is the Location header value.
            if len(redirects) >= self.max_redirects:
                raise TooManyRedirects(
                    f"more than {self.max_redirects} redirects starting at {url}; the site "
                    "probably loops. Open the URL in a browser and store the final address.",
                    url=url,
                )
            next_url = current.join(result)
            redirects.append(str(current))
            current = _parse_url(str(next_url))

    def _one_request(
        self,
        url: httpx.URL,
        headers: dict[str, str],
        max_bytes: int,
        started: float,
        deadline_at: float,
    ) -> FetchResult | str:
        remaining = deadline_at - time.monotonic()
        if remaining <= 0:
            raise self._deadline_error(url)
        timeout = httpx.Timeout(
            connect=min(self.connect_timeout, remaining),
            read=min(self.read_timeout, remaining),
            write=min(self.read_timeout, remaining),
            pool=min(self.connect_timeout, remaining),
        )
        text_url = str(url)
        try:
            request = self._client.build_request("GET", url, headers=headers, timeout=timeout)
            response = self._client.send(request, stream=True)
        except FetchError as exc:
            if not exc.url:
                exc.url = text_url
            raise
        except httpx.TimeoutException as exc:
            raise FetchTimeout(
                f"timed out talking to {url.host} ({type(exc).__name__}); the server is slow "
                "or unreachable, try again later.",
                url=text_url,
            ) from exc
        except httpx.HTTPError as exc:
            raise FetchError(
                f"could not fetch {text_url}: {type(exc).__name__}: {exc}", url=text_url
            ) from exc
        try:
            status = response.status_code
            if status in REDIRECT_STATUSES:
                location = response.headers.get("location")
                if not location:
                    raise FetchError(
                        f"{text_url} answered {status} without a Location header.", url=text_url
                    )
                return location
            response_headers = types.MappingProxyType(
                {k.lower(): v for k, v in response.headers.items()}
            )
            if status == 304:
                return FetchResult(
                    url=text_url,
                    status=304,
                    headers=response_headers,
                    body=b"",
                    etag=response.headers.get("etag") or headers.get("If-None-Match"),
                    last_modified=response.headers.get("last-modified")
                    or headers.get("If-Modified-Since"),
                    not_modified=True,
                    encoding=_charset(response.headers.get("content-type")),
                    content_type=response.headers.get("content-type"),
                    elapsed=time.monotonic() - started,
                )
            if status >= 400:
                raise HTTPStatusError(
                    f"{text_url} answered HTTP {status} {response.reason_phrase}. "
                    + _status_advice(status),
                    url=text_url,
                    status=status,
                )
            if status < 200 or status >= 300:
                raise HTTPStatusError(
                    f"{text_url} answered unexpected HTTP {status}.", url=text_url, status=status
                )
            body = self._read_body(response, text_url, max_bytes, deadline_at)
            content_type = response.headers.get("content-type")
            return FetchResult(
                url=text_url,
                status=status,
                headers=response_headers,
                body=body,
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
                not_modified=False,
                encoding=_charset(content_type),
                content_type=content_type,
                elapsed=time.monotonic() - started,
            )
        finally:
            response.close()

    def _read_body(
        self, response: httpx.Response, url: str, max_bytes: int, deadline_at: float
    ) -> bytes:
        declared = response.headers.get("content-length")
        encoding = response.headers.get("content-encoding", "")
        if declared and declared.strip().isdigit() and int(declared) > max_bytes:
            raise TooLarge(
                f"{url} declares {int(declared)} bytes, over the cap of {max_bytes}; raise "
                "max_bytes only if this source is known to publish such large documents.",
                url=url,
            )
        decoder = _CappedDecoder(encoding, url)
        body = bytearray()
        raw_total = 0
        try:
            for raw in response.iter_raw():
                raw_total += len(raw)
                if raw_total > max_bytes:
                    raise self._too_large(url, max_bytes, decoder.coding)
                body += decoder.decode(raw, max_bytes - len(body))
                if len(body) > max_bytes:
                    raise self._too_large(url, max_bytes, decoder.coding)
                if time.monotonic() > deadline_at:
                    raise self._deadline_error(httpx.URL(url))
            body += decoder.flush()
        except zlib.error as exc:
            raise FetchError(
                f"{url} sent a corrupt {decoder.coding} body ({exc}).", url=url
            ) from exc
        except httpx.TimeoutException as exc:
            raise FetchTimeout(
                f"timed out reading the body of {url}; the server stalled, try again later.",
                url=url,
            ) from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"connection broke while reading {url}: {exc}", url=url) from exc
        if len(body) > max_bytes:
            raise self._too_large(url, max_bytes, decoder.coding)
        return bytes(body)

    def _too_large(self, url: str, max_bytes: int, coding: str | None) -> TooLarge:
        what = f"decompressed ({coding}) body" if coding else "body"
        return TooLarge(
            f"the {what} of {url} exceeds the cap of {max_bytes} bytes; stopped reading. "
            "Raise max_bytes only if this source is known to publish such large documents.",
            url=url,
        )

    def _deadline_error(self, url: httpx.URL) -> FetchTimeout:
        return FetchTimeout(
            f"fetching {url} took longer than the {self.deadline:g}s deadline; the server is "
            "too slow or sends data too slowly. Try again later.",
            url=str(url),
        )

    # -- robots.txt --------------------------------------------------------------------------

    def _check_robots(self, url: httpx.URL, deadline_at: float) -> None:
        entry = self._robots_for(url, deadline_at)
        if entry.note and not entry.parser.can_fetch(self.user_agent, str(url)):
            raise RobotsDisallowed(
                f"robots.txt of {url.host} could not be read ({entry.note}); as RFC 9309 asks, "
                "the site is treated as fully disallowed for a few minutes. Try again later.",
                url=str(url),
            )
        if not entry.parser.can_fetch(self.user_agent, str(url)):
            raise RobotsDisallowed(
                f"robots.txt of {url.host} disallows {url.path} for our User-Agent "
                f"{self.user_agent!r}; ask the outlet for permission or use its feed instead.",
                url=str(url),
            )

    def _robots_for(self, url: httpx.URL, deadline_at: float) -> _RobotsEntry:
        key = f"{url.scheme}://{url.netloc.decode('ascii')}"
        now = time.monotonic()
        with self._robots_lock:
            entry = self._robots.get(key)
            if entry is not None and entry.expires > now:
                return entry
        parser, ttl, note = self._load_robots(key, deadline_at)
        entry = _RobotsEntry(parser, time.monotonic() + ttl, note)
        with self._robots_lock:
            self._robots[key] = entry
        return entry

    def _load_robots(
        self, origin: str, deadline_at: float
    ) -> tuple[urllib.robotparser.RobotFileParser, float, str]:
        """Fetch and parse robots.txt following RFC 9309's status rules.

        4xx means "no rules" (allow all); 5xx or an unreachable server means "assume
        everything is disallowed" for a short while, since the site may be overloaded.
        """
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        try:
            result = self._get(
                origin + "/robots.txt",
                etag=None,
                last_modified=None,
                accept="text/plain",
                max_bytes=ROBOTS_MAX_BYTES,
                started=time.monotonic(),
                deadline_at=deadline_at,
                check_robots=False,
            )
        except HTTPStatusError as exc:
            if 400 <= exc.status < 500:
                parser.allow_all = True
                return parser, self.robots_ttl, ""
            parser.disallow_all = True
            return parser, min(self.robots_ttl, 300.0), f"HTTP {exc.status}"
        except TooLarge:
            # RFC 9309 lets crawlers parse only the first 500 KiB; an oversize file is unusual
            # enough that we treat it like "no rules" rather than block the site.
            parser.allow_all = True
            return parser, self.robots_ttl, ""
        except (BlockedAddress, UnsupportedScheme):
            raise
        except FetchError as exc:
            parser.disallow_all = True
            return parser, min(self.robots_ttl, 300.0), type(exc).__name__
        text = result.body.decode("utf-8", errors="replace")
        parser.parse(text.splitlines())
        return parser, self.robots_ttl, ""


def _status_advice(status: int) -> str:
    if status in (401, 403):
        return "The site refuses us; it may block bots or need a subscription."
    if status in (404, 410):
        return "The address is gone; check whether the outlet moved its feed."
    if status == 429:
        return "We are rate-limited; fetch this source less often."
    if status >= 500:
        return "The server failed; try again later."
    return "Check the URL."


def _parse_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise FetchError(f"not a valid URL: {url!r} ({exc}).", url=str(url)) from exc
    if parsed.scheme not in ("http", "https"):
        raise UnsupportedScheme(
            f"refused {url!r}: only http and https URLs are fetched, not {parsed.scheme!r}.",
            url=str(url),
        )
    if not parsed.host:
        raise FetchError(f"URL {url!r} has no host.", url=str(url))
    if urlsplit(str(url)).username or urlsplit(str(url)).password:
        raise FetchError(
            f"refused {url!r}: URLs with credentials are not fetched; remove the user:password@.",
            url=str(url),
        )
    return parsed


def _with_redirects(result: FetchResult, redirects: tuple[str, ...]) -> FetchResult:
    return replace(result, redirects=redirects)


_default: Fetcher | None = None
_default_lock = threading.Lock()


def default_fetcher() -> Fetcher:
    """The process-wide fetcher, so robots.txt cache and host spacing are shared."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Fetcher()
        return _default


def fetch(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    accept: str | None = None,
    max_bytes: int | None = None,
) -> FetchResult:
    """Fetch ``url`` with the default fetcher; arguments as for ``Fetcher.fetch``."""
    return default_fetcher().fetch(
        url, etag=etag, last_modified=last_modified, accept=accept, max_bytes=max_bytes
    )
