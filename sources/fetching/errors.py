"""What can go wrong when fetching: one exception class per cause, each with advice for editors."""

from __future__ import annotations


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
