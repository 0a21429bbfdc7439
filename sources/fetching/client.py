"""The safe HTTP client: one ``Fetcher`` per run (or the process-wide one behind ``fetch``).

It follows redirects itself, so that every hop is checked again (scheme, credentials, robots,
address at connection time), and streams bodies through a bounded decompressor against a total
deadline; see the package docstring for why each protection exists.
"""

from __future__ import annotations

import threading
import time
import types
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

import httpx
from django.conf import settings

from ..decoding import content_type_charset
from .addresses import CheckedTransport, Resolver, resolve
from .decompress import CappedDecoder
from .errors import (
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    TooLarge,
    TooManyRedirects,
    UnsupportedScheme,
)
from .politeness import HostThrottle
from .robots import ROBOTS_MAX_BYTES, RobotsRules

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


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
        self._user_agent = user_agent
        self.throttle = throttle or HostThrottle(min_host_delay)
        self.robots = RobotsRules(self._robots_txt, robots_ttl)
        limits = httpx.Limits(max_connections=20, max_keepalive_connections=10)
        self._client = httpx.Client(
            transport=CheckedTransport(resolver, limits),
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
                self.robots.check(current, self.user_agent, deadline_at)
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
                    result = replace(result, redirects=tuple(redirects))
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
                    encoding=content_type_charset(response.headers.get("content-type")),
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
                encoding=content_type_charset(content_type),
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
        decoder = CappedDecoder(encoding, url)
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

    def _robots_txt(self, url: str, deadline_at: float) -> bytes:
        """robots.txt body through this client's protections, without a robots check itself."""
        return self._get(
            url,
            etag=None,
            last_modified=None,
            accept="text/plain",
            max_bytes=ROBOTS_MAX_BYTES,
            started=time.monotonic(),
            deadline_at=deadline_at,
            check_robots=False,
        ).body


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


_default: Fetcher | None = None
_default_lock = threading.Lock()


def default_fetcher() -> Fetcher:
    """The process-wide fetcher, so robots.txt cache and host spacing are shared."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Fetcher()
        return _default
